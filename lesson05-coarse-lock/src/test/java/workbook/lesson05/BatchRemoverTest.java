package workbook.lesson05;

import static org.assertj.core.api.Assertions.catchThrowable;
import static workbook.harness.Format.count;
import static workbook.harness.modelcheck.ModelCheck.check;
import static workbook.harness.modelcheck.ModelCheck.concurrently;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workbook.harness.instrumented.AuditedLock;
import workbook.harness.instrumented.GuardedMap;
import workbook.harness.modelcheck.ModelCheck;
import workbook.harness.stress.Stress;

@DisplayName("Lesson 05 · coarse lock")
class BatchRemoverTest {

    static final int THREADS = 1_000;
    static final int BATCH = 20;
    static final int ENTRIES = THREADS * BATCH;
    static final String HINTS = "Hints: lesson05-coarse-lock/README.md";
    /** The exercise shows a half batch within 30 interleavings, a lock per removal within 40; a coarse lock never. */
    static final int INTERLEAVINGS = 80;

    @Test
    @Order(1)
    @DisplayName("1,000 workers remove a batch of 20 each: every call under the lock, no batch ever half removed,"
            + " every entry removed once")
    void everyBatchIsRemovedWhileHoldingTheLock() throws Throwable {
        AuditedLock lock = new AuditedLock();
        GuardedMap<Integer, Integer> map = GuardedMap.withKeys(ENTRIES, lock);
        AtomicLong removalsAtLastRelease = new AtomicLong();
        lock.onRelease(() -> {
            long inThisHold = map.removals() - removalsAtLastRelease.getAndSet(map.removals());
            return inThisHold % BATCH == 0 ? null
                    : Thread.currentThread().getName() + " let go of the lock after removing " + inThisHold
                            + " of its batch of " + BATCH + ", so whoever took the lock next saw "
                            + count(ENTRIES - map.removals()) + " entries: a half-removed batch";
        });
        BatchRemover remover = new BatchRemover(map, lock);
        int[] removed = new int[THREADS];

        Throwable crashed = catchThrowable(() ->
                Stress.run(THREADS, worker -> removed[worker] = remover.removeBatch(BATCH)));

        map.assertEveryCallGuarded(HINTS);
        assertNoBatchWasSeenHalfRemoved(lock);
        if (crashed != null) {
            throw crashed;
        }
        map.assertEveryEntryRemovedOnce(removed, BATCH, "batch", HINTS);
    }

    private static void assertNoBatchWasSeenHalfRemoved(AuditedLock lock) {
        lock.firstFailedAudit().ifPresent(first -> {
            throw new AssertionError(first + ".\n" + count(lock.failedAudits()) + " of "
                    + count(lock.acquisitions()) + " holds of the lock ended in the middle of a batch. Each call was"
                    + " safe, but the batch was not atomic: only a lock held from the batch's first removal to its"
                    + " last makes the whole batch disappear at once.\n" + HINTS);
        });
    }

    @Test
    @Order(2)
    @DisplayName("a batch that fails halfway, on an exception from the map, still lets go of the lock")
    void aBatchThatFailsLetsGoOfTheLock() {
        ReentrantLock lock = new ReentrantLock();
        GuardedMap<Integer, Integer> map = GuardedMap.withKeys(2 * BATCH, lock);
        map.failRemoval(BATCH / 2);
        BatchRemover remover = new BatchRemover(map, lock);

        Throwable thrown = catchThrowable(() -> remover.removeBatch(BATCH));

        if (lock.isLocked()) {
            throw new AssertionError("removeBatch(" + BATCH + ") ended with " + (thrown == null ? "no exception"
                    : thrown) + ", and the lock is still held by the thread that called it. That thread has left"
                    + " removeBatch, so nothing will ever call unlock(), and every other worker would wait for the"
                    + " lock forever. Call unlock() in a finally block, so that"
                    + " it runs however the batch ends.\n" + HINTS);
        }
    }

    @Test
    @Order(3)
    @DisplayName("a reader that takes the lock never sees half of a batch, in any interleaving")
    void aReaderUnderTheLockNeverSeesHalfABatch() {
        ModelCheck.assumeItSeesInsideJdkCollections();
        ModelCheck.explore("lesson05 reader under the lock during a batch", INTERLEAVINGS, () -> {
            Map<Integer, Integer> map = new HashMap<>(Map.of(1, 1, 2, 2));
            Lock lock = new MonitorLock();
            BatchRemover remover = new BatchRemover(map, lock);
            Reader reader = new Reader(map, lock);

            concurrently(() -> remover.removeBatch(2), reader::countEntries);

            int seen = reader.seen;
            check(seen != 1, "a reader holding the lock counted " + seen + " entry while a batch of 2 was being"
                    + " removed: it saw the batch half done. " + HINTS);
        });
    }

    /** Counts the entries while holding the lock, as any careful reader of the shared map would. */
    static final class Reader {
        private final Map<Integer, Integer> map;
        private final Lock lock;
        int seen = -1;

        Reader(Map<Integer, Integer> map, Lock lock) {
            this.map = map;
            this.lock = lock;
        }

        void countEntries() {
            lock.lock();
            try {
                seen = map.size();
            } finally {
                lock.unlock();
            }
        }
    }
}
