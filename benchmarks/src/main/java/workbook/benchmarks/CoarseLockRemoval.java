package workbook.benchmarks;

import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * Strategy 3, the coarse lock (the tutorial's scenario 5, lesson 05): each worker holds the lock for its whole batch.
 * It draws keys from the same shared snapshot as {@link SharedKeysRemoval}, so the two differ only in how long the
 * lock is held.
 */
final class CoarseLockRemoval {

    private final Map<Integer, Integer> shared;
    private final Lock lock;
    private final Integer[] keys; // guarded by lock, with next
    private int next;

    CoarseLockRemoval(Map<Integer, Integer> shared, Lock lock) {
        this.shared = shared;
        this.lock = lock;
        lock.lock();
        try {
            this.keys = shared.keySet().toArray(new Integer[0]);
        } finally {
            lock.unlock();
        }
    }

    int removeEntries(int count) {
        lock.lock();
        try {
            int removed = 0;
            while (removed < count && next < keys.length) {
                if (shared.remove(keys[next++]) != null) {
                    removed++;
                }
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }
}
