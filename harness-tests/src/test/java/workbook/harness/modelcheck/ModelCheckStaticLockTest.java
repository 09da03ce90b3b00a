package workbook.harness.modelcheck;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static workbook.harness.modelcheck.ModelCheck.check;
import static workbook.harness.modelcheck.ModelCheck.concurrently;

import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A lock kept in a static field outlives every interleaving the model checker explores, and was created before the
 * first one. Before {@code ModelCheck} had Lincheck instrument the lock classes up front, the first interleaving in
 * which a thread had to wait for such a lock hung until JUnit's 30 s timeout. Now it is judged like any other lock:
 * held around the whole read-modify-write it passes, held around the read alone it fails with the race.
 */
@DisplayName("The model checker judges a lock kept in a static field")
class ModelCheckStaticLockTest {

    static final ReentrantLock LOCK = new ReentrantLock();

    /** One increment: read, then write. */
    static final class Counter {
        int value;
    }

    @Test
    @DisplayName("a static ReentrantLock held around the read and the write: no lost increment, no hang")
    void staticLockAroundTheWholeIncrementPasses() {
        assertThatCode(() -> ModelCheck.explore("static lock around the increment", 50, () -> {
            Counter counter = new Counter();
            Runnable increment = () -> {
                LOCK.lock();
                try {
                    counter.value = counter.value + 1;
                } finally {
                    LOCK.unlock();
                }
            };
            concurrently(increment, increment);
            check(counter.value == 2, "lost an increment");
        })).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a static ReentrantLock held around the read only: the lost increment is found")
    void staticLockAroundTheReadOnlyFails() {
        assertThatThrownBy(() -> ModelCheck.explore("static lock around the read only", 50, () -> {
            Counter counter = new Counter();
            Runnable increment = () -> {
                int read;
                LOCK.lock();
                try {
                    read = counter.value;
                } finally {
                    LOCK.unlock();
                }
                counter.value = read + 1;
            };
            concurrently(increment, increment);
            check(counter.value == 2, "lost an increment");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("lost an increment");
    }

    @Test
    @DisplayName("a static synchronized method around the read and the write: no lost increment")
    void staticSynchronizedPasses() {
        assertThatCode(() -> ModelCheck.explore("static synchronized increment", 50, () -> {
            Counter counter = new Counter();
            Runnable increment = () -> incrementUnderTheClassMonitor(counter);
            concurrently(increment, increment);
            check(counter.value == 2, "lost an increment");
        })).doesNotThrowAnyException();
    }

    private static synchronized void incrementUnderTheClassMonitor(Counter counter) {
        counter.value = counter.value + 1;
    }
}
