package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/*
 * Wrong fix · lesson 04 · pop the key from inside computeIfPresent
 *
 * computeIfPresent holds the key's bin while its function runs, so the student pops the key there, the Python way,
 * sure that nobody can take it in between, and returns null to make doubly sure it is gone. Every value is handed
 * back once and the map ends looking empty. But ConcurrentHashMap's Javadoc says "The remapping function must not
 * modify this map during computation", and here is why: the remove goes through (the thread already holds the
 * bin), then the null removes the same entry a second time. The map counts each entry down twice, and its size()
 * is wrong from then on: 0 while it holds the entries put back afterwards.
 *
 * Caught by: everyValueIsHandedBackExactlyOnce
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
            shared.computeIfPresent(key, (k, value) -> {
                values.add(shared.remove(k)); // d.pop(key), while nobody else can touch the key
                return null;                  // and gone for sure
            });
        }
        return values;
    }
}
