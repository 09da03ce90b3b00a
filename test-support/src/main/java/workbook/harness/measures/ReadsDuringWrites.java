package workbook.harness.measures;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import workbook.harness.Format;

/**
 * One writer stores keys 0, 1, 2, … in order (key k with value {@link ReadBack#valueOf(int) valueOf(k)}) and says
 * after each write returns how many keys are stored; readers run at the same time and look up keys already stored, at
 * random, until the writer is done. A lookup that misses such a key is the race: the write had returned, so the key
 * was there. Two threads suffice, on any number of CPUs: the writer stores enough keys that the map's table is
 * resized several times, and moving a large table takes long enough that even one CPU switches to the reader
 * while it is half done.
 *
 * <pre>{@code
 * ReadsDuringWrites reads = new ReadsDuringWrites();
 * Stress.run(2, worker -> {
 *     if (worker == 0) { for (int k = 0; k < n; k++) { store.put(k, valueOf(k)); reads.stored(k + 1); } reads.done(); }
 *     else reads.check(store::get);
 * });
 * }</pre>
 */
public final class ReadsDuringWrites {

    private final AtomicInteger stored = new AtomicInteger();
    private volatile boolean done;
    private volatile String miss;

    /** The writer: keys 0 … count-1 are stored (their writes have returned). */
    public void stored(int count) {
        stored.set(count);
    }

    /** The writer: no more writes. Also ends the readers when the writer fails. */
    public void done() {
        done = true;
    }

    /** A reader: looks up stored keys through {@code get} until the writer is done or a lookup misses. */
    public void check(IntFunction<Integer> get) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (!done && miss == null) {
            int count = stored.get();
            if (count == 0) {
                Thread.onSpinWait();
                continue;
            }
            int key = random.nextInt(count);
            Integer value = get.apply(key);
            if (value == null || value != ReadBack.valueOf(key)) {
                miss = "get(" + key + ") answered " + value + " while the writer was storing more keys, although its"
                        + " write of " + key + " (value " + ReadBack.valueOf(key) + ") had already returned ("
                        + Format.count(count) + " keys stored by then)";
            }
        }
    }

    /** What the first missed lookup saw, or {@code null} when every lookup found its key. */
    public String miss() {
        return miss;
    }
}
