package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/*
 * Lesson 08 · right fix: IMap.merge
 *
 * merge(key, {"count": 1}, add) stores {"count": 1} for a new key and otherwise add(old, {"count": 1}), as one
 * atomic update of the cluster's map: lesson 07's one-liner, with the map's own merge.
 *
 * How Hazelcast makes it atomic depends on the function. A lambda like this one is not Serializable, so it cannot
 * travel: the member that calls merge runs the optimistic loop of right-fixes/.../replace-loop itself (get, apply,
 * replace or putIfAbsent, again on failure). A function of a static class that implements Serializable is sent to
 * the key's owner and applied there, like the reference solution's entry processor: one call, no retries.
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
        counts.merge(key, Map.of("count", 1), (old, one) -> {
            Map<String, Integer> next = new HashMap<>(old);
            next.merge("count", one.get("count"), Integer::sum);
            return next;
        });
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
