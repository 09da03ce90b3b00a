package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Wrong fix · lesson 03 · a lock around the check and the pop, but a new lock on every call
 *
 * The check and the pop are under a lock, and the loop walks on until the share is complete. But the lock is made
 * inside removeShare: every call, so every worker, has a lock of its own, and a lock nobody else takes excludes
 * nobody. Another worker can still pop the key between the check and the pop.
 *
 * The stress test does not hold a worker that holds a lock (it cannot tell whose lock it is), so it catches this
 * fix only when the scheduler happens to switch threads at the wrong moment; the model-checked test finds the
 * interleaving every time.
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
        List<Integer> keys = List.copyOf(shared.keySet()); // candidates, possibly stale already
        List<Integer> values = new ArrayList<>(share);
        ReentrantLock lock = new ReentrantLock();
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
