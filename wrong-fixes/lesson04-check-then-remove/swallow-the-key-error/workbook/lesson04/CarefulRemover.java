package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Wrong fix · lesson 04 · keep the check, catch the KeyError, stop after the first share keys
 *
 * No worker dies any more: a KeyError is caught and ignored. But the loop still stops after the first `share` keys
 * of its snapshot, and keys that the check found gone are skipped too, so a worker that lost a key to another
 * worker returns fewer values than it was asked for, and entries stay in the map.
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
            Integer key = keys.get(i);
            if (shared.containsKey(key)) {
                try {
                    values.add(pop(key));
                } catch (NoSuchElementException gone) {
                    // another worker popped it after the check: skip it
                }
            }
        }
        return values;
    }

    /** Python's {@code d.pop(key)}: removes {@code key} and returns its value, or throws when the key is not there. */
    Integer pop(Integer key) {
        Integer value = shared.remove(key);
        if (value == null) {
            throw new NoSuchElementException("KeyError: " + key);
        }
        return value;
    }
}
