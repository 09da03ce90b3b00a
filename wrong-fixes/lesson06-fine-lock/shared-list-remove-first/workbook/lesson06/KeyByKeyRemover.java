package workbook.lesson06;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 06 · one shared list of keys, taken from the front
 *
 * Nearly the solution: one snapshot of the keys, made once, shared by all workers and used only under the lock, so
 * each key is handed out once and the map does about 2 operations per entry. But the list is an ArrayList, and
 * remove(0) moves every key behind the first one place forward: each removal costs as many moves as there are keys
 * left, n²/2 in all. The map cannot see this work; the lock can, as CPU time per hold that grows with n.
 *
 * Caught by: aHoldCostsTheSameWithFourTimesTheEntries
 */
public class KeyByKeyRemover {

    private final Map<Integer, Integer> shared;
    private final Lock lock;
    private final List<Integer> keysToRemove; // guarded by lock, like the map

    /** Removes entries from {@code shared}, a plain HashMap that every worker uses, guarded by {@code lock}. */
    public KeyByKeyRemover(Map<Integer, Integer> shared, Lock lock) {
        this.shared = shared;
        this.lock = lock;
        lock.lock();
        try {
            this.keysToRemove = new ArrayList<>(shared.keySet());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes {@code count} entries, whichever ones, from the shared map, taking the lock once per entry, and returns
     * how many it removed. Many threads call this at once; in Python it is each thread's task.
     */
    public int removeEntries(int count) {
        int removed = 0;
        while (removed < count) {
            lock.lock();
            try {
                if (keysToRemove.isEmpty()) {
                    break; // every key has been handed out
                }
                if (shared.remove(keysToRemove.remove(0)) != null) {
                    removed++;
                }
            } finally {
                lock.unlock();
            }
        }
        return removed;
    }
}
