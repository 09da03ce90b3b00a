package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/*
 * Lesson 08 · right fix: a lock of this JVM, and the map's own lock inside it
 *
 * The map's lock, IMap.lock(key), is what makes the increment safe across members: every member takes the same one.
 * Around it, synchronized on the interned key lets this member's own threads queue up in the JVM, so that only one
 * of them at a time asks the cluster for the key's lock. The monitor is redundant for correctness (it excludes only
 * this member's threads, and the map's lock already does), but it costs nothing across members: on two machines
 * each has its own interned "a", and the map's lock still keeps them apart. In the test, whose two members share
 * one JVM and so one interned "a", the other member's thread waits on the monitor as well; the count is right
 * either way, because the update is also guarded by the map's lock.
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
        synchronized (key.intern()) {
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
