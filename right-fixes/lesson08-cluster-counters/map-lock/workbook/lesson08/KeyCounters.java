package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/*
 * Lesson 08 · right fix: the map's own per-key lock
 *
 * IMap.lock(key) takes a lock that the cluster keeps, on the member that owns the key's partition: one lock per key
 * for every member, not one per member. A thread on another member that calls lock(key) waits until this one calls
 * unlock(key), so the get and the put below are one step for the whole cluster. unlock is in a finally block, as
 * with any lock: a lock left held blocks every member's increments of that key.
 *
 * Each increment costs four calls to the key's owner (lock, get, put, unlock) instead of one, and threads on one
 * key wait for each other across the network. The lock is not safe when the network splits the cluster: each side
 * may then grant it. The CP subsystem's FencedLock (or an IAtomicLong per key) is safe there; see the README.
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
        counts.lock(key);
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
