package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/*
 * Lesson 08 · right fix: the map's lock with a lease far longer than the update
 *
 * IMap.lock(key, 30, SECONDS) is the map's lock with a lease: if this member died holding it, the cluster would free
 * the key after 30 seconds instead of never. The get-add-put takes milliseconds, so the lease does not run out while
 * the lock guards it; unlock in a finally block frees the key as soon as the update is done. (A pause of the JVM
 * longer than the lease, a long garbage collection say, would still let the lease run out mid-update: the lease
 * trades that rare risk for a key that cannot stay locked for ever. The README compares it with the CP subsystem's
 * FencedLock, which a store can use to refuse a write from a holder whose lock has gone.)
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
        counts.lock(key, 30, TimeUnit.SECONDS);
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
