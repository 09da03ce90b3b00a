package workbook.lesson03;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.harness.modelcheck.ModelCheck.check;
import static workbook.harness.modelcheck.ModelCheck.concurrently;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workbook.harness.measures.Removals;
import workbook.harness.modelcheck.ModelCheck;
import workbook.harness.stress.Stress;

@DisplayName("Lesson 03 · unsafe remove")
class RemoverTest {

    static final int WORKERS = 1_000;
    static final int SHARE = 20;
    /** The exercise, and wrong fixes such as a lock around the check alone, fail within the first few tries. */
    static final int INTERLEAVINGS = 50;
    static final String HINTS = "Hints: lesson03-unsafe-remove/README.md";

    @Test
    @Order(1)
    @DisplayName("1,000 workers each remove 20 entries: every entry exactly once, none left, no KeyError")
    void everyEntryIsRemovedExactlyOnce() {
        Removals removals = new Removals(WORKERS, SHARE);
        PopAfterOthersMap shared = removals.fill(new PopAfterOthersMap(removals.entries()));
        Remover remover = new Remover(shared);

        Stress.run(WORKERS, worker -> {
            try {
                removals.handedBack(worker, remover.removeShare(SHARE));
            } catch (NoSuchElementException keyError) {
                removals.keyWasGone(worker, keyError);
            }
        });

        List<String> problems = removals.problems(shared);
        assertThat(problems)
                .withFailMessage(() -> String.join("\n", problems) + "\n"
                        + "Each worker's list of keys was a snapshot, and a snapshot is stale the moment it is taken:"
                        + " by the time a worker pops a key on it, another worker may have popped that key already.\n"
                        + forcedSwitch(shared.forced.story()) + HINTS)
                .isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("two workers sharing one remover hand back 10 and 20, one each, and empty the map, every interleaving")
    void noInterleavingPopsAKeyTwice() {
        ModelCheck.exploreSteps("lesson03 two workers remove one entry each", INTERLEAVINGS, () -> {
            ConcurrentMap<Integer, Integer> shared = new ConcurrentHashMap<>(2);
            // Keys above 127, where Integer.valueOf boxes a new object on every call: a lock on an equal key that is
            // not the map's own (synchronized (Integer.valueOf(key))) must fail here, as it does with 20,000 keys.
            shared.put(1001, 10);
            shared.put(1002, 20);
            Remover remover = new Remover(shared);

            AtomicReferenceArray<Object> outcomes = new AtomicReferenceArray<>(2);
            concurrently(worker(remover, outcomes, 0), worker(remover, outcomes, 1));

            Object first = outcomes.get(0);
            Object second = outcomes.get(1);
            int left = shared.size();
            check(first instanceof List<?> a && second instanceof List<?> b && a.size() == 1 && b.size() == 1
                            && tenAndTwenty(a.get(0), b.get(0)) && left == 0,
                    "two workers should hand back one value each, 10 and 20, but the first ended with "
                            + describe(first) + " and the second with " + describe(second) + ", and " + left
                            + " of 2 entries are left. "
                            + HINTS);
        });
    }

    private static String forcedSwitch(List<String> story) {
        return story.isEmpty() ? "No worker called remove(key), so the test forced no context switch.\n"
                : "To show it on every run, the test held the first worker that was about to remove a key until"
                        + " another worker had removed it:\n  " + String.join("\n  ", story) + "\n";
    }

    /** One worker of the model check: removes one entry, and records the values it got or the KeyError it hit. */
    private static Runnable worker(Remover remover, AtomicReferenceArray<Object> outcomes, int slot) {
        return () -> {
            try {
                outcomes.set(slot, remover.removeShare(1));
            } catch (NoSuchElementException keyError) {
                outcomes.set(slot, keyError);
            }
        };
    }

    /** True when one worker handed back 10 and the other 20: the two values, each once. */
    private static boolean tenAndTwenty(Object one, Object other) {
        return Integer.valueOf(10).equals(one) && Integer.valueOf(20).equals(other)
                || Integer.valueOf(20).equals(one) && Integer.valueOf(10).equals(other);
    }

    private static String describe(Object outcome) {
        return outcome instanceof NoSuchElementException keyError ? "NoSuchElementException (" + keyError.getMessage()
                + ")" : "the values " + outcome;
    }
}
