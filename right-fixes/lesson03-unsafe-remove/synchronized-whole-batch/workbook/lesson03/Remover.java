package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Right fix · lesson 03 · the whole batch under one lock, the Python tutorial's own fix
 *
 * The exercise's code, unchanged, in a synchronized method. Every worker calls the same Remover, so they all take
 * its one monitor: while a worker takes its snapshot and pops its share, nobody else removes anything, and the
 * snapshot stays true until the worker is done with it. Correct, but only one worker removes at a time (lessons 05
 * and 06 take this further).
 */
public class Remover {

    private final ConcurrentMap<Integer, Integer> shared;

    /** Works on {@code shared}, the map that all workers remove from. */
    public Remover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public synchronized List<Integer> removeShare(int share) {
        List<Integer> keys = List.copyOf(shared.keySet()); // Python: keys = list(d.keys())
        List<Integer> values = new ArrayList<>(share);
        for (int i = 0; i < share; i++) {
            values.add(pop(keys.get(i))); //                   Python: d.pop(keys[i])
        }
        return values;
    }

    /** Python's {@code d.pop(key)}: removes {@code key} and returns its value, or throws when the key is not there. */
    Integer pop(Integer key) {
        Integer value = shared.remove(key);
        if (value == null) {
            throw new NoSuchElementException("KeyError: " + key);
        }
        return value;
    }
}
