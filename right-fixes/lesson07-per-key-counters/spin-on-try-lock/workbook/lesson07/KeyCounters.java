package workbook.lesson07;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Right fix · lesson 07 · spin on tryLock until the key's lock is free
 *
 * Each key's ReentrantLock comes from locks.computeIfAbsent, so all threads that use a key get the same one. Instead
 * of lock(), which parks the thread, the student spins: tryLock() answers at once, and the loop asks again until it
 * answers true. A thread that spins is waiting for the lock as surely as one parked in lock(), only it burns a CPU
 * while it does; the count is right either way, and unlock() in finally lets the spinner in.
 */
public class KeyCounters {

    private final ConcurrentMap<String, ConcurrentMap<String, Integer>> counts;
    private final ConcurrentMap<String, Lock> locks;

    /** Starts with no counts and no locks. */
    public KeyCounters() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /**
     * Counts on in {@code counts}, which may already hold counts in the reader's shape, and keeps each key's lock in
     * {@code locks}. (The tests hand in maps that they watch.)
     */
    public KeyCounters(ConcurrentMap<String, ConcurrentMap<String, Integer>> counts,
            ConcurrentMap<String, Lock> locks) {
        this.counts = counts;
        this.locks = locks;
    }

    /** Adds one to {@code key}'s count, starting from 0 on first use; in Python: {@code d[key]['count'] += 1}. */
    public void increment(String key) {
        Lock lock = lockFor(key);
        while (!lock.tryLock()) {
            Thread.onSpinWait(); // busy: ask again
        }
        try {
            ConcurrentMap<String, Integer> counter = counts.get(key);
            if (counter == null) {
                counter = new ConcurrentHashMap<>();
                counter.put("count", 0);
                counts.put(key, counter);
            }
            counter.put("count", counter.get("count") + 1);
        } finally {
            lock.unlock();
        }
    }

    /** A copy of every count, in the reader's shape: {@code {"a": {"count": 1}, "b": {"count": 2}}}. */
    public Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        counts.forEach((key, counter) -> copy.put(key, Map.copyOf(counter)));
        return copy;
    }

    /** The lock that guards {@code key}, made on its first use. */
    private Lock lockFor(String key) {
        return locks.computeIfAbsent(key, k -> new ReentrantLock());
    }
}
