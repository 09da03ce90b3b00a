package workbook.lesson02;

import java.util.HashMap;
import java.util.Map;

/*
 * Lesson 02 · putAll
 *
 * The tutorial's second experiment changes how the threads write: each thread first fills a private dict with its
 * 1,000 items and then merges it into the shared one with a single call, shared.update(mine). CPython still ends
 * with 1,000,000 items every time, because update runs while the thread holds the global interpreter lock.
 *
 * This class is the Java port: HashMap.putAll(mine). One call looks like one step, but inside it is a loop of
 * ordinary puts (plus a resize up front), with nothing that keeps two threads out of it at the same time, or keeps a
 * reader out while the table is half resized. The tests show both: threads calling putAll at once lose entries (on
 * one CPU too, once a resize takes longer than a time slice), a reader running during the putAll calls misses keys,
 * and a model checker prints the interleaving of two small batches that loses an entry. The README has the figures.
 *
 * Your task: make SharedStore safe when many threads call putAll at once while other threads call get and size,
 * without changing its public methods.
 * Run:  ./mvnw test -pl lesson02-putall -am        Hints: lesson02-putall/README.md
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();

    /** Copies every entry of {@code batch} into the store; in Python: {@code shared.update(batch)}. */
    public void putAll(Map<Integer, Integer> batch) {
        entries.putAll(batch);
    }

    /** The value stored under {@code key}, or {@code null}. */
    public Integer get(int key) {
        return entries.get(key);
    }

    /** How many keys are stored; in Python: {@code len(shared)}. */
    public int size() {
        return entries.size();
    }
}
