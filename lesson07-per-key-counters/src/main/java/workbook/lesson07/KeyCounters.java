package workbook.lesson07;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Lesson 07 · Per-key counters
 *
 * A reader of the Python tutorial keeps counters in a nested dict, {'a': {'count': 1}, 'b': {'count': 2}}, and lets
 * many threads run d[key]['count'] += 1 for 'a', 'b' and keys that turn up later. They guarded each key with its
 * own lock and still counted wrong.
 *
 * This class is that design in Java. Every map is a ConcurrentHashMap, each key gets its own ReentrantLock, and the
 * read-add-write of a count happens while holding it. The flaw is in lockFor: it looks a key's lock up and, when
 * there is none yet, makes one and stores it, in two separate steps. Two threads that use a new key at the same
 * moment both find no lock, both make one, and each then holds "the" lock of that key: its own. Both are inside the
 * critical section together, both find no counter yet, and one thread's counter (with its increments) replaces the
 * other's.
 *
 *   1,000 threads x 1,000 increments over 8 keys:   right counts in 48 of 50 runs on 2 CPUs, 40 of 40 on 1: the
 *                                                   gap is open for nanoseconds, and only while a key is new.
 *   2 threads in lockstep, each held after every    both find no lock, each makes its own, and an increment is
 *   map lookup until the other made the same one:   lost on every run, on any number of CPUs.
 *   2 threads under a model checker, which tries    the same two context switches, found after about 170 tries,
 *   their interleavings one by one:                 on every run, on any number of CPUs.
 *
 * Your task: make increment correct when many threads call it at once, for old and new keys alike. Keep the public
 * constructors and methods, and the nested shape that snapshot() returns; the tests judge only what snapshot()
 * returns. You may count on in the counts map handed in, or in a structure of your own that starts from it.
 * Run:  ./mvnw test -pl lesson07-per-key-counters -am        Hints: lesson07-per-key-counters/README.md
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
        Lock lock = locks.get(key);
        if (lock == null) {
            lock = new ReentrantLock();
            locks.put(key, lock);
        }
        return lock;
    }
}
