package workbook.lesson06;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/*
 * Lesson 06 · Fine lock
 *
 * The Python tutorial's second fix (scenario 6) takes the lock once per loop iteration instead of once per batch:
 * each of 1,000 threads copies the keys, then for each key takes the lock, checks "if key in d", pops it, and lets
 * go. Other threads get their turn between any two keys. It always ends with an empty dict, but so slowly that the
 * author stopped it after many minutes.
 *
 * This class is that version, ported faithfully. It is correct: every map call happens under the lock, and no key
 * is removed twice. It is also quadratic. Each worker copies the whole map into a private snapshot, then walks it
 * from the start, checking key after key that other workers removed long ago. With W workers and n entries, that
 * is about W x n key copies and checks to remove n entries: for the tutorial's 1,000 x 1,000,000, a billion of each.
 *
 * The test counts map operations instead of timing them, and allows 3 per removed entry plus one walk over the map's
 * table. The faithful port uses them up within its first few snapshots and fails in milliseconds, on any number of
 * CPUs, with a timeline of the workers copying the keys. (How long the port takes to empty a large map, against a
 * linear version, is measured in the benchmarks; the figures are in the lesson's README.)
 *
 * Your task: keep taking the lock once per removal, so that other threads can get in between, but make the total
 * work grow with the number of entries only, not with workers x entries.
 * Run:  ./mvnw test -pl lesson06-fine-lock -am        Hints: lesson06-fine-lock/README.md
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
        List<Integer> keys;
        lock.lock();
        try {
            keys = new ArrayList<>(shared.keySet()); // list(d.keys())
        } finally {
            lock.unlock();
        }

        int removed = 0;
        for (Integer key : keys) {
            if (removed == count) {
                break;
            }
            lock.lock();
            try {
                if (shared.containsKey(key)) { // if key in d:
                    shared.remove(key);        //     d.pop(key)
                    removed++;
                }
            } finally {
                lock.unlock();
            }
        }
        return removed;
    }
}
