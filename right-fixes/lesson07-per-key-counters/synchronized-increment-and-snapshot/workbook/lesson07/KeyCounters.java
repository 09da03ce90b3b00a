package workbook.lesson07;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;

/*
 * Right fix · lesson 07 · synchronized increment and snapshot
 *
 * One lock for all keys: the object's own monitor. Every increment, and the snapshot, runs while holding it, so no
 * two of them ever overlap, whatever the key. Simple and correct; the cost is that threads incrementing different
 * keys wait for each other too.
 */
public class KeyCounters {

    private final ConcurrentMap<String, ConcurrentMap<String, Integer>> counts;

    /** Starts with no counts. */
    public KeyCounters() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /**
     * Counts on in {@code counts}, which may already hold counts in the reader's shape. This version needs no lock
     * registry and leaves {@code locks} unused. (The tests hand in maps that they watch.)
     */
    public KeyCounters(ConcurrentMap<String, ConcurrentMap<String, Integer>> counts,
            ConcurrentMap<String, Lock> locks) {
        this.counts = counts;
    }

    /** Adds one to {@code key}'s count, starting from 0 on first use; in Python: {@code d[key]['count'] += 1}. */
    public synchronized void increment(String key) {
        ConcurrentMap<String, Integer> counter = counts.get(key);
        if (counter == null) {
            counter = new ConcurrentHashMap<>();
            counter.put("count", 0);
            counts.put(key, counter);
        }
        counter.put("count", counter.get("count") + 1);
    }

    /** A copy of every count, in the reader's shape: {@code {"a": {"count": 1}, "b": {"count": 2}}}. */
    public synchronized Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        counts.forEach((key, counter) -> copy.put(key, Map.copyOf(counter)));
        return copy;
    }
}
