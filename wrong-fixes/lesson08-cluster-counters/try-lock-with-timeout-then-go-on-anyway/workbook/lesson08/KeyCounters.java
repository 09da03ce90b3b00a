package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/*
 * Lesson 08 · wrong fix: tryLock with a timeout, then count anyway
 *
 * IMap.tryLock(key, 100, MILLISECONDS) waits up to 100 ms for the key's lock, so that no request hangs behind a slow
 * member; when it gives up, this version counts without the lock, reasoning that a timeout is rare. But it happens
 * exactly when another member holds the key, that is, in the middle of that member's get-add-put: both read the
 * same count, and one increment is lost.
 *
 * Caught by: twoMembersCountAnExistingKeyTwice, twoMembersCountANewKeyTwice (the lockstep lets the first timed wait
 * give up before the holder goes on)
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
        boolean locked;
        try {
            locked = counts.tryLock(key, 100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
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
            if (locked) {
                counts.unlock(key);
            }
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
