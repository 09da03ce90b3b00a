package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/*
 * Lesson 08 · wrong fix: replace(key, old, next) whose result is ignored
 *
 * The right tool, used halfway. replace(key, old, next) stores next only if the map still holds old, and returns
 * false when it does not; putIfAbsent likewise returns what was there. This version calls them once and does not
 * look at what they return. Nothing is overwritten any more, but when another member's increment comes in between
 * the get and the replace, this increment is dropped without a word instead of retried.
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
        Map<String, Integer> old = counts.get(key);
        if (old == null) {
            Map<String, Integer> first = new HashMap<>();
            first.put("count", 1);
            counts.putIfAbsent(key, first);
        } else {
            Map<String, Integer> next = new HashMap<>(old);
            next.put("count", old.get("count") + 1);
            counts.replace(key, old, next);
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
