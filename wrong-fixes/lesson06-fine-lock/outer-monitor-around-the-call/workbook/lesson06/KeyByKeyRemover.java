package workbook.lesson06;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 06 · a synchronized method around the lock per removal
 *
 * The reference solution's shared queue, the lock still taken once per removal, and "synchronized" on the method as
 * well, to be safe. Every count is right and the work is linear, and every hold of the given lock removes one entry.
 * But the method's monitor is held for the whole call: no other worker can enter removeEntries until this one has
 * removed all of its entries, so nobody ever gets in between two removals of one call. It is lesson 05's coarse lock
 * with extra steps.
 *
 * Caught by: workersRemoveKeyByKeyInLinearWork, aHoldCostsTheSameWithFourTimesTheEntries
 */
public class KeyByKeyRemover {

    private final Map<Integer, Integer> shared;
    private final Lock lock;
    private final Queue<Integer> keysToRemove; // guarded by lock, like the map

    /** Removes entries from {@code shared}, a plain HashMap that every worker uses, guarded by {@code lock}. */
    public KeyByKeyRemover(Map<Integer, Integer> shared, Lock lock) {
        this.shared = shared;
        this.lock = lock;
        lock.lock();
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
    public synchronized int removeEntries(int count) {
        int removed = 0;
        while (removed < count) {
            lock.lock();
            try {
                Integer key = keysToRemove.poll();
                if (key == null) {
                    break;
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
}
