package workbook.lesson01;

import java.util.HashMap;
import java.util.Map;

/*
 * Right fix · lesson 01 · synchronized put, get and size
 *
 * All three methods synchronize on the store, so every call that touches the HashMap, reads included, holds the same
 * lock. No two calls are ever inside the HashMap at once, and a get never sees a put half done (or a resize half
 * done). Correct; one thread in the map at a time.
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();

    /** Stores {@code value} under {@code key}; in Python: {@code d[key] = value}. */
    public synchronized void put(int key, int value) {
        entries.put(key, value);
    }

    /** The value stored under {@code key}, or {@code null}. */
    public synchronized Integer get(int key) {
        return entries.get(key);
    }

    /** How many keys are stored; in Python: {@code len(d)}. */
    public synchronized int size() {
        return entries.size();
    }
}
