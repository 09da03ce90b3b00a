package workbook.lesson07;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 07 · AtomicInteger counters, the counter made with get, then put
 *
 * An AtomicInteger per key, in a map of the class's own: incrementAndGet is atomic, so no lock is needed for the
 * count. But a new key's counter is made with get, then put: two threads that use a new key at the same moment both
 * find none, both make one, and the second put replaces the first, with the first thread's increment in it.
 *
 * Caught by: noInterleavingLosesAnIncrementOfANewKey
 */
public class KeyCounters {

    private final ConcurrentMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    /** Starts with no counts. */
    public KeyCounters() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /**
     * Starts from the counts in {@code counts}, in the reader's shape, and from then on counts in a map of its own.
     * This version needs no lock registry and leaves {@code locks} unused.
     */
    public KeyCounters(ConcurrentMap<String, ConcurrentMap<String, Integer>> counts,
            ConcurrentMap<String, Lock> locks) {
        counts.forEach((key, counter) -> counters.put(key, new AtomicInteger(counter.get("count"))));
    }

    /** Adds one to {@code key}'s count, starting from 0 on first use; in Python: {@code d[key]['count'] += 1}. */
    public void increment(String key) {
        AtomicInteger counter = counters.get(key);
        if (counter == null) {
            counter = new AtomicInteger();
            counters.put(key, counter);
        }
        counter.incrementAndGet();
    }

    /** A copy of every count, in the reader's shape: {@code {"a": {"count": 1}, "b": {"count": 2}}}. */
    public Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        counters.forEach((key, counter) -> copy.put(key, Map.of("count", counter.get())));
        return copy;
    }
}
