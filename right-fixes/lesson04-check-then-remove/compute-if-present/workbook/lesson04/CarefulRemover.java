package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/*
 * Right fix · lesson 04 · claim each key with computeIfPresent
 *
 * computeIfPresent runs the function only while the key is there, and atomically: a ConcurrentHashMap holds the
 * key's bin while it runs. The function records the value and returns null, which removes the entry. Exactly one
 * worker can see a given key present, so each value is handed back once. The loop walks the stale snapshot,
 * skipping keys that are gone, until it has its share.
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
            shared.computeIfPresent(key, (k, value) -> {
                values.add(value);
                return null; // null removes the entry
            });
        }
        return values;
    }
}
