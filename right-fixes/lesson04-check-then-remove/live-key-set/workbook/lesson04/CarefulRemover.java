package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/*
 * Right fix · lesson 04 · walk the live key set instead of a copy
 *
 * No copy: the loop walks shared.keySet() itself. A ConcurrentHashMap's iterator never throws
 * ConcurrentModificationException; it is weakly consistent, so it may still return a key that another worker has
 * just removed. remove(key) settles it atomically: it returns the value to exactly one worker and null to the rest,
 * and null is skipped. Every key that is still there when the iterator reaches it is seen, so a worker finds its
 * share.
 */
public class CarefulRemover {

    private final ConcurrentMap<Integer, Integer> shared;

    /** Works on {@code shared}, the map that all workers remove from. */
    public CarefulRemover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public List<Integer> removeShare(int share) {
        List<Integer> values = new ArrayList<>(share);
        for (Integer key : shared.keySet()) { // the live view, not a copy
            if (values.size() == share) {
                break;
            }
            Integer value = shared.remove(key); // the value, or null when another worker was faster
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
