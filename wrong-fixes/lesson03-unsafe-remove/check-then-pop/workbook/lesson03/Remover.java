package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Wrong fix · lesson 03 · check that the key is still there, then pop it
 *
 * The next thing most people try, and lesson 04's exercise: look before you pop, and walk on until the share is
 * complete. containsKey and remove are each atomic, the pair is not: another worker can pop the key between the
 * check and the pop, and pop throws.
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
        List<Integer> keys = List.copyOf(shared.keySet()); // candidates, possibly stale already
        List<Integer> values = new ArrayList<>(share);
        for (Integer key : keys) {
            if (values.size() == share) {
                break;
            }
            if (shared.containsKey(key)) {
                values.add(pop(key));
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
