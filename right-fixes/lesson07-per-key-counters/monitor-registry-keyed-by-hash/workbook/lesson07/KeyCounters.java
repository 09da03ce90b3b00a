package workbook.lesson07;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;

/*
 * Right fix · lesson 07 · one monitor per hash code, from a registry
 *
 * Equal keys have equal hash codes, so the hash code may choose the lock, but the lock must be an object that exists
 * once per hash code. A number boxed on the spot is not (Integer.valueOf shares its objects only from -128 to 127),
 * so the monitors live in a ConcurrentHashMap keyed by the hash code: computeIfAbsent compares keys with equals,
 * makes the monitor at most once, and hands every thread the same one. Two keys with the same hash code share a
 * monitor, which costs a little waiting, never a count.
 */
public class KeyCounters {

    private final ConcurrentMap<String, ConcurrentMap<String, Integer>> counts;
    private final ConcurrentMap<Integer, Object> monitorsByHash = new ConcurrentHashMap<>();

    /** Starts with no counts. */
    public KeyCounters() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /**
     * Counts on in {@code counts}, which may already hold counts in the reader's shape. This version keeps its
     * monitors in a registry of its own and leaves {@code locks} unused. (The tests hand in maps that they watch.)
     */
    public KeyCounters(ConcurrentMap<String, ConcurrentMap<String, Integer>> counts,
            ConcurrentMap<String, Lock> locks) {
        this.counts = counts;
    }

    /** Adds one to {@code key}'s count, starting from 0 on first use; in Python: {@code d[key]['count'] += 1}. */
    public void increment(String key) {
        synchronized (monitorsByHash.computeIfAbsent(key.hashCode(), hash -> new Object())) {
            ConcurrentMap<String, Integer> counter = counts.get(key);
            if (counter == null) {
                counter = new ConcurrentHashMap<>();
                counter.put("count", 0);
                counts.put(key, counter);
            }
            counter.put("count", counter.get("count") + 1);
        }
    }

    /** A copy of every count, in the reader's shape: {@code {"a": {"count": 1}, "b": {"count": 2}}}. */
    public Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        counts.forEach((key, counter) -> copy.put(key, Map.copyOf(counter)));
        return copy;
    }
}
