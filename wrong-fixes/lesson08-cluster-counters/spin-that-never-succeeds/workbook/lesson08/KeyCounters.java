package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/*
 * Lesson 08 · wrong fix: a compare-and-set loop that never reads again
 *
 * replace(key, old, next) stores next only if the map still holds old, and a loop retries it until it does. But
 * this loop reads the counter once, before the loop: when another member's increment comes in between, the map
 * holds a newer counter than old for good, and replace answers false on every try. The thread spins for ever. A
 * retry has to read again what it compares with (see right-fixes/lesson08-cluster-counters/replace-loop).
 *
 * Caught by: twoMembersCountAnExistingKeyTwice, twoMembersCountANewKeyTwice (the lockstep names the spin stuck once
 * the other thread has finished and the same replace keeps failing)
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
        Map<String, Integer> next = new HashMap<>();
        next.put("count", old == null ? 1 : old.get("count") + 1);
        if (old == null) {
            while (counts.putIfAbsent(key, next) != null) {
                Thread.onSpinWait();
            }
        } else {
            while (!counts.replace(key, old, next)) {
                Thread.onSpinWait();
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
