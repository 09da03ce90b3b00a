package workbook.lesson07;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;

/*
 * Right fix · lesson 07 · an AtomicInteger per key, made with computeIfAbsent
 *
 * The counts live in a ConcurrentHashMap<String, AtomicInteger> of the class's own, started from the counts handed
 * in. computeIfAbsent makes a key's counter exactly once and hands every thread that one counter, and incrementAndGet
 * adds one as a single atomic step. snapshot() rebuilds the reader's nested shape.
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
        counters.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /** A copy of every count, in the reader's shape: {@code {"a": {"count": 1}, "b": {"count": 2}}}. */
    public Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        counters.forEach((key, counter) -> copy.put(key, Map.of("count", counter.get())));
        return copy;
    }
}
