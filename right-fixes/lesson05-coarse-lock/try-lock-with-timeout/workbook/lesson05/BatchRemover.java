package workbook.lesson05;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/*
 * Right fix · lesson 05 · tryLock with a timeout instead of lock()
 *
 * The reference solution, with the lock taken by tryLock(30, SECONDS): a worker that cannot get the lock in that
 * time gives up with an exception instead of waiting forever, and one that is interrupted while waiting stops. Once
 * it holds the lock, it removes its whole batch and lets go in a finally block, so everything the lesson asks for
 * holds: every map call guarded, the batch atomic, the lock released even when the batch fails.
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
        acquire();
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

    private void acquire() {
        try {
            if (!lock.tryLock(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the lock was not free within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the lock", e);
        }
    }
}
