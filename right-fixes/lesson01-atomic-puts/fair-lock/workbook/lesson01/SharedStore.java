package workbook.lesson01;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Right fix · lesson 01 · a fair lock
 *
 * One ReentrantLock(true) around every put, get and size: each call runs alone, so no put is lost and no get sees a
 * resize half done. Correct, and slow with many threads: a fair lock hands itself to the longest waiter at every
 * unlock, so 1,000 threads × 1,000 puts pay a context switch per put instead of letting the thread that just let go
 * take it again. On 2 CPUs a round of the 1,000-thread test took 15–25 s, longer than the harness's 10 s deadline;
 * the harness sees the puts still returning then, gives the run more time, and the verdict is the tests'.
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();
    private final Lock lock = new ReentrantLock(true);

    /** Stores {@code value} under {@code key}; in Python: {@code d[key] = value}. */
    public void put(int key, int value) {
        lock.lock();
        try {
            entries.put(key, value);
        } finally {
            lock.unlock();
        }
    }

    /** The value stored under {@code key}, or {@code null}. */
    public Integer get(int key) {
        lock.lock();
        try {
            return entries.get(key);
        } finally {
            lock.unlock();
        }
    }

    /** How many keys are stored; in Python: {@code len(d)}. */
    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }
}
