package workbook.lesson06;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/*
 * Right fix · lesson 06 · the reference solution with tryLock and a timeout
 *
 * One shared queue of keys, made once and used only under the lock, as in the reference solution; but each hold is
 * taken with tryLock(30, SECONDS), so that a worker gives up with an exception rather than wait forever, and stops
 * when interrupted. Once it holds the lock, a worker does exactly what the solution does, and lets go in a finally
 * block.
 */
public class KeyByKeyRemover {

    private final Map<Integer, Integer> shared;
    private final Lock lock;
    private final Queue<Integer> keysToRemove; // guarded by lock, like the map

    /** Removes entries from {@code shared}, a plain HashMap that every worker uses, guarded by {@code lock}. */
    public KeyByKeyRemover(Map<Integer, Integer> shared, Lock lock) {
        this.shared = shared;
        this.lock = lock;
        acquire();
        try {
            this.keysToRemove = new ArrayDeque<>(shared.keySet());
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
            acquire();
            try {
                Integer key = keysToRemove.poll();
                if (key == null) {
                    break; // every key has been handed out
                }
                if (shared.remove(key) != null) {
                    removed++;
                }
            } finally {
                lock.unlock();
            }
        }
        return removed;
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
