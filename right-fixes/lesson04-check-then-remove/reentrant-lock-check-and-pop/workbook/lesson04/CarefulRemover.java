package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Right fix · lesson 04 · one ReentrantLock around the check and the pop
 *
 * Every worker calls the same CarefulRemover, so its one ReentrantLock is one lock for all of them. Under it no
 * other worker can remove the key between the check and the pop. The loop walks the stale snapshot, skipping keys
 * that are gone, until it has its share; unlock is in a finally, so a KeyError could not leave the lock held.
 */
public class CarefulRemover {

    private final ReentrantLock lock = new ReentrantLock(); // one per remover, and all workers share the remover

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
            lock.lock();
            try {
                if (shared.containsKey(key)) {
                    values.add(pop(key));
                }
            } finally {
                lock.unlock();
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
