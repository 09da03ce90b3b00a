package workbook.lesson02;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/*
 * Lesson 02 · putAll — reference solution
 *
 * ConcurrentHashMap.putAll stores each entry atomically, so no entry is ever lost, whichever threads run at once.
 *
 * What it does not promise: the batch as a whole is not atomic. A reader running during putAll can see some of the
 * batch and not the rest. When readers must see all of a batch
 * or none of it, guard writers and readers with one lock instead, as lesson 05 does.
 */
public class SharedStore {

    private final Map<Integer, Integer> entries = new ConcurrentHashMap<>();

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
