package workbook.benchmarks;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Strategy 4, no lock at all: a {@link ConcurrentHashMap}, whose remove(key) is an atomic check-and-pop, and the same
 * shared snapshot of keys, handed out by an atomic counter.
 */
final class ConcurrentMapRemoval {

    private final ConcurrentHashMap<Integer, Integer> shared;
    private final Integer[] keys;
    private final AtomicInteger next = new AtomicInteger();

    ConcurrentMapRemoval(ConcurrentHashMap<Integer, Integer> shared) {
        this.shared = shared;
        this.keys = shared.keySet().toArray(new Integer[0]);
    }

    int removeEntries(int count) {
        int removed = 0;
        while (removed < count) {
            int i = next.getAndIncrement();
            if (i >= keys.length) {
                break;
            }
            if (shared.remove(keys[i]) != null) {
                removed++;
            }
        }
        return removed;
    }
}
