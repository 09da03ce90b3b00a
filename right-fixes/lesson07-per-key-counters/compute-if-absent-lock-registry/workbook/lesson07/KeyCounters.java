package workbook.lesson07;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Right fix · lesson 07 · the lock registry filled with computeIfAbsent
 *
 * The exercise with one line changed: lockFor makes a key's lock with locks.computeIfAbsent, which looks up and, if
 * there is none, makes and stores the lock as one atomic step. However many threads use a new key at the same moment,
 * all of them get the same lock, and the read-add-write (the counter made inside it too) runs under it, one thread
 * at a time.
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
        lock.lock();
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
