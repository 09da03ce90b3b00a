package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/*
 * Lesson 08 · right fix: an optimistic compare-and-set loop
 *
 * No lock at all. Read the counter, work out the next one, and store it only if the map still holds what was read:
 * replace(key, old, next) does that check and the store as one step on the key's owner, and says whether it
 * stored. If another member's increment came in between, it returns false, and the loop reads again and retries.
 * A new key is stored with putIfAbsent, which likewise fails when another thread stored the key first.
 *
 * Two calls per increment when nobody else writes the key; under contention, two more per retry, and a thread can
 * in principle retry for as long as others keep winning. The comparison is of the serialized values, so old must
 * be exactly what get returned.
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
        while (true) {
            Map<String, Integer> old = counts.get(key);
            if (old == null) {
                Map<String, Integer> first = new HashMap<>();
                first.put("count", 1);
                if (counts.putIfAbsent(key, first) == null) {
                    return;
                }
            } else {
                Map<String, Integer> next = new HashMap<>(old);
                next.put("count", old.get("count") + 1);
                if (counts.replace(key, old, next)) {
                    return;
                }
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
