package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Wrong fix · lesson 03 · get the value, then remove the key without looking at what remove returns
 *
 * No KeyError any more: a key that is gone gives null from get and is skipped. But get and remove are two steps. Two
 * workers can both get the same value before either removes the key, and both hand it back: one entry, processed
 * twice.
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
        for (int i = 0; i < keys.size() && values.size() < share; i++) {
            Integer value = shared.get(keys.get(i));
            if (value != null) {
                shared.remove(keys.get(i));
                values.add(value);
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
