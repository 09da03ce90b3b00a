package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Wrong fix · lesson 03 · catch the KeyError and carry on with the first share keys
 *
 * No worker dies any more: a KeyError is caught and ignored. But the loop still stops after the first `share` keys
 * of its snapshot, so a worker that lost a key to another worker returns fewer values than it was asked for, and
 * entries stay in the map.
 *
 * Caught by: everyEntryIsRemovedExactlyOnce, noInterleavingPopsAKeyTwice
 */
public class Remover {

    private final ConcurrentMap<Integer, Integer> shared;

    /** Works on {@code shared}, the map that all workers remove from. */
    public Remover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public List<Integer> removeShare(int share) {
        List<Integer> keys = List.copyOf(shared.keySet()); // Python: keys = list(d.keys())
        List<Integer> values = new ArrayList<>(share);
        for (int i = 0; i < share; i++) {
            try {
                values.add(pop(keys.get(i)));
            } catch (NoSuchElementException gone) {
                // another worker popped it: skip it
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
