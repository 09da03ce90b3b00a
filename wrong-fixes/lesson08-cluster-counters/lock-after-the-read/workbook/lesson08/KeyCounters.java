package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/*
 * Lesson 08 · wrong fix: the map's lock, taken after the read
 *
 * IMap.lock is the right lock, and the put is inside it, but the get is not: the count is read first, and only
 * then is the key locked for the write. Two members that read the same count before either locks both write
 * count + 1, one after the other, each under the lock. A lock guards a read-add-write only if the read is inside.
 *
 * Caught by: twoMembersCountAnExistingKeyTwice, twoMembersCountANewKeyTwice (and, on most runs, by
 * eightThreadsOnTwoMembersCountEveryIncrement)
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
        Map<String, Integer> counter = counts.get(key);
        if (counter == null) {
            counter = new HashMap<>();
            counter.put("count", 0);
        }
        counter.put("count", counter.get("count") + 1);
        counts.lock(key);
        try {
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
