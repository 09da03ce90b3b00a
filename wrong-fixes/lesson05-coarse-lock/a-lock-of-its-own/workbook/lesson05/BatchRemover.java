package workbook.lesson05;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Wrong fix · lesson 05 · a lock the remover makes for itself
 *
 * The whole batch is removed under one hold of a lock, with unlock() in a finally block. But it is the remover's own
 * lock, not the one it was handed. The workers that share this remover exclude each other; everybody else who uses
 * the map takes the lock that guards it, and never waits for this one. A lock guards only what everyone guards with
 * it.
 *
 * Caught by: everyBatchIsRemovedWhileHoldingTheLock, aReaderUnderTheLockNeverSeesHalfABatch
 */
public class BatchRemover {

    private final Map<Integer, Integer> shared;
    private final Lock lock = new ReentrantLock(); // this remover's own: the one it was given is left unused

    /** Removes entries from {@code shared}, a plain HashMap that every worker uses, guarded by {@code lock}. */
    public BatchRemover(Map<Integer, Integer> shared, Lock lock) {
        this.shared = shared;
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
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }
}
