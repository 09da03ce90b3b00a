package workbook.lesson01;

import java.util.HashMap;
import java.util.Map;

/*
 * Wrong fix · lesson 01 · a HashMap made big enough never to resize
 *
 * The timeline shows two threads both creating the table in resize(), so: make the map large enough up front that it
 * never has to resize. But the table is still created lazily, by the first put, and every put still reads a bucket,
 * links a node and bumps the size counter as separate steps. Two puts into one bucket, or two increments of size,
 * still overwrite each other; and a bucket's list that two threads link at once can even end up as a loop that a
 * later call walks forever.
 *
 * Caught by: noInterleavingLosesAPut, fewThreadsKeepEveryPut
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>(4_000_000);

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
