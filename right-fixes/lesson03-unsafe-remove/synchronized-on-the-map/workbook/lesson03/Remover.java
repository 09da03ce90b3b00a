package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Right fix · lesson 03 · synchronized on the shared map itself around the check and the pop
 *
 * The lock is an object the remover does not own: the map it was handed. Every worker removes from that one map,
 * so every worker takes that one monitor, and no other worker can pop the key between the check and the pop. (The
 * map's own methods do not take its monitor; they do not need to, as every removal here happens under it.)
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
            synchronized (shared) {
                if (shared.containsKey(key)) {
                    values.add(pop(key));
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
