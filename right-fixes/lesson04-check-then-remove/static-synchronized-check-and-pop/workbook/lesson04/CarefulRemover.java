package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/*
 * Right fix · lesson 04 · a static synchronized method does the check and the pop
 *
 * popIfPresent is static synchronized, so it runs under the class's one monitor: one lock for every worker. The
 * check and the pop happen inside it together, and no other worker can remove the key in between. The loop walks
 * the stale snapshot, skipping keys that are gone, until it has its share.
 */
public class CarefulRemover {

    private final ConcurrentMap<Integer, Integer> shared;

    /** Works on {@code shared}, the map that all workers remove from. */
    public CarefulRemover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public List<Integer> removeShare(int share) {
        List<Integer> keys = List.copyOf(shared.keySet()); // candidates, possibly stale already
        List<Integer> values = new ArrayList<>(share);
        for (Integer key : keys) {
            if (values.size() == share) {
                break;
            }
            Integer value = popIfPresent(shared, key);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** The check and the pop under the class's monitor; null when the key is gone. */
    private static synchronized Integer popIfPresent(ConcurrentMap<Integer, Integer> shared, Integer key) {
        return shared.containsKey(key) ? shared.remove(key) : null;
    }
}
