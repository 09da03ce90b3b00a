package workbook.lesson05;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Right fix · lesson 05 · the tutorial's own version: the exercise with unlock() moved below the loop
 *
 * The lock is taken once, before the snapshot, and let go in a finally block after the last removal, exactly as the
 * Python tutorial's scenario 5 does with its "with lock:" around the whole batch. Every map call is guarded, the
 * batch disappears at once, and an exception still releases the lock. The snapshot is no longer needed (nobody can
 * change the map under the lock), so each batch copies all remaining keys for nothing; that costs time, not
 * correctness.
 */
public class BatchRemover {

    private final Map<Integer, Integer> shared;
    private final Lock lock;

    /** Removes entries from {@code shared}, a plain HashMap that every worker uses, guarded by {@code lock}. */
    public BatchRemover(Map<Integer, Integer> shared, Lock lock) {
        this.shared = shared;
        this.lock = lock;
    }

    /**
     * Removes {@code size} entries, whichever ones, from the shared map and returns how many it removed. Many
     * threads call this at once; in Python it is each thread's task.
     */
    public int removeBatch(int size) {
        lock.lock();
        try {
            List<Integer> keys = new ArrayList<>(shared.keySet()); // list(d.keys())
            int removed = 0;
            for (Integer key : keys) {
                if (removed == size) {
                    break;
                }
                if (shared.remove(key) != null) {
                    removed++;
                }
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }
}
