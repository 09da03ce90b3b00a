package workbook.lesson06;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Right fix · lesson 06 · one shared list of keys, taken from the end
 *
 * One snapshot of the keys in an ArrayList, made once and used only under the lock. Each hold takes the last key:
 * remove(size() - 1) moves nothing, so every hold costs the same however many keys are left. (Taking them from the
 * front, remove(0), moves all the others each time: a wrong fix in wrong-fixes/.)
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
                if (shared.remove(keysToRemove.remove(keysToRemove.size() - 1)) != null) {
                    removed++;
                }
            } finally {
                lock.unlock();
            }
        }
        return removed;
    }
}
