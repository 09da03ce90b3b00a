package workbook.lesson01;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/*
 * Right fix · lesson 01 · a ReadWriteLock
 *
 * Writers take the write lock, which excludes everybody; readers take the read lock, which excludes only writers. So
 * a put runs alone, a get never sees a put or a resize half done, and readers may still read together. Correct; the
 * read lock pays off only when reads far outnumber writes.
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Stores {@code value} under {@code key}; in Python: {@code d[key] = value}. */
    public void put(int key, int value) {
        lock.writeLock().lock();
        try {
            entries.put(key, value);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The value stored under {@code key}, or {@code null}. */
    public Integer get(int key) {
        lock.readLock().lock();
        try {
            return entries.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many keys are stored; in Python: {@code len(d)}. */
    public int size() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
