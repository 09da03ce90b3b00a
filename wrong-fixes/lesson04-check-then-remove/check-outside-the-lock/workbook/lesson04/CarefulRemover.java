package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Wrong fix · lesson 04 · the pop under a lock, the check outside it
 *
 * The pop runs under a lock that every worker shares, and the loop walks on until the share is complete. But the
 * check is made before the lock is taken: by the time the worker holds the lock, another worker may have popped the
 * key, and pop throws.
 *
 * The stress test does not hold a worker that holds a lock (it cannot tell whose lock it is), so it catches this
 * fix only when the scheduler happens to switch threads at the wrong moment; the model-checked test finds the
 * interleaving every time.
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
        List<Integer> keys = List.copyOf(shared.keySet()); // candidates, possibly stale already
        List<Integer> values = new ArrayList<>(share);
        for (Integer key : keys) {
            if (values.size() == share) {
                break;
            }
            if (shared.containsKey(key)) {
                synchronized (this) {
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
