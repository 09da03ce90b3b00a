package workbook.lesson06;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.locks.Lock;

/*
 * Lesson 06 · Fine lock — reference solution
 *
 * The lock is still taken once per removal, so other threads get in between any two keys. What changes is where the
 * keys come from: the workers no longer each copy and re-scan the whole map. One snapshot of the keys is taken once,
 * when the remover is made, and all workers draw from it. Each key is handed out exactly once, so each is copied
 * once, drawn once and removed once: about 2 map operations per entry, however many workers share the job.
 *
 * The queue is shared, so it is guarded by the same lock as the map. Map.remove returns null when the key is gone,
 * which makes it the check and the pop in one call.
 *
 * The benchmarks module times this version against the faithful port and a coarse lock; the figures are in
 * lesson06-fine-lock/README.md.
 *
 * Other fixes that pass the same tests (all in right-fixes/lesson06-fine-lock/): one iterator over the map shared by
 * all workers (next() then remove()), a shared cursor into a key array read and bumped under the lock, a shared
 * ArrayList taken from its end, and this version with tryLock(timeout). Holding the lock for a whole batch is fast
 * too, but fails here: the point of this lesson is that others may run between any two removals.
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
            this.keysToRemove = new ArrayDeque<>(shared.keySet()); // one list(d.keys()) for all workers
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
}
