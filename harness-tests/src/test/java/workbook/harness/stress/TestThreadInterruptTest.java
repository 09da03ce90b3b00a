package workbook.harness.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The thread running the test is interrupted while it waits for the workers (JUnit's own timeout does that). The run
 * must stop at once, tell the workers to stop, and leave the interrupt visible to the caller.
 */
@DisplayName("An interrupt of the test thread stops the run and the workers")
class TestThreadInterruptTest {

    @Test
    @DisplayName("the run fails at once, the interrupt status is kept, and no worker is left behind")
    void interruptStopsTheRun() {
        Thread testThread = Thread.currentThread();
        CountDownLatch neverOpened = new CountDownLatch(1);

        assertThatThrownBy(() -> Stress.run(3, Duration.ofSeconds(10), worker -> {
            if (worker == 0) {
                testThread.interrupt();
            }
            neverOpened.await();
        }))
                .isInstanceOf(AssertionError.class)
                .hasMessage("the test thread was interrupted while waiting for the workers")
                .hasCauseInstanceOf(InterruptedException.class);

        assertThat(Thread.interrupted()).as("interrupt status kept for the caller").isTrue();
        // The workers were interrupted too and end on their own; NoThreadLeaks, active here as in every lesson,
        // fails this test if they do not.
    }
}
