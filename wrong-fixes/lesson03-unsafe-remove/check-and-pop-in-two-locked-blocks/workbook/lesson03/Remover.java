package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Wrong fix · lesson 03 · the check and the pop each under the map's lock, but not together
 *
 * Every step is locked, so it looks safe: the check in one synchronized block, the pop in the next. Between the two
 * blocks the lock is free, and another worker can pop the key this one has just found; then pop throws KeyError.
 * On one CPU the gap is a few instructions wide, which the model-checked test still finds.
 *
 * Caught by: noInterleavingPopsAKeyTwice
 */
public class Remover {

    private final ConcurrentMap<Integer, Integer> shared;

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
            boolean there;
            synchronized (shared) {
                there = shared.containsKey(key);
            }
            if (there) {
                synchronized (shared) {
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
