package workbook.lesson02;

import java.util.HashMap;
import java.util.Map;

/*
 * Right fix · lesson 02 · synchronized putAll, get and size
 *
 * All three methods synchronize on the store, so every call that touches the HashMap, reads included, holds the same
 * lock: no two batches are copied in at once, and a get never sees a putAll (or its resize) half done. It even makes
 * each batch atomic for readers: a get sees all of a batch or none of it. Correct; one thread in the map at a time.
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();

    /** Copies every entry of {@code batch} into the store; in Python: {@code shared.update(batch)}. */
    public synchronized void putAll(Map<Integer, Integer> batch) {
        entries.putAll(batch);
    }

    /** The value stored under {@code key}, or {@code null}. */
    public synchronized Integer get(int key) {
        return entries.get(key);
    }

    /** How many keys are stored; in Python: {@code len(shared)}. */
    public synchronized int size() {
        return entries.size();
    }
}
