package workbook.lesson05;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 05 · unlock() as the last line, not in a finally block
 *
 * The whole batch is removed under one hold of the lock, and on every ordinary run that is all there is to it. But
 * lock() and unlock() are two method calls, not a block: when anything between them throws (a map that refuses a
 * call, an OutOfMemoryError), unlock() is skipped. The worker's thread ends still owning the lock, and every other
 * worker waits for it forever.
 *
 * Caught by: aBatchThatFailsLetsGoOfTheLock
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
        int removed = 0;
        Iterator<Integer> keys = shared.keySet().iterator();
        while (removed < size && keys.hasNext()) {
            keys.next();
            keys.remove();
            removed++;
        }
        lock.unlock();
        return removed;
    }
}
