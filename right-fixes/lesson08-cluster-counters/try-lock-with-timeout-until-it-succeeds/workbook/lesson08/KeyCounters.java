package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/*
 * Lesson 08 · right fix: the map's lock, waited for in rounds of 5 seconds
 *
 * IMap.tryLock(key, 5, SECONDS) waits up to 5 seconds for the key's lock and answers whether it got it. When it did
 * not, this version asks again, and it counts only once it holds the lock: every increment of the key happens under
 * the one lock the cluster keeps for it. Waiting in rounds rather than with lock(key) leaves room to log a slow
 * key, or to notice an interrupt, between the rounds.
 */
public class KeyCounters {

    private final IMap<String, Map<String, Integer>> counts;

    /**
     * Counts in {@code counts}, the cluster's map that every member's KeyCounters shares; it may already hold counts
     * in the reader's shape. (The tests hand in a view of the map that they watch.)
     */
    public KeyCounters(IMap<String, Map<String, Integer>> counts) {
        this.counts = counts;
    }

    /** Adds one to {@code key}'s count, starting from 0 on first use; in Python: {@code d[key]['count'] += 1}. */
    public void increment(String key) {
        try {
            while (!counts.tryLock(key, 5, TimeUnit.SECONDS)) {
                // still held by another member: wait another round
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the lock of " + key, e);
        }
        try {
            Map<String, Integer> counter = counts.get(key);
            if (counter == null) {
                counter = new HashMap<>();
                counter.put("count", 0);
            }
            counter.put("count", counter.get("count") + 1);
            counts.put(key, counter);
        } finally {
            counts.unlock(key);
        }
    }

    /** A copy of every count, in the reader's shape: {@code {"a": {"count": 1}, "b": {"count": 2}}}. */
    public Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        for (Map.Entry<String, Map<String, Integer>> entry : counts.entrySet()) {
            copy.put(entry.getKey(), Map.copyOf(entry.getValue()));
        }
        return copy;
    }
}
