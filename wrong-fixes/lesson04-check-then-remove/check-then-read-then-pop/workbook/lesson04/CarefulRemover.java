package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Wrong fix · lesson 04 · check, read the value to be sure, then pop
 *
 * Extra care before the pop: after containsKey, a get confirms that the key still has a value, and the worker walks
 * on until its share is complete. Each call is atomic and the steps are more, not fewer: another worker can still pop
 * the key after the get and before this worker's pop, and pop throws KeyError.
 *
 * Caught by: noInterleavingPopsACheckedKeyTwice
 */
public class CarefulRemover {

    private final ConcurrentMap<Integer, Integer> shared;

    /** Works on {@code shared}, the map that all workers remove from. */
    public CarefulRemover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public List<Integer> removeShare(int share) {
        List<Integer> values = new ArrayList<>(share);
        for (Integer key : List.copyOf(shared.keySet())) {
            if (values.size() == share) {
                break;
            }
            if (shared.containsKey(key) && shared.get(key) != null) { // there, and still has its value
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
