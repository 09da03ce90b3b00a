package workbook.lesson02;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/*
 * Right fix · lesson 02 · a ReadWriteLock
 *
 * putAll takes the write lock, which excludes everybody, for the whole batch; get and size take the read lock, which
 * excludes only writers. So batches go in one at a time, a get never sees a putAll half done, and readers may still
 * read together. Correct; the read lock pays off only when reads far outnumber writes.
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Copies every entry of {@code batch} into the store; in Python: {@code shared.update(batch)}. */
    public void putAll(Map<Integer, Integer> batch) {
        lock.writeLock().lock();
        try {
            entries.putAll(batch);
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

    /** How many keys are stored; in Python: {@code len(shared)}. */
    public int size() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }
}
