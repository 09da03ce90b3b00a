package workbook.lesson07;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 07 · synchronized (key) on the key String
 *
 * No lock registry at all: the key is an object, so synchronize on it. But a monitor belongs to one object, and two
 * equal Strings are often two objects: keys read from a request, a file or a split line are new Strings each time.
 * Two threads that increment "c" with their own "c" objects take two different monitors, neither waits, and both are
 * inside the read-add-write of one key together. (With string literals it seems to work, because equal literals are
 * one interned object; the tests hand each thread keys of its own, as real input would.)
 *
 * Caught by: noInterleavingLosesAnIncrementOfANewKey, twoThreadsCountANewKeyTwice, twoThreadsCountAnExistingKeyTwice
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
        synchronized (key) {
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
