package workbook.lesson06;

import static org.assertj.core.api.Assertions.catchThrowable;
import static workbook.harness.Format.count;
import static workbook.harness.ModelCheck.check;
import static workbook.harness.ModelCheck.concurrently;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workbook.harness.AuditedLock;
import workbook.harness.GuardedMap;
import workbook.harness.GuardedMap.Work;
import workbook.harness.ModelCheck;
import workbook.harness.Stress;

/*
 * The faithful port has no race: every call is under the lock and every interleaving ends with an empty map. What is
 * wrong is how much work it does, which the stress test counts. The model-checked test guards the other side: a
 * faster version must not bring back a race (a shared cursor or queue used outside the lock is the usual one).
 */
@DisplayName("Lesson 06 · per-iteration lock")
class KeyByKeyRemoverTest {

    static final int THREADS = 1_000;
    static final int PER_WORKER = 100;
    static final int ENTRIES = THREADS * PER_WORKER;
    static final int OPERATIONS_PER_ENTRY = 3;
    static final String HINTS = "Hints: lesson06-fine-lock/README.md";
    /**
     * Fewer than the default, because the faithful port is correct and so the model checker tries every one of them.
     * The racy shared cursor in wrong-fixes/ fails within the first 20 (Java 17 and 25); 60 leave room.
     */
    static final int INTERLEAVINGS = 60;

    @Test
    @Order(1)
    @DisplayName("1,000 workers remove 100 entries each: every call under the lock, one removal per hold,"
            + " at most 3 map operations per entry, every entry removed once")
    void workersRemoveKeyByKeyInLinearWork() throws Throwable {
        AuditedLock lock = new AuditedLock();
        GuardedMap<Integer, Integer> map = GuardedMap.withKeys(ENTRIES, lock);
        map.limitWork((long) OPERATIONS_PER_ENTRY * ENTRIES);
        AtomicLong removalsAtLastRelease = new AtomicLong();
        lock.onRelease(() -> {
            long inThisHold = map.removals() - removalsAtLastRelease.getAndSet(map.removals());
            return inThisHold <= 1 ? null
                    : Thread.currentThread().getName() + " removed " + count(inThisHold)
                            + " entries in one hold of the lock";
        });
        KeyByKeyRemover remover = new KeyByKeyRemover(map, lock);
        int[] removed = new int[THREADS];

        Throwable crashed = catchThrowable(() ->
                Stress.run(THREADS, worker -> removed[worker] = remover.removeEntries(PER_WORKER)));

        map.assertEveryCallGuarded(HINTS);
        assertLinearWork(map);
        assertOneRemovalPerHold(lock);
        if (crashed != null) {
            throw crashed;
        }
        map.assertEveryEntryRemovedOnce(removed, PER_WORKER, "share", HINTS);
    }

    @Test
    @Order(2)
    @DisplayName("two workers removing key by key each remove their share, every entry once, in any interleaving")
    void noInterleavingRemovesAnEntryTwiceOrSkipsOne() {
        ModelCheck.assumeItSeesInsideJdkCollections();
        ModelCheck.exploreSteps("lesson06 two workers remove key by key", INTERLEAVINGS, () -> {
            // A table of 2 bins, not the default 16: Lincheck 3.7 stops exploring other interleavings when the
            // scenario's own thread has walked a 16-bin table (e.g. to copy the keys), and then misses races.
            Map<Integer, Integer> shared = new HashMap<>(2);
            shared.put(1, 1);
            shared.put(2, 2);
            KeyByKeyRemover remover = new KeyByKeyRemover(shared, new ReentrantLock());

            int[] removed = new int[2];
            concurrently(() -> removed[0] = remover.removeEntries(1), () -> removed[1] = remover.removeEntries(1));

            check(removed[0] == 1 && removed[1] == 1 && shared.isEmpty(),
                    "two workers should each remove 1 of the 2 entries, but they removed " + removed[0] + " and "
                            + removed[1] + ", and " + shared.keySet() + " " + (shared.size() == 1 ? "is" : "are")
                            + " left. " + HINTS);
        });
    }

    private static void assertLinearWork(GuardedMap<Integer, Integer> map) {
        map.workAtBudget().ifPresent(work -> {
            throw new AssertionError("the work budget ran out after " + count(work.total()) + " map operations,"
                    + " with " + count(work.removals()) + " of " + count(ENTRIES) + " entries removed (the budget is "
                    + OPERATIONS_PER_ENTRY + " per entry, " + count((long) OPERATIONS_PER_ENTRY * ENTRIES)
                    + " in all).\n" + breakdown(work) + "\nThe first calls to the map, in order:\n  "
                    + String.join("\n  ", map.firstCalls()) + "\nRemoving n entries should take a few times n"
                    + " operations, however many workers share the job. A private copy of all keys per worker, or a"
                    + " walk past keys that other workers removed long ago, makes the work grow with workers × entries"
                    + " instead: quadratic.\n" + HINTS);
        });
    }

    private static String breakdown(Work work) {
        return "  keys read (snapshots, iterators): " + count(work.keysRead()) + String.format(Locale.ROOT,
                        " (%.1f times the whole map)", (double) work.keysRead() / ENTRIES)
                + "\n  key checks (containsKey, get):    " + count(work.keyChecks())
                + "\n  remove calls:                     " + count(work.removeCalls())
                + (work.writes() == 0 ? "" : "\n  writes (put and the like):        " + count(work.writes()));
    }

    private static void assertOneRemovalPerHold(AuditedLock lock) {
        lock.firstFailedAudit().ifPresent(first -> {
            throw new AssertionError(first + ".\n" + count(lock.failedAudits()) + " of "
                    + count(lock.acquisitions()) + " holds of the lock removed more than one entry. That is safe,"
                    + " but it is lesson 05's coarse lock: this lesson takes the lock once per removal, so that"
                    + " other threads can get in between any two.\n" + HINTS);
        });
    }
}
