package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/*
 * Wrong fix · lesson 04 · remove(key) and skip nulls, but only over the first share keys
 *
 * The check is gone: remove(key) checks and pops in one atomic step, and a null is skipped. That is the right call,
 * but the loop still stops after the first `share` keys of the stale snapshot. A worker whose keys were taken by
 * others returns fewer values than it was asked for, and entries stay in the map: the stale snapshot of lesson 03,
 * only quieter.
 *
 * Caught by: everyValueIsHandedBackExactlyOnce, noInterleavingPopsACheckedKeyTwice
 */
public class CarefulRemover {

    private final ConcurrentMap<Integer, Integer> shared;

    /** Works on {@code shared}, the map that all workers remove from. */
    public CarefulRemover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public List<Integer> removeShare(int share) {
        List<Integer> keys = List.copyOf(shared.keySet()); // Python: keys = list(d.keys())
        List<Integer> values = new ArrayList<>(share);
        for (int i = 0; i < share; i++) {
            Integer value = shared.remove(keys.get(i)); // the check and the pop, as one atomic step
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
