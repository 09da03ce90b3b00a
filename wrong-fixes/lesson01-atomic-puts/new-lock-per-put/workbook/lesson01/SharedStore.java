package workbook.lesson01;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Wrong fix · lesson 01 · a new lock inside put, per call
 *
 * Every call makes a lock and takes it. No other thread ever sees that lock, so it excludes nobody, and two puts run
 * inside the HashMap together exactly as before.
 *
 * Caught by: noInterleavingLosesAPut, readersDuringPutsFindEveryStoredKey
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();

    /** Stores {@code value} under {@code key}; in Python: {@code d[key] = value}. */
    public void put(int key, int value) {
        Lock lock = new ReentrantLock();
        lock.lock();
        try {
            entries.put(key, value);
        } finally {
            lock.unlock();
        }
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
