package workbook.lesson05;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 05 · the lock let go every ten removals, to be fair to the other workers
 *
 * The batch runs under the lock, but every ten removals it unlocks and locks again, so that 999 waiting workers get
 * a turn. Every map call is still guarded; the batch is not: whoever takes the lock in the gap sees it half removed.
 *
 * Caught by: everyBatchIsRemovedWhileHoldingTheLock (the model-checked test removes batches of 2, which never reach
 * a tenth removal)
 */
public class BatchRemover {

    private static final int TURN = 10;

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
            int removed = 0;
            Iterator<Integer> keys = shared.keySet().iterator();
            while (removed < size && keys.hasNext()) {
                keys.next();
                keys.remove();
                removed++;
                if (removed % TURN == 0 && removed < size) {
                    lock.unlock(); // let a waiting worker in
                    lock.lock();
                    keys = shared.keySet().iterator(); // the map may have changed meanwhile
                }
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }
}
