package workbook.lesson01;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Lesson 01 · Atomic puts — reference solution
 *
 * ConcurrentHashMap is the Java counterpart of "a dict whose single operations are atomic": every put, get and
 * remove is thread-safe on its own, and threads that touch different buckets do not even wait for each other.
 *
 * Other fixes that pass the same tests: Collections.synchronizedMap(new HashMap<>()), a Hashtable, or a
 * synchronized put/get/size. They are correct but let only one thread into the map at a time.
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new ConcurrentHashMap<>();

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
