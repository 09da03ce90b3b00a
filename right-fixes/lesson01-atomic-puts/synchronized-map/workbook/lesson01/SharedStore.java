package workbook.lesson01;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/*
 * Right fix · lesson 01 · Collections.synchronizedMap
 *
 * The HashMap is wrapped in a synchronized view, and the view is the only way in: every put, get and size takes the
 * view's one lock, so no two calls are ever inside the HashMap at once, and a get never sees a put half done.
 * Correct, at the cost of letting one thread into the map at a time.
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = Collections.synchronizedMap(new HashMap<>());

    /** Stores {@code value} under {@code key}; in Python: {@code d[key] = value}. */
    public void put(int key, int value) {
        entries.put(key, value);
    }

    /** The value stored under {@code key}, or {@code null}. */
    public Integer get(int key) {
        return entries.get(key);
    }

    /** How many keys are stored; in Python: {@code len(d)}. */
    public int size() {
        return entries.size();
    }
}
