package workbook.lesson05;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Lesson 05 · Coarse lock
 *
 * The Python tutorial's first real fix (scenario 5): one threading.Lock shared by all 1,000 threads, and each thread
 * holds it around its whole batch, taking the snapshot list(d.keys()) and then popping its 1,000 keys. The dict
 * always ends up empty, and no thread ever sees another thread's batch half done.
 *
 * This class is a port that uses the lock, just not for long enough. It holds the lock while it copies the keys,
 * reasoning that the copy is the only step that walks the whole map, and then removes its entries one by one with
 * the lock already released. Two things go wrong:
 *
 *   - The map is a plain HashMap, the Python dict. Nothing makes its remove() safe when two threads call it at the
 *     same moment, so every remove() done outside the lock can corrupt it.
 *   - A thread that takes the lock to read the map can find a batch half removed: some of another worker's keys
 *     gone, the rest still there.
 *
 * The test hands this class a map that checks, on every call, that the caller holds the lock. Every run fails on
 * the first remove(), on any number of CPUs, e.g. "worker-3 called remove(0) without holding the lock".
 *
 * Your task: make removeBatch remove its whole batch while holding the lock it was given, so that no other thread
 * touches the map until the batch is complete.
 * Run:  ./mvnw test -pl lesson05-coarse-lock -am        Hints: lesson05-coarse-lock/README.md
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
        List<Integer> keys;
        lock.lock();
        try {
            keys = new ArrayList<>(shared.keySet()); // list(d.keys()): nobody can change the map while we copy
        } finally {
            lock.unlock();
        }

        int removed = 0;
        for (Integer key : keys) {
            if (removed == size) {
                break;
            }
            if (shared.remove(key) != null) { // null: another worker got this key first
                removed++;
            }
        }
        return removed;
    }
}
