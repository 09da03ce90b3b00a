package workbook.lesson07;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;

/*
 * Wrong fix · lesson 07 · a volatile count, incremented with ++
 *
 * Each key's counter is made with computeIfAbsent, so all threads share one per key, and its count is volatile, so
 * every thread sees the latest value. But count++ is still a read, an add and a write: two threads can both read 0
 * and both write 1. volatile makes each read and each write visible; it does not make the pair one step.
 *
 * Caught by: noInterleavingLosesAnIncrementOfANewKey
 */
public class KeyCounters {

    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

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
        counts.forEach((key, counter) -> counters.put(key, new Counter(counter.get("count"))));
    }

    /** Adds one to {@code key}'s count, starting from 0 on first use; in Python: {@code d[key]['count'] += 1}. */
    public void increment(String key) {
        counters.computeIfAbsent(key, k -> new Counter(0)).count++;
    }

    /** A copy of every count, in the reader's shape: {@code {"a": {"count": 1}, "b": {"count": 2}}}. */
    public Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        counters.forEach((key, counter) -> copy.put(key, Map.of("count", counter.count)));
        return copy;
    }

    /** One key's count. */
    private static final class Counter {
        volatile int count;

        Counter(int count) {
            this.count = count;
        }
    }
}
