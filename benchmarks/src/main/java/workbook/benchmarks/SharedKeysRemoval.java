package workbook.benchmarks;

import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * Strategy 2, lesson 06's fine lock, fixed (its solution): one snapshot of the keys, taken once and shared by
 * all workers, who draw the next key and remove it under the lock, one key per hold. Linear work.
 */
final class SharedKeysRemoval {

    private final Map<Integer, Integer> shared;
    private final Lock lock;
    private final Integer[] keys; // guarded by lock, with next
    private int next;

    SharedKeysRemoval(Map<Integer, Integer> shared, Lock lock) {
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
        int removed = 0;
        while (removed < count) {
            lock.lock();
            try {
                if (next == keys.length) {
                    break;
                }
                if (shared.remove(keys[next++]) != null) {
                    removed++;
                }
            } finally {
                lock.unlock();
            }
        }
        return removed;
    }
}
