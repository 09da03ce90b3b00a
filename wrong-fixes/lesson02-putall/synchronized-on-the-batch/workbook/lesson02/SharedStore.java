package workbook.lesson02;

import java.util.HashMap;
import java.util.Map;

/*
 * Wrong fix · lesson 02 · synchronized on the batch that is being copied
 *
 * putAll now runs inside a synchronized block, but on the batch passed in, and every thread passes its own batch.
 * Each thread holds a different monitor, nobody waits for anybody, and the puts inside HashMap.putAll race as before.
 *
 * Caught by: noInterleavingLosesAnEntry, readersDuringPutAllFindEveryStoredKey
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();

    /** Copies every entry of {@code batch} into the store; in Python: {@code shared.update(batch)}. */
    public void putAll(Map<Integer, Integer> batch) {
        synchronized (batch) {
            entries.putAll(batch);
        }
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
