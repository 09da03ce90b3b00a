package workbook.lesson02;

import java.util.HashMap;
import java.util.Map;

/*
 * Wrong fix · lesson 02 · only putAll is synchronized
 *
 * Batches now go in one at a time, so no entry is lost. But get and size still read the HashMap without the lock,
 * while a putAll may be in the middle of resize(): it installs the new, larger table first and only then moves the
 * old buckets over. A get in that window finds the bucket still empty and answers null for a key whose batch
 * arrived long ago. The lock protects only what is done while holding it, by everyone.
 *
 * Caught by: readersDuringPutAllFindEveryStoredKey
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();

    /** Copies every entry of {@code batch} into the store; in Python: {@code shared.update(batch)}. */
    public synchronized void putAll(Map<Integer, Integer> batch) {
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
