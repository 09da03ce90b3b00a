package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/*
 * Right fix · lesson 04 · get the value, then remove the key only if it still maps to that value
 *
 * get says which value the key had; remove(key, value) removes the entry only if the key still maps to it,
 * atomically, and says whether it did. Two workers may both get the value, but only one of them removes it and
 * hands it back. The loop walks the stale snapshot, skipping keys that are gone, until it has its share.
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
            Integer value = shared.get(key);
            if (value != null && shared.remove(key, value)) { // true for exactly one worker
                values.add(value);
            }
        }
        return values;
    }
}
