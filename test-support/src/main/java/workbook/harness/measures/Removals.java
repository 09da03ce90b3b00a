package workbook.harness.measures;

import static workbook.harness.Format.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The bookkeeping of the removal lessons: a map pre-filled with {@code key -> valueOf(key)}, many workers that each
 * must remove a share of it and hand back the values they removed, and the verdict on what they achieved together.
 * Keys and values differ, so code that hands back keys instead of values is caught; the verdict counts what each worker
 * handed back, and reads the map only for what is left in it.
 *
 * <pre>{@code
 * Removals removals = new Removals(1_000, 100);
 * removals.fill(shared);
 * Stress.run(1_000, worker -> {
 *     try {
 *         removals.handedBack(worker, remover.removeShare(100));
 *     } catch (NoSuchElementException e) {   // Python's KeyError: counted, not thrown
 *         removals.keyWasGone(worker, e);
 *     }
 * });
 * List<String> problems = removals.problems(shared);   // empty when every entry was removed exactly once
 * }</pre>
 */
public final class Removals {

    private final int workers;
    private final int share;
    private final AtomicReferenceArray<List<Integer>> handedBack;
    private final AtomicReference<String> firstGone = new AtomicReference<>();
    private final AtomicIntegerArray gone;

    /** {@code workers} workers that must remove {@code share} entries each, from {@code workers × share} entries. */
    public Removals(int workers, int share) {
        this.workers = workers;
        this.share = share;
        this.handedBack = new AtomicReferenceArray<>(workers);
        this.gone = new AtomicIntegerArray(workers);
    }

    /** How many entries the map starts with. */
    public int entries() {
        return workers * share;
    }

    /** Puts keys 0 … entries-1 into {@code map}, each mapped to its {@link #valueOf}. */
    public <M extends Map<Integer, Integer>> M fill(M map) {
        for (int key = 0; key < entries(); key++) {
            map.put(key, valueOf(key));
        }
        return map;
    }

    /** The value that {@link #fill} puts under {@code key}: never the key itself. */
    public int valueOf(int key) {
        return entries() + key;
    }

    /** Worker {@code worker} finished and handed back these values. */
    public void handedBack(int worker, List<Integer> values) {
        handedBack.set(worker, values == null ? List.of() : new ArrayList<>(values));
    }

    /** Worker {@code worker} stopped because a key it wanted to pop was already gone. */
    public void keyWasGone(int worker, NoSuchElementException e) {
        gone.set(worker, 1);
        firstGone.compareAndSet(null, Thread.currentThread().getName() + ": " + e.getMessage());
    }

    /** What went wrong, one sentence each, in numbers; empty when every entry was removed and handed back once. */
    public List<String> problems(Map<Integer, Integer> map) {
        int[] timesHandedBack = new int[entries()];
        int died = 0;
        int fewer = 0;
        int more = 0;
        int strangers = 0;
        for (int w = 0; w < workers; w++) {
            List<Integer> values = handedBack.get(w);
            if (gone.get(w) == 1) {
                died++;
            } else if (values != null && values.size() < share) {
                fewer++;
            } else if (values != null && values.size() > share) {
                more++;
            }
            for (Integer v : values == null ? List.<Integer>of() : values) {
                int key = v == null ? -1 : v - entries();
                if (key >= 0 && key < entries()) {
                    timesHandedBack[key]++;
                } else {
                    strangers++;
                }
            }
        }
        int twice = 0;
        int lost = 0;
        for (int key = 0; key < entries(); key++) {
            if (timesHandedBack[key] > 1) {
                twice++;
            } else if (timesHandedBack[key] == 0 && !map.containsKey(key)) {
                lost++;
            }
        }
        int left = map.size();

        List<String> problems = new ArrayList<>();
        if (died > 0) {
            problems.add(count(died) + " of " + count(workers) + " workers found their key already gone: pop threw"
                    + " NoSuchElementException (Python: KeyError) and the worker stopped. First: " + firstGone.get());
        }
        if (fewer > 0) {
            problems.add(count(fewer) + " of " + count(workers) + " workers finished but removed fewer than their "
                    + count(share) + " entries.");
        }
        if (more > 0) {
            problems.add(count(more) + " of " + count(workers) + " workers removed more than their " + count(share)
                    + " entries.");
        }
        if (left > 0) {
            problems.add(count(left) + " of " + count(entries()) + " entries are still in the map; it should be"
                    + " empty.");
        }
        if (twice > 0) {
            problems.add(count(twice) + " values were handed back by more than one worker: processed twice.");
        }
        if (lost > 0) {
            problems.add(count(lost) + " values were removed from the map but never handed back: lost. (A worker that"
                    + " stops halfway takes the values it has already removed with it.)");
        }
        if (strangers > 0) {
            problems.add(count(strangers) + " values handed back were never in the map (null or unknown).");
        }
        return problems;
    }
}
