package workbook.lesson07;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 07 · synchronized on the key's hash code, boxed
 *
 * The student knows that equal Strings can be different objects, so synchronized (key) is out, but equal keys always
 * have equal hash codes: synchronize on the hash code. A monitor needs an object, so it is boxed. Integer.valueOf
 * returns one shared object only for -128 to 127, the JDK's cache of small numbers: "a" (hash 97) to "h" (104) seem
 * to work. A real key's hash code is almost never that small (the tests' long keys have -611,885,719 and
 * -2,065,580,243), and each call then boxes a new Integer: every thread has a monitor of its own, and nobody waits.
 * (Two different keys can also share a hash code; then they would share a lock, which is slow, not wrong.)
 *
 * Caught by: twoThreadsCountANewKeyTwice, twoThreadsCountAnExistingKeyTwice
 */
public class KeyCounters {

    private final ConcurrentMap<String, ConcurrentMap<String, Integer>> counts;

    /** Starts with no counts. */
    public KeyCounters() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /**
     * Counts on in {@code counts}, which may already hold counts in the reader's shape. This version needs no lock
     * registry and leaves {@code locks} unused. (The tests hand in maps that they watch.)
     */
    public KeyCounters(ConcurrentMap<String, ConcurrentMap<String, Integer>> counts,
            ConcurrentMap<String, Lock> locks) {
        this.counts = counts;
    }

    /** Adds one to {@code key}'s count, starting from 0 on first use; in Python: {@code d[key]['count'] += 1}. */
    public void increment(String key) {
        synchronized (Integer.valueOf(key.hashCode())) { // equal keys, equal hash codes: one lock per key
            ConcurrentMap<String, Integer> counter = counts.get(key);
            if (counter == null) {
                counter = new ConcurrentHashMap<>();
                counter.put("count", 0);
                counts.put(key, counter);
            }
            counter.put("count", counter.get("count") + 1);
        }
    }

    /** A copy of every count, in the reader's shape: {@code {"a": {"count": 1}, "b": {"count": 2}}}. */
    public Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        counts.forEach((key, counter) -> copy.put(key, Map.copyOf(counter)));
        return copy;
    }
}
