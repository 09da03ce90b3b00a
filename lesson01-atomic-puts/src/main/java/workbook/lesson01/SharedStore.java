package workbook.lesson01;

import java.util.HashMap;
import java.util.Map;

/*
 * Lesson 01 · Atomic puts
 *
 * The Python tutorial starts 1,000 threads that each store 1,000 unique keys in one shared dict (d[i] = i) and
 * always counts 1,000,000 items at the end. That works because CPython's global interpreter lock lets only one
 * thread run bytecode at a time, so a single dict assignment is never interrupted halfway.
 *
 * This class is the word-for-word Java port: one shared HashMap, one put per call. Java has no global lock.
 * HashMap.put reads the bucket, links a node, bumps the size and may resize the table, all as separate steps, and
 * two threads can run those steps at the same moment. Then one put overwrites the other's work, and a get that runs
 * during a resize can miss a key that is there. The tests show both: many threads putting at once lose entries (on
 * one CPU too, once a resize takes longer than a time slice), a reader running during the puts misses keys, and a
 * model checker prints the interleaving of two threads that loses a put. The README has the figures.
 *
 * Your task: make SharedStore safe when many threads call put at once while other threads call get and size, without
 * changing its public methods.
 * Run:  ./mvnw test -pl lesson01-atomic-puts -am        Hints: lesson01-atomic-puts/README.md
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();

    /** Stores {@code value} under {@code key}; in Python: {@code d[key] = value}. */
    public void put(int key, int value) {
        entries.put(key, value);
    }

    /** The value stored under {@code key}, or {@code null}. */
    public Integer get(int key) {
        return entries.get(key);
    }

    /** How many keys are stored; in Python: {@code len(d)}. */
    public int size() {
        return entries.size();
    }
}
