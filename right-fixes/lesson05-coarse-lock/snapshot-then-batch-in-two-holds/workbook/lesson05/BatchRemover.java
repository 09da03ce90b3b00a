package workbook.lesson05;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Right fix · lesson 05 · the snapshot in one hold of the lock, the whole batch in a second
 *
 * The exercise's snapshot stays where it was, and the removal loop gets a lock of its own: the same lock, taken
 * again. Between the two holds another worker may remove a batch, so the snapshot can list keys that are gone; their
 * remove() returns null and the loop goes on to the next key. The snapshot holds every key left when it was taken,
 * and each batch removes exactly its size, so enough of them are still there. Every map call is guarded, and the
 * batch, all its removals, happens in one hold: nobody sees it half done.
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
            keys = new ArrayList<>(shared.keySet());
        } finally {
            lock.unlock();
        }

        lock.lock();
        try {
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
