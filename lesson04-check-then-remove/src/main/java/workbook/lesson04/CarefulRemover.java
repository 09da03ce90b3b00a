package workbook.lesson04;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;

/*
 * Lesson 04 · Check, then remove
 *
 * The Python tutorial's next attempt at scenario 3 looks before it leaps: each of the 1,000 threads still works
 * through its own copy of the keys, but pops a key only if it is still there (if key in d: d.pop(key)). It still
 * ends in KeyErrors, and in one run 752 items were left. The check and the pop are two steps, and another thread can
 * pop the key between them.
 *
 * This class is the port: a containsKey check before each pop. Both calls are atomic on a ConcurrentHashMap; the
 * pair is not. containsKey answers for the moment it looked, and the answer can be wrong before it is used. Workers
 * hit a missing key after their check said it was there, others skip keys and remove too few (the README has the
 * figures). On its own the gap is narrow, so the test puts the seed's "<context switch>" into it: the first worker
 * that found a key and is about to pop it waits until another worker has popped that key.
 *
 * Your task: make removeShare correct when 1,000 threads call it at once on one shared CarefulRemover. Every call must
 * remove and return exactly `share` values, each value must be returned once (no duplicates, none lost), and the map
 * must end empty. Keep the public constructor and removeShare; the tests pass in the shared map and give every worker
 * the same CarefulRemover.
 * Run:  ./mvnw test -pl lesson04-check-then-remove -am        Hints: lesson04-check-then-remove/README.md
 */
public class CarefulRemover {

    private final ConcurrentMap<Integer, Integer> shared;

    /** Works on {@code shared}, the map that all workers remove from. */
    public CarefulRemover(ConcurrentMap<Integer, Integer> shared) {
        this.shared = shared;
    }

    /** Removes {@code share} entries from the shared map and returns their values, for the caller to process. */
    public List<Integer> removeShare(int share) {
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
