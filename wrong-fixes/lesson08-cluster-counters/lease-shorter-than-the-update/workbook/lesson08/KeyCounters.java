package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/*
 * Lesson 08 · wrong fix: the map's lock with a lease shorter than the update can take
 *
 * IMap.lock(key, 10, MILLISECONDS) takes the map's lock with a lease of 10 ms, so that a member that dies holding it
 * cannot block the key for long; an increment usually takes a few milliseconds. But a lease runs out whether the
 * holder is done or not: when this member is slow (a pause of the JVM, a busy CPU, a slow network) between its get
 * and its put, the cluster frees the key, another member locks it and reads the same count, and both write count + 1.
 * The holder then no longer owns the lock it unlocks.
 *
 * Caught by: twoMembersCountAnExistingKeyTwice, twoMembersCountANewKeyTwice (the lockstep holds the first member
 * until its lease runs out, as a slow member would be held)
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
        counts.lock(key, 10, TimeUnit.MILLISECONDS);
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
