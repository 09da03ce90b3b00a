package workbook.harness.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A "fix" that takes two locks in opposite orders. Workers 0 and 1 each take their first lock, meet at a barrier, and
 * only then reach for the other one: the deadlock happens by construction, not by luck.
 */
@DisplayName("A deadlock ends the run with the threads and the locks named")
class DeadlockDiagnosisTest {

    static final Duration DEADLINE = Duration.ofSeconds(1);

    /** 998 workers wake one after the other to queue up behind the pair: on a loaded machine that takes a while. */
    static final Duration DEADLINE_FOR_1000 = Duration.ofSeconds(2);

    @Test
    @DisplayName("synchronized blocks, 1,000 workers: fails within 15 s naming both threads and both monitors")
    void synchronizedInOppositeOrders() {
        Object first = new Object();
        Object second = new Object();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        CountDownLatch deadlocked = new CountDownLatch(1);
        long start = System.nanoTime();

        assertThatThrownBy(() -> Stress.run(1_000, DEADLINE_FOR_1000, worker -> {
            if (worker == 0) {
                synchronized (first) {
                    bothHoldOne.await();
                    deadlocked.countDown();
                    synchronized (second) {
                        return;
                    }
                }
            } else if (worker == 1) {
                synchronized (second) {
                    bothHoldOne.await();
                    synchronized (first) {
                        return;
                    }
                }
            } else {
                deadlocked.await();
                synchronized (first) {
                    return; // the other 998 queue up behind the deadlocked pair
                }
            }
        }))
                .isInstanceOf(WorkersStuck.class)
                .hasMessageContaining("1,000 of 1,000 workers were still running 2 s after the start")
                .hasMessageContaining("DEADLOCK: these threads wait for each other and can never go on:")
                .hasMessageContaining("worker-0 waits for " + monitor(second) + " held by worker-1, while holding "
                        + monitor(first))
                .hasMessageContaining("worker-1 waits for " + monitor(first) + " held by worker-0, while holding "
                        + monitor(second))
                .hasMessageContaining("Take locks in one fixed order everywhere")
                .hasMessageContaining("workers (worker-")
                .hasMessageContaining("BLOCKED on " + monitor(first) + "\n"
                        + "      at workbook.harness.stress.DeadlockDiagnosisTest.lambda$synchronizedInOppositeOrders$");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    @DisplayName("ReentrantLocks: the deadlock is found too, and interruptible waiters end after the run")
    void reentrantLocksInOppositeOrders() {
        ReentrantLock first = new ReentrantLock();
        ReentrantLock second = new ReentrantLock();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);

        assertThatThrownBy(() -> Stress.run(2, DEADLINE, worker -> {
            ReentrantLock mine = worker == 0 ? first : second;
            ReentrantLock theirs = worker == 0 ? second : first;
            mine.lockInterruptibly();
            try {
                bothHoldOne.await();
                theirs.lockInterruptibly();
                theirs.unlock();
            } finally {
                mine.unlock();
            }
        }))
                .isInstanceOf(WorkersStuck.class)
                .hasMessageContaining("DEADLOCK")
                .hasMessageContaining("worker-0 waits for ReentrantLock$NonfairSync@")
                .hasMessageContaining("held by worker-1, while holding ReentrantLock$NonfairSync@")
                .hasMessageContaining("worker-1 waits for ReentrantLock$NonfairSync@")
                .hasMessageContaining("held by worker-0, while holding ReentrantLock$NonfairSync@")
                .hasMessageContaining("All stuck workers ended after an interrupt.")
                // The InterruptedExceptions the harness itself caused are not passed off as earlier failures.
                .satisfies(stuck -> assertThat(stuck.getSuppressed()).isEmpty());
    }

    /** How the diagnosis names a monitor: its class and identity hash, as a thread dump does. */
    static String monitor(Object lock) {
        return lock.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(lock));
    }
}
