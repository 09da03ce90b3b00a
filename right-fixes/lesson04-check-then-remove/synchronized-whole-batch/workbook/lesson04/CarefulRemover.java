package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Right fix · lesson 04 · the whole batch under one lock, the Python tutorial's own fix
 *
 * The exercise's code, unchanged, in a synchronized method. Every worker calls the same CarefulRemover, so they all
 * take its one monitor: while a worker takes its snapshot and pops its share, nobody else removes anything, and the
 * snapshot stays true until the worker is done with it. Correct, but only one worker removes at a time (lessons 05
 * and 06 take this further).
 */
public class CarefulRemover {

    private final ConcurrentMap<Integer, Integer> shared;

    /** Works on {@code shared}, the map that all workers remove from. */
    public CarefulRemover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public synchronized List<Integer> removeShare(int share) {
        List<Integer> keys = List.copyOf(shared.keySet()); // Python: keys = list(d.keys())
        List<Integer> values = new ArrayList<>(share);
        for (int i = 0; i < share; i++) {
            Integer key = keys.get(i);
            if (shared.containsKey(key)) { //                  Python: if key in d:
                values.add(pop(key)); //                       Python:     d.pop(key)
            }
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
