package workbook.lesson01;

import java.util.HashMap;
import java.util.Map;

/*
 * Wrong fix · lesson 01 · only put is synchronized
 *
 * Writers now take turns, so no put is lost. But get and size still walk the HashMap without the lock, while a
 * writer may be in the middle of resize(): it installs the new, larger table first and only then moves the old
 * buckets over. A get in that window looks in the new table, finds the bucket still empty, and answers null for a
 * key whose put returned long ago. The lock protects only what is done while holding it, by everyone.
 *
 * Caught by: readersDuringPutsFindEveryStoredKey
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();

    /** Stores {@code value} under {@code key}; in Python: {@code d[key] = value}. */
    public synchronized void put(int key, int value) {
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
