package workbook.lesson02;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/*
 * Right fix · lesson 02 · Collections.synchronizedMap
 *
 * The HashMap is wrapped in a synchronized view, and the view is the only way in. Its putAll holds the view's lock for
 * the whole batch, and get and size take the same lock: no two batches are copied in at once, and a get never sees a
 * putAll half done. Correct; one thread in the map at a time.
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = Collections.synchronizedMap(new HashMap<>());

    /** Copies every entry of {@code batch} into the store; in Python: {@code shared.update(batch)}. */
    public void putAll(Map<Integer, Integer> batch) {
        entries.putAll(batch);
    }

    /** The value stored under {@code key}, or {@code null}. */
    public Integer get(int key) {
        return entries.get(key);
    }

    /** How many keys are stored; in Python: {@code len(shared)}. */
    public int size() {
        return entries.size();
    }
}
