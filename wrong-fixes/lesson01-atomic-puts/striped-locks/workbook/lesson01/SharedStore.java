package workbook.lesson01;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Wrong fix · lesson 01 · striped locks around one shared HashMap
 *
 * Sixteen locks, the stripe chosen by the key, so that puts of different keys need not wait for each other: the way
 * ConcurrentHashMap is said to work. But ConcurrentHashMap stripes its own table; here all stripes guard the same
 * HashMap, whose table, size and resize() belong to every key at once. Two puts of keys in different stripes hold
 * different locks and run inside the HashMap together, exactly as before, and a get of one stripe reads the table while
 * a put of another stripe is resizing it.
 *
 * Caught by: readersDuringPutsFindEveryStoredKey, fewThreadsKeepEveryPut
 */
public class SharedStore {

    private static final int STRIPES = 16;

    private final Map<Integer, Integer> entries = new HashMap<>();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public SharedStore() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Stores {@code value} under {@code key}; in Python: {@code d[key] = value}. */
    public void put(int key, int value) {
        ReentrantLock lock = locks[Math.floorMod(key, STRIPES)];
        lock.lock();
        try {
            entries.put(key, value);
        } finally {
            lock.unlock();
        }
    }

    /** The value stored under {@code key}, or {@code null}. */
    public Integer get(int key) {
        ReentrantLock lock = locks[Math.floorMod(key, STRIPES)];
        lock.lock();
        try {
            return entries.get(key);
        } finally {
            lock.unlock();
        }
    }

    /** How many keys are stored; in Python: {@code len(d)}. */
    public int size() {
        return entries.size();
    }
}
