package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Right fix · lesson 03 · catch the KeyError and move on to the next key
 *
 * pop still throws when the key is gone, but a KeyError now means "someone else has it" and the loop moves on to
 * the next key instead of dying. pop is one atomic remove, so whoever gets the value is the only one; the loop
 * walks the whole stale snapshot until it has its share.
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
            try {
                values.add(pop(key));
            } catch (NoSuchElementException gone) {
                // another worker popped it first: try the next key on the list
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
