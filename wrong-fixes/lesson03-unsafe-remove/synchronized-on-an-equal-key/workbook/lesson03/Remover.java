package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Wrong fix · lesson 03 · synchronized on the key, boxed afresh, around the check and the pop
 *
 * "Only workers after the same key need to wait for each other", so the lock is the key. But Integer.valueOf(key)
 * is an equal Integer, not the same one: for keys above 127 every call boxes a new object, so two workers after the
 * same key take two different monitors and both pass the check. Keys 0 to 127 come from Integer's cache and are the
 * same object, which is why the model-checked scenario uses keys above 127.
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
            synchronized (Integer.valueOf(key.intValue())) { // an equal Integer, not the map's
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
