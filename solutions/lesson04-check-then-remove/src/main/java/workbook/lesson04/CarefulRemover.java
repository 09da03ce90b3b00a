package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/*
 * Lesson 04 · Check, then remove — reference solution
 *
 * The check goes. containsKey answered a question about the past; remove(key) asks and acts in one atomic step:
 * it returns the value and the entry is gone, or it returns null because another thread removed it first. There is
 * no gap left between check and act for another thread to slip into. (Python has the same thing: d.pop(key, None).)
 *
 * A key on the stale snapshot that is already gone is skipped, and the loop walks on until the share is complete.
 *
 * Other fixes that pass the same tests: computeIfPresent(key, (k, v) -> { values.add(v); return null; }), which also
 * checks and removes atomically; or one lock held around the check and the pop (every thread must take the same
 * lock, and it serialises the workers).
 */
public class CarefulRemover {

    private final ConcurrentMap<Integer, Integer> shared;

    /** Works on {@code shared}, the map that all workers remove from. */
    public CarefulRemover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public List<Integer> removeShare(int share) {
        List<Integer> keys = List.copyOf(shared.keySet());
        List<Integer> values = new ArrayList<>(share);
        for (Integer key : keys) {
            if (values.size() == share) {
                break;
            }
            Integer value = shared.remove(key); // the check and the pop, as one atomic step
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
