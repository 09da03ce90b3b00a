package workbook.lesson06;

import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Right fix · lesson 06 · one array of keys, with a shared cursor read and bumped under the lock
 *
 * One snapshot of the keys, taken once by the constructor under the lock, and an index into it that every worker
 * moves on. The index is shared state like the map, so it is read and bumped only while holding the lock (bumping
 * it outside the lock is a wrong fix in wrong-fixes/). Each key is handed out once: linear work, one removal per
 * hold.
 */
public class KeyByKeyRemover {

    private final Map<Integer, Integer> shared;
    private final Lock lock;
    private final Integer[] keys;
    private int next; // guarded by lock, like the map

    /** Removes entries from {@code shared}, a plain HashMap that every worker uses, guarded by {@code lock}. */
    public KeyByKeyRemover(Map<Integer, Integer> shared, Lock lock) {
        this.shared = shared;
        this.lock = lock;
        lock.lock();
        try {
            this.keys = shared.keySet().toArray(new Integer[0]);
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
                if (next == keys.length) {
                    break; // every key has been handed out
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
