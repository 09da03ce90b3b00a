package workbook.lesson02;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Wrong fix · lesson 02 · the batch staged in a ConcurrentHashMap first
 *
 * Each batch is first copied into a ConcurrentHashMap, as if a thread-safe map anywhere along the way made the
 * whole path thread-safe. The staging map is local to one call, so nobody else ever touches it; the shared map is
 * still the plain HashMap, and two putAll calls into it race exactly as before; a get, unguarded too, reads the table
 * while a putAll is resizing it and misses keys that are there.
 *
 * Caught by: readersDuringPutAllFindEveryStoredKey
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new HashMap<>();

    /** Copies every entry of {@code batch} into the store; in Python: {@code shared.update(batch)}. */
    public void putAll(Map<Integer, Integer> batch) {
        Map<Integer, Integer> staged = new ConcurrentHashMap<>(batch);
        entries.putAll(staged);
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
