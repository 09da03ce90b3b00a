package workbook.lesson05;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 05 · a quick look at the map before taking the lock
 *
 * The batch itself is right: removed under one hold of the lock, through the map's own iterator. But first, to spare
 * the lock when there is nothing to do, it asks the map for its size without the lock. That read is unguarded: it
 * can run in the middle of another worker's removal and see the HashMap half updated, and the answer is stale the
 * moment the lock is taken. Every access counts, reads too.
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
        if (shared.isEmpty()) {
            return 0; // nothing left: no need to wait for the lock
        }
        lock.lock();
        try {
            int removed = 0;
            Iterator<Integer> keys = shared.keySet().iterator();
            while (removed < size && keys.hasNext()) {
                keys.next();
                keys.remove();
                removed++;
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }
}
