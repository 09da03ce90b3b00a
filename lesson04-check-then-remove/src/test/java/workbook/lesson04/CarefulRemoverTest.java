package workbook.lesson04;

import static org.assertj.core.api.Assertions.assertThat;
import static workbook.harness.Format.count;
import static workbook.harness.modelcheck.ModelCheck.check;
import static workbook.harness.modelcheck.ModelCheck.concurrently;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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

@DisplayName("Lesson 04 · check, then remove")
class CarefulRemoverTest {

    static final int WORKERS = 1_000;
    static final int SHARE = 20;
    /** The exercise, and wrong fixes such as a lock around the check alone, fail within the first few tries. */
    static final int INTERLEAVINGS = 50;
    static final String HINTS = "Hints: lesson04-check-then-remove/README.md";
    /** Entries put into the emptied map of the stress test, to check that its size() still counts right. */
    static final int PUT_BACK = 1_000;

    @Test
    @Order(1)
    @DisplayName("1,000 workers each remove 20 entries: every value handed back exactly once, none left, no KeyError,"
            + " and the map's own rules kept: no change from inside a compute function, size() true to its entries")
    void everyValueIsHandedBackExactlyOnce() {
        Removals removals = new Removals(WORKERS, SHARE);
        SwitchAfterCheckMap shared = removals.fill(new SwitchAfterCheckMap(removals.entries()));
        CarefulRemover remover = new CarefulRemover(shared);

        Stress.run(WORKERS, worker -> {
            try {
                removals.handedBack(worker, remover.removeShare(SHARE));
            } catch (NoSuchElementException keyError) {
                removals.keyWasGone(worker, keyError);
            }
        });

        List<String> problems = removals.problems(shared);
        List<String> brokenContract = new ArrayList<>();
        shared.brokenRule().ifPresent(brokenContract::add);
        brokenContract.addAll(countOfEntriesAfterMorePuts(shared, removals.entries()));
        assertThat(problems.isEmpty() && brokenContract.isEmpty())
                .withFailMessage(() -> (problems.isEmpty() ? "" : String.join("\n", problems) + "\n"
                        + "Checking containsKey first does not help: the answer is stale the moment it is returned."
                        + " Between the check and the pop, another worker can pop the key.\n"
                        + forcedSwitch(shared.forced.story()))
                        + (brokenContract.isEmpty() ? "" : String.join("\n", brokenContract) + "\n") + HINTS)
                .isTrue();
    }

    @Test
    @Order(2)
    @DisplayName("two workers sharing one remover hand back 10 and 20, one each, and empty the map, every interleaving")
    void noInterleavingPopsACheckedKeyTwice() {
        ModelCheck.exploreSteps("lesson04 two workers check then remove", INTERLEAVINGS, () -> {
            ConcurrentMap<Integer, Integer> shared = new ConcurrentHashMap<>(2);
            // Keys above 127, where Integer.valueOf boxes a new object on every call: a lock on an equal key that is
            // not the map's own (synchronized (Integer.valueOf(key))) must fail here, as it does with 20,000 keys.
            shared.put(1001, 10);
            shared.put(1002, 20);
            CarefulRemover remover = new CarefulRemover(shared);

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

    /**
     * The map's own bookkeeping: its size() must match the entries it holds, now and after {@value #PUT_BACK} more
     * puts. A ConcurrentHashMap keeps its size in a counter of its own, which an entry removed twice (a remove
     * inside a remapping function that then returns null) leaves too low for good; size() shows 0 at worst, so an
     * emptied map looks right until something is put back.
     */
    private static List<String> countOfEntriesAfterMorePuts(ConcurrentMap<Integer, Integer> map, int firstNewKey) {
        List<String> problems = new ArrayList<>();
        int held = entriesWalked(map);
        if (map.size() != held) {
            problems.add("The map's size() says " + count(map.size()) + ", but it holds " + count(held)
                    + " entries: its count of entries is wrong.");
        }
        for (int key = firstNewKey; key < firstNewKey + PUT_BACK; key++) {
            map.put(key, key);
        }
        int heldAfter = entriesWalked(map);
        if (map.size() != heldAfter) {
            problems.add("After " + count(PUT_BACK) + " more puts, the map's size() says " + count(map.size())
                    + ", but it holds " + count(heldAfter) + " entries: its count of entries is wrong.");
        }
        return problems;
    }

    private static int entriesWalked(Map<Integer, Integer> map) {
        int entries = 0;
        for (Iterator<Integer> keys = map.keySet().iterator(); keys.hasNext(); keys.next()) {
            entries++;
        }
        return entries;
    }

    private static String forcedSwitch(List<String> story) {
        return story.isEmpty() ? "No worker removed a key right after finding it: the test forced no context switch.\n"
                : "To show it on every run, the test held the first worker whose check found a key until another"
                        + " worker had removed it:\n  " + String.join("\n  ", story) + "\n";
    }

    /** One worker of the model check: removes one entry, and records the values it got or the KeyError it hit. */
    private static Runnable worker(CarefulRemover remover, AtomicReferenceArray<Object> outcomes, int slot) {
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
