package workbook.lesson07;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;

/*
 * Right fix · lesson 07 · a LongAdder per key
 *
 * The counts live in a ConcurrentHashMap<String, LongAdder> of the class's own, started from the counts handed in.
 * computeIfAbsent makes a key's adder exactly once and hands every thread that one adder; increment() adds to one of
 * its cells, so threads hammering one key hardly contend. snapshot() rebuilds the reader's nested shape from the
 * sums, which are exact once the increments have stopped.
 */
public class KeyCounters {

    private final ConcurrentMap<String, LongAdder> adders = new ConcurrentHashMap<>();

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
        counts.forEach((key, counter) -> adders.computeIfAbsent(key, k -> new LongAdder()).add(counter.get("count")));
    }

    /** Adds one to {@code key}'s count, starting from 0 on first use; in Python: {@code d[key]['count'] += 1}. */
    public void increment(String key) {
        adders.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** A copy of every count, in the reader's shape: {@code {"a": {"count": 1}, "b": {"count": 2}}}. */
    public Map<String, Map<String, Integer>> snapshot() {
        Map<String, Map<String, Integer>> copy = new TreeMap<>();
        adders.forEach((key, adder) -> copy.put(key, Map.of("count", adder.intValue())));
        return copy;
    }
}
