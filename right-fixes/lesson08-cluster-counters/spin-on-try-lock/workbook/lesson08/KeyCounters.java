package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/*
 * Lesson 08 · right fix: the map's lock, taken by spinning on tryLock
 *
 * IMap.tryLock(key) answers at once: true if this thread now holds the key's lock, false if another thread (of any
 * member) does. Asking again until it answers true, then doing the whole get-add-put, then unlock in a finally
 * block, is the map's lock taken the busy way: correct, since every increment of the key happens under the one
 * lock the cluster keeps for it. It costs a call over the network per try while another member holds the key, where
 * lock(key) would wait quietly; Thread.onSpinWait() tells the CPU that this is a spin.
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
        while (!counts.tryLock(key)) {
            Thread.onSpinWait();
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
