package workbook.lesson06;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Right fix · lesson 06 · one iterator over the map, shared by all workers
 *
 * The constructor asks the map for one iterator, holding the lock; every worker then takes the lock, takes the next
 * key from that iterator and removes it through the iterator, and lets go. The iterator is shared state, so it is
 * used only under the lock that guards the map. It walks the table once for everybody: each slot is passed once,
 * each key read once and removed once, linear work however many workers share it. No snapshot is needed, because
 * nobody changes the map except through this iterator.
 */
public class KeyByKeyRemover {

    private final Map<Integer, Integer> shared;
    private final Lock lock;
    private final Iterator<Integer> keys; // guarded by lock, like the map

    /** Removes entries from {@code shared}, a plain HashMap that every worker uses, guarded by {@code lock}. */
    public KeyByKeyRemover(Map<Integer, Integer> shared, Lock lock) {
        this.shared = shared;
        this.lock = lock;
        lock.lock();
        try {
            this.keys = shared.keySet().iterator();
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
                if (!keys.hasNext()) {
                    break; // the map is empty
                }
                keys.next();
                keys.remove();
                removed++;
            } finally {
                lock.unlock();
            }
        }
        return removed;
    }
}
