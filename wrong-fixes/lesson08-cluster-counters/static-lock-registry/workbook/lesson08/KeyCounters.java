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
 * Lesson 08 · wrong fix: one lock registry for all members, made static
 *
 * The exercise's flaw looks like "two members, two registries", so this version keeps lesson 07's registry, made
 * with computeIfAbsent, in a static field: one registry, and one lock per key, for every KeyCounters of a JVM. In
 * production each member is its own JVM with its own static field, and the increments overlap as in the exercise.
 * A static field is shared by a JVM, not by a cluster. (The test runs both members in one JVM, but gives each its
 * own copy of the class, as two machines would have: each member gets a registry of its own there too.)
 *
 * Caught by: twoMembersCountAnExistingKeyTwice, twoMembersCountANewKeyTwice (and, on most runs, by
 * eightThreadsOnTwoMembersCountEveryIncrement)
 */
public class KeyCounters {

    private static final ConcurrentMap<String, Lock> LOCKS = new ConcurrentHashMap<>();

    private final IMap<String, Map<String, Integer>> counts;

    /**
     * Counts in {@code counts}, the cluster's map that every member's KeyCounters shares; it may already hold counts
     * in the reader's shape. (The tests hand in a view of the map that they watch.)
     */
    public KeyCounters(IMap<String, Map<String, Integer>> counts) {
        this.counts = counts;
    }

    /** Adds one to {@code key}'s count, starting from 0 on first use; in Python: {@code d[key]['count'] += 1}. */
    public void increment(String key) {
        Lock lock = LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
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
