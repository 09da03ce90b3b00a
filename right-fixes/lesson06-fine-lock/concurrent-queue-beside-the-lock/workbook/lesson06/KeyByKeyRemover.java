package workbook.lesson06;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;

/*
 * Right fix · lesson 06 · the keys in a concurrent queue, the lock for the map alone
 *
 * One snapshot of the keys, taken once under the lock, in a ConcurrentLinkedQueue: a queue that is safe to poll
 * without a lock, so the lock guards only what needs it, the plain HashMap. Each key is polled by exactly one worker,
 * and each removal takes the lock once. Nothing else is held between two removals of a call, so other workers get in
 * between them, which is the point of this lesson.
 */
public class KeyByKeyRemover {

    private final Map<Integer, Integer> shared;
    private final Lock lock;
    private final Queue<Integer> keysToRemove;

    /** Removes entries from {@code shared}, a plain HashMap that every worker uses, guarded by {@code lock}. */
    public KeyByKeyRemover(Map<Integer, Integer> shared, Lock lock) {
        this.shared = shared;
        this.lock = lock;
        lock.lock();
        try {
            this.keysToRemove = new ConcurrentLinkedQueue<>(shared.keySet());
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
        Integer key;
        while (removed < count && (key = keysToRemove.poll()) != null) {
            lock.lock();
            try {
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
