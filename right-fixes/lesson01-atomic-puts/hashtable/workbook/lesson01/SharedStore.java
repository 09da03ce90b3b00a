package workbook.lesson01;

import java.util.Hashtable;
import java.util.Map;

/*
 * Right fix · lesson 01 · Hashtable
 *
 * Java's original thread-safe map: every public method of Hashtable is synchronized on the table itself, so put, get
 * and size each run alone, and a get never sees a put half done. Correct; one thread in the map at a time.
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new Hashtable<>();

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
