package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/*
 * Right fix · lesson 03 · claim each key in a set of one's own, then pop it
 *
 * Another data structure behind the same API: the remover keeps a concurrent set of the keys it has handed out.
 * Set.add is atomic and returns true to exactly one caller, so a key is claimed by one worker only, and only that
 * worker pops it: pop never meets a key that another worker took. The workers share one remover, as the tutorial's
 * threads share one dict; keys it has not claimed yet are still in the map, so a worker walks on until its share is
 * complete.
 */
public class Remover {

    private final ConcurrentMap<Integer, Integer> shared;
    private final Set<Integer> claimed = ConcurrentHashMap.newKeySet();

    /** Works on {@code shared}, the map that all workers remove from. */
    public Remover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public List<Integer> removeShare(int share) {
        List<Integer> values = new ArrayList<>(share);
        for (Integer key : List.copyOf(shared.keySet())) {
            if (values.size() == share) {
                break;
            }
            if (claimed.add(key)) { // true for one worker only
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
