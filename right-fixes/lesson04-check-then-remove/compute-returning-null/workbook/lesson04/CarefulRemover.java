package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/*
 * Right fix · lesson 04 · compute, and let the map do the removing
 *
 * compute(key, f) runs f atomically with the key's current value, or null when another worker took it first. The
 * function only records the value; it never calls the map itself (ConcurrentHashMap's Javadoc: "The remapping
 * function must not modify this map during computation"). Returning null is how it asks the map to remove the
 * entry, once, with the map's own bookkeeping. Exactly one worker sees each value, so each is handed back once.
 */
public class CarefulRemover {

    private final ConcurrentMap<Integer, Integer> shared;

    /** Works on {@code shared}, the map that all workers remove from. */
    public CarefulRemover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public List<Integer> removeShare(int share) {
        List<Integer> keys = List.copyOf(shared.keySet());
        List<Integer> values = new ArrayList<>(share);
        for (Integer key : keys) {
            if (values.size() == share) {
                break;
            }
            shared.compute(key, (k, value) -> {
                if (value != null) {
                    values.add(value); // null: another worker removed it first
                }
                return null; // the map removes the entry, if there is one
            });
        }
        return values;
    }
}
