package workbook.lesson06;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 06 · one lock hold for the whole batch
 *
 * Correct: each batch is one walk over the keys, removing as it goes, all while holding the lock once. But that is
 * lesson 05's coarse lock. This lesson's task keeps the lock per removal, so that other threads can get in between
 * any two.
 *
 * Caught by: workersRemoveKeyByKeyInLinearWork
 */
public class KeyByKeyRemover {

    private final Map<Integer, Integer> shared;
    private final Lock lock;

    /** Removes entries from {@code shared}, a plain HashMap that every worker uses, guarded by {@code lock}. */
    public KeyByKeyRemover(Map<Integer, Integer> shared, Lock lock) {
        this.shared = shared;
        this.lock = lock;
    }

    /**
     * Removes {@code count} entries, whichever ones, from the shared map, taking the lock once per entry, and returns
     * how many it removed. Many threads call this at once; in Python it is each thread's task.
     */
    public int removeEntries(int count) {
        int removed = 0;
        lock.lock();
        try {
            Iterator<Integer> keys = shared.keySet().iterator();
            while (removed < count && keys.hasNext()) {
                keys.next();
                keys.remove();
                removed++;
            }
        } finally {
            lock.unlock();
        }
        return removed;
    }
}
