package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Right fix · lesson 04 · catch the KeyError and move on to the next key
 *
 * The check stays, but only as a hint. pop is one atomic remove, so whoever gets the value is the only one; when
 * another worker got there between the check and the pop, the KeyError is caught and the loop moves on to the next
 * key. It walks the whole stale snapshot until it has its share.
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
            if (shared.containsKey(key)) { // only a hint now
                try {
                    values.add(pop(key));
                } catch (NoSuchElementException gone) {
                    // another worker popped it between the check and the pop: try the next key on the list
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
