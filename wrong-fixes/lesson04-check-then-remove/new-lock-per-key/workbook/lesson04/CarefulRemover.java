package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Wrong fix · lesson 04 · a lock around the check and the pop, made fresh for every key
 *
 * The check and the pop are under a lock, and the loop walks on until the share is complete. But a new lock is made
 * for every key, so no two workers ever take the same lock, and a lock nobody else takes excludes nobody. Another
 * worker can still pop the key between the check and the pop.
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
            ReentrantLock lock = new ReentrantLock(); // this key's lock, made just now
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
