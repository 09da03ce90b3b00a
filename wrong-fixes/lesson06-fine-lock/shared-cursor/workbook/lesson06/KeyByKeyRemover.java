package workbook.lesson06;

import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 06 · a shared cursor, bumped outside the lock
 *
 * Linear, and every map call is under the lock, so the work budget and the guarded-map check are happy. But the
 * cursor is shared data too: two workers that run "next++" at once can both take the same index. Each removes "its"
 * key, one of them removes nothing, and both count a removal. An entry is left over.
 *
 * Caught by: noInterleavingRemovesAnEntryTwiceOrSkipsOne
 */
public class KeyByKeyRemover {

    private final Map<Integer, Integer> shared;
    private final Lock lock;
    private final Integer[] keys;
    private int next; // shared by all workers, but not guarded by the lock

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

    public int removeEntries(int count) {
        int removed = 0;
        while (removed < count && next < keys.length) {
            Integer key = keys[next++];
            lock.lock();
            try {
                shared.remove(key);
            } finally {
                lock.unlock();
            }
            removed++;
        }
        return removed;
    }
}
