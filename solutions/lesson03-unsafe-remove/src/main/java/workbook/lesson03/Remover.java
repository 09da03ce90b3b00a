package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/*
 * Lesson 03 · Unsafe remove — reference solution
 *
 * The snapshot stays: it is a list of candidates, not a promise. Each key is claimed with one atomic call,
 * shared.remove(key), which removes the entry and returns its value, or returns null when another thread got there
 * first. That return value is the whole answer: null means "skip it, someone else has it", a value means "it is
 * mine, and nobody else can have it". The loop walks on until it has claimed its share.
 *
 * Why a worker always finds its share: the keys present when it takes its snapshot are enough for every worker still
 * removing, and the others can claim no more of them than they still need.
 *
 * Other fixes that pass the same tests: computeIfPresent(key, (k, v) -> { values.add(v); return null; }), or
 * catching the NoSuchElementException from pop and moving on to the next key, or a lock held around the whole batch
 * (Python's fix in scenario 5; correct, but only one thread removes at a time).
 */
public class Remover {

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
            Integer value = shared.remove(key); // check and remove in one atomic step
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
