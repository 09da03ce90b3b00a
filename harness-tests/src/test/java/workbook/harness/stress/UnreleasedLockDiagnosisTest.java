package workbook.harness.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A worker takes a lock and leaves without releasing it (no {@code finally} around work that throws). The other
 * workers wait for it forever; the harness must say which lock, who took it, and why, instead of hanging.
 */
@DisplayName("A lock that is never released is diagnosed, not hung on")
class UnreleasedLockDiagnosisTest {

    static final Duration DEADLINE = Duration.ofMillis(500);

    @Test
    @DisplayName("a worker throws holding a ReentrantLock: LOCK NEVER RELEASED, naming the owner and its exception")
    void workerThrowsWhileHoldingTheLock() {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch taken = new CountDownLatch(1);
        IllegalStateException trouble = new IllegalStateException("the work between lock() and unlock() failed");

        assertThatThrownBy(() -> Stress.run(10, DEADLINE, worker -> {
            if (worker == 7) {
                lock.lock();
                taken.countDown();
                throw trouble; // and unlock() is never reached
            }
            taken.await();
            lock.lock();
            lock.unlock();
        }))
                .isInstanceOf(WorkersStuck.class)
                .hasMessageContaining("9 of 10 workers were still running 500 ms after the start")
                .hasMessageContaining("LOCK NEVER RELEASED: 9 workers wait for ReentrantLock$NonfairSync@")
                .hasMessageContaining("held by worker-7, which has already ended.")
                .hasMessageContaining("A lock must be released in a finally block")
                .hasMessageContaining("9 workers (")
                .hasMessageNotContaining("DEADLOCK")
                // The exception that made worker-7 leave is attached: it is the reason for the hang.
                .satisfies(stuck -> assertThat(stuck.getSuppressed()).containsExactly(trouble));
    }

    @Test
    @DisplayName("workers waiting on a latch that never opens are stuck, but no lock is blamed")
    void latchThatNeverOpensIsNotAnUnreleasedLock() {
        CountDownLatch neverOpened = new CountDownLatch(1);

        assertThatThrownBy(() -> Stress.run(3, DEADLINE, worker -> neverOpened.await()))
                .isInstanceOf(WorkersStuck.class)
                .hasMessageContaining("3 of 3 workers were still running 500 ms after the start")
                .hasMessageContaining("3 workers (")
                .hasMessageContaining("WAITING on CountDownLatch$Sync@")
                .hasMessageContaining("at java.util.concurrent.CountDownLatch.await(")
                .hasMessageNotContaining("LOCK NEVER RELEASED")
                .hasMessageContaining("All stuck workers ended after an interrupt.")
                .satisfies(stuck -> assertThat(stuck.getSuppressed()).isEmpty());
    }
}
