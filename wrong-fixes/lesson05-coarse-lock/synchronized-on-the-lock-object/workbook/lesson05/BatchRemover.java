package workbook.lesson05;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 05 · synchronized (lock) instead of lock.lock()
 *
 * The whole batch is inside one synchronized block, on the lock object even. But a Java object's monitor and a
 * java.util.concurrent Lock are two different locks: code that calls lock.lock() does not wait for this block, and
 * this block does not wait for it.
 *
 * Caught by: everyBatchIsRemovedWhileHoldingTheLock
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
        synchronized (lock) {
            List<Integer> keys = new ArrayList<>(shared.keySet());
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
        }
    }
}
