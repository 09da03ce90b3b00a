package workbook.lesson07;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Wrong fix · lesson 07 · the exercise's lock registry, kept in a map of the class's own
 *
 * Still get, then put: two threads that use a new key both find no lock, and each makes and takes its own. The only
 * difference from the exercise is where the registry lives: a map the class makes itself, which the lockstep tests
 * cannot hold threads in. The model checker does not need to: it schedules every step of the code, wherever it is.
 *
 * Caught by: noInterleavingLosesAnIncrementOfANewKey
 */
public class KeyCounters {

    private final ConcurrentMap<String, ConcurrentMap<String, Integer>> counts;
    private final ConcurrentMap<String, Lock> locks;
    private final ConcurrentMap<String, Lock> ownLocks = new ConcurrentHashMap<>();

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
        Lock lock = ownLocks.get(key);
        if (lock == null) {
            lock = new ReentrantLock();
            ownLocks.put(key, lock);
        }
        return lock;
    }
}
