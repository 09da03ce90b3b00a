package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/*
 * Lesson 08 · wrong fix: synchronized on the key
 *
 * No registry to get wrong: every thread synchronizes on the key itself, interned so that equal keys are one
 * object (without intern(), two requests for "a" bring two different Strings, and nobody waits for anybody). In
 * one JVM that is a lock per key. But a monitor belongs to an object in one JVM's memory; a member on another
 * machine has its own interned "a" and never waits for this one. The test runs both members in one JVM, where
 * they do share the interned String (no class loader separates it), and so it checks where each thread waited, and
 * whether anything of the cluster's also guarded the update. Here nothing does: the put overwrites the key without
 * the map's lock.
 *
 * Caught by: twoMembersCountAnExistingKeyTwice, twoMembersCountANewKeyTwice (member 2's thread waits for a monitor
 * that member 1's thread holds, outside the map, and member 1 stores with neither the map's lock nor an atomic
 * map operation)
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
            Map<String, Integer> counter = counts.get(key);
            if (counter == null) {
                counter = new HashMap<>();
                counter.put("count", 0);
            }
            counter.put("count", counter.get("count") + 1);
            counts.put(key, counter);
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
