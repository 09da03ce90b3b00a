package workbook.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * Strategy 1, the tutorial's scenario 6 ported faithfully (lesson 06's exercise): every worker copies all keys into
 * a private snapshot, then takes the lock once per key to check it and pop it. Correct, and quadratic: each worker
 * copies the whole map and walks past the keys that the others have already removed.
 */
final class SeedPortRemoval {

    private final Map<Integer, Integer> shared;
    private final Lock lock;

    SeedPortRemoval(Map<Integer, Integer> shared, Lock lock) {
        this.shared = shared;
        this.lock = lock;
    }

    int removeEntries(int count) {
        List<Integer> keys;
        lock.lock();
        try {
            keys = new ArrayList<>(shared.keySet());
        } finally {
            lock.unlock();
        }
        int removed = 0;
        for (Integer key : keys) {
            if (removed == count) {
                break;
            }
            lock.lock();
            try {
                if (shared.containsKey(key)) {
                    shared.remove(key);
                    removed++;
                }
            } finally {
                lock.unlock();
            }
        }
        return removed;
    }
}
