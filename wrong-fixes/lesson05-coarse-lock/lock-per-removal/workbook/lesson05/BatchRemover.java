package workbook.lesson05;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 05 · the lock taken again for each removal
 *
 * Every map call is now under the lock, so the map is never corrupted. But the batch is not atomic: between two
 * removals of one batch, other workers (and readers) run, and see the map with half a batch gone. That is lesson 06's
 * fine lock, not this lesson's coarse one.
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
        List<Integer> keys;
        lock.lock();
        try {
            keys = new ArrayList<>(shared.keySet()); // list(d.keys()): nobody can change the map while we copy
        } finally {
            lock.unlock();
        }

        int removed = 0;
        for (Integer key : keys) {
            if (removed == size) {
                break;
            }
            lock.lock();
            try {
                if (shared.remove(key) != null) {
                    removed++;
                }
            } finally {
                lock.unlock();
            }
        }
        return removed;
    }
}
