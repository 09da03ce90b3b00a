package workbook.lesson08;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/*
 * Lesson 08 · Counters across a cluster — reference solution
 *
 * No locks of our own, and no read-then-write from the caller. The increment travels to the data: executeOnKey
 * sends an entry processor (AddOne) to the member that owns the key's partition, and that member runs it on the
 * entry while no other operation on the key's partition runs. The read, the add and the write are one step there,
 * whichever member asked, so two members cannot both read the same count. It costs one call over the network per
 * increment and never retries: this is lesson 07's ConcurrentHashMap.merge, done by the cluster.
 *
 * Other fixes that pass the same tests (see right-fixes/lesson08-cluster-counters/ and the README, which compares
 * them): the map's own per-key lock, IMap.lock(key) with unlock in a finally block around the get and put; an
 * optimistic loop of get, then replace(key, old, new) (putIfAbsent for a new key) until it succeeds; and IMap.merge.
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
        counts.executeOnKey(key, new AddOne());
    }

    /** A copy of every count, in the reader's shape: {@code {"a": {"count": 1}, "b": {"count": 2}}}. */
    public Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        for (Map.Entry<String, Map<String, Integer>> entry : counts.entrySet()) {
            copy.put(entry.getKey(), Map.copyOf(entry.getValue()));
        }
        return copy;
    }

    /**
     * Runs on the member that owns the entry: adds one to its "count" (making {"count": 1} for a new key) and returns
     * the new count. It travels over the network, so it is Serializable (every EntryProcessor is) and holds no state.
     */
    static final class AddOne implements EntryProcessor<String, Map<String, Integer>, Integer> {

        private static final long serialVersionUID = 1L;

        @Override
        public Integer process(Map.Entry<String, Map<String, Integer>> entry) {
            Map<String, Integer> counter = entry.getValue() == null ? new HashMap<>() : entry.getValue();
            int count = counter.merge("count", 1, Integer::sum);
            entry.setValue(counter);
            return count;
        }
    }
}
