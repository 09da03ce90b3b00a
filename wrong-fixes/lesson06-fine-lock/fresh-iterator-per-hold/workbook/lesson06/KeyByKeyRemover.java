package workbook.lesson06;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 06 · a new iterator for every key
 *
 * No snapshot at all: each hold of the lock asks the map for "a key that is still there" with a new iterator, and
 * removes it. Correct, one removal per hold, and only two map calls per entry. But a HashMap iterator starts at
 * slot 0 of its table and walks past every empty slot to the first entry. The entries go in table order, so the
 * k-th new iterator walks past the k slots emptied before it: about n²/2 slot visits to remove n entries, quadratic
 * inside the map.
 *
 * Caught by: workersRemoveKeyByKeyInLinearWork, aHoldCostsTheSameWithFourTimesTheEntries
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
        while (removed < count) {
            lock.lock();
            try {
                Iterator<Integer> keys = shared.keySet().iterator();
                if (!keys.hasNext()) {
                    break; // the map is empty
                }
                shared.remove(keys.next());
                removed++;
            } finally {
                lock.unlock();
            }
        }
        return removed;
    }
}
