package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/*
 * Lesson 08 · Counters across a cluster
 *
 * The reader's counters from lesson 07, {'a': {'count': 1}, 'b': {'count': 2}}, now in a service that runs on more
 * than one machine. Each machine runs a Hazelcast member and one KeyCounters, and the counts live in the cluster's
 * distributed map (an IMap), so that every member sees the same counts.
 *
 * This class keeps lesson 07's fix: a lock per key, made exactly once with computeIfAbsent, held for the whole
 * read-add-write. Inside one member that is correct. But the lock is an object in this member's memory, and the
 * other member has a registry, and locks, of its own. A thread on member 1 and a thread on member 2 that increment
 * the same key each hold "the" lock of that key, read the same count, and write the same count + 1: one increment
 * is lost. (IMap.get also hands back a copy of the value, not the value in the map: the new count only reaches the
 * map through the put.)
 *
 *   8 threads on two members, 50 increments each:      increments go missing on most runs: likely, but luck.
 *   a thread on each member, the two taking turns at    both read the same count, and one increment is lost on
 *   the map, the turn passing after every read:         every run, on any number of CPUs.
 *
 * Your task: make increment correct when threads on any number of members call it at once, for old and new keys
 * alike. Keep the public constructor and methods, and the counts in the map you are given, in the nested shape that
 * snapshot() returns.
 * Run:  ./mvnw test -pl lesson08-cluster-counters -am        Hints: lesson08-cluster-counters/README.md
 */
public class KeyCounters {

    private final IMap<String, Map<String, Integer>> counts;
    private final ConcurrentMap<String, Lock> locks = new ConcurrentHashMap<>();

    /**
     * Counts in {@code counts}, the cluster's map that every member's KeyCounters shares; it may already hold counts
     * in the reader's shape. (The tests hand in a view of the map that they watch.)
     */
    public KeyCounters(IMap<String, Map<String, Integer>> counts) {
        this.counts = counts;
    }

    /** Adds one to {@code key}'s count, starting from 0 on first use; in Python: {@code d[key]['count'] += 1}. */
    public void increment(String key) {
        Lock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            Map<String, Integer> counter = counts.get(key);
            if (counter == null) {
                counter = new HashMap<>();
                counter.put("count", 0);
            }
            counter.put("count", counter.get("count") + 1);
            counts.put(key, counter);
        } finally {
            lock.unlock();
        }
    }

    /** A copy of every count, in the reader's shape: {@code {"a": {"count": 1}, "b": {"count": 2}}}. */
    public Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        for (Map.Entry<String, Map<String, Integer>> entry : counts.entrySet()) {
            copy.put(entry.getKey(), Map.copyOf(entry.getValue()));
        }
        return copy;
    }
}
