package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Right fix · lesson 03 · one static ReentrantLock around the check and the pop
 *
 * A static lock is one lock for every worker, whether they share a Remover or not. Under it no other worker can
 * remove the key between the check and the pop. The loop walks the stale snapshot, skipping keys that are gone,
 * until it has its share. (It also serialises removers working on unrelated maps, which is the price of a static
 * lock.)
 */
public class Remover {

    private static final ReentrantLock LOCK = new ReentrantLock(); // one for the whole program

    private final ConcurrentMap<Integer, Integer> shared;

    /** Works on {@code shared}, the map that all workers remove from. */
    public Remover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public List<Integer> removeShare(int share) {
        List<Integer> keys = List.copyOf(shared.keySet()); // candidates, possibly stale already
        List<Integer> values = new ArrayList<>(share);
        for (Integer key : keys) {
            if (values.size() == share) {
                break;
            }
            LOCK.lock();
            try {
                if (shared.containsKey(key)) {
                    values.add(pop(key));
                }
            } finally {
                LOCK.unlock();
            }
        }
        return values;
    }

    /** Python's {@code d.pop(key)}: removes {@code key} and returns its value, or throws when the key is not there. */
    Integer pop(Integer key) {
        Integer value = shared.remove(key);
        if (value == null) {
            throw new NoSuchElementException("KeyError: " + key);
        }
        return value;
    }
}
