package workbook.lesson05;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Lesson 05 · Coarse lock — reference solution
 *
 * The lock is held from the first look at the map to the last removal, exactly like the tutorial's scenario 5. While
 * one worker holds it, no other thread can read or change the map, so
 *
 *   - every HashMap call runs alone (the lock, not the map, makes it thread-safe), and
 *   - a whole batch disappears at once: whoever takes the lock next sees it either complete or gone.
 *
 * With the map to itself, the worker no longer needs a snapshot: nothing can change under its iterator, so it
 * removes the first entries it meets through the iterator itself.
 *
 * Other fixes that pass the same tests (in right-fixes/lesson05-coarse-lock/): keeping the exercise's snapshot and
 * moving unlock() below the loop (the tutorial's version; correct, but each batch then copies all remaining keys),
 * and tryLock with a timeout instead of lock(). Taking the lock per removal (lesson 06) keeps the map safe but fails
 * here: other threads could then see a batch half removed.
 */
public class BatchRemover {

    private final Map<Integer, Integer> shared;
    private final Lock lock;

    /** Removes entries from {@code shared}, a plain HashMap that every worker uses, guarded by {@code lock}. */
    public BatchRemover(Map<Integer, Integer> shared, Lock lock) {
        this.shared = shared;
        this.lock = lock;
    }

    /**
     * Removes {@code size} entries, whichever ones, from the shared map and returns how many it removed. Many
     * threads call this at once; in Python it is each thread's task.
     */
    public int removeBatch(int size) {
        lock.lock();
        try {
            int removed = 0;
            Iterator<Integer> keys = shared.keySet().iterator();
            while (removed < size && keys.hasNext()) {
                keys.next();
                keys.remove();
                removed++;
            }
            return removed;
        } finally {
            lock.unlock();
        }
    }
}
