package workbook.lesson03;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Lesson 03 · Unsafe remove
 *
 * The Python tutorial fills a dict with 1,000,000 items and starts 1,000 threads. Each thread copies the keys into
 * a list of its own (keys = list(d.keys())) and pops the first 1,000 keys on that list. Every single pop is atomic
 * under the GIL, yet most threads die with a KeyError and the dict is not empty at the end: a thread pops a key
 * that another thread popped after the copy was taken.
 *
 * This class is the port. The shared map is a ConcurrentHashMap, so every single remove is atomic here too.
 * pop() throws NoSuchElementException where Python raises KeyError (Map.remove itself just returns null). The copy
 * is stale the moment it is taken: it lists keys that other threads may remove before this one gets to them. Workers
 * die with a KeyError and entries stay in the map (the README has the figures). The test makes the race happen on
 * every run: it holds the first worker that is about to pop until another worker has popped the same key, the seed's
 * "<context switch>".
 *
 * Your task: make removeShare correct when 1,000 threads call it at once on one shared Remover. Every call must remove
 * and return exactly `share` values, every entry must be removed exactly once, and the map must end empty. Keep the
 * public constructor and removeShare; the tests pass in the shared map and give every worker the same Remover.
 * Run:  ./mvnw test -pl lesson03-unsafe-remove -am        Hints: lesson03-unsafe-remove/README.md
 */
public class Remover {

    private final ConcurrentMap<Integer, Integer> shared;

    /** Works on {@code shared}, the map that all workers remove from. */
    public Remover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public List<Integer> removeShare(int share) {
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
