package workbook.harness.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** An exception in a worker fails the run, with the worker's own exception and stack trace as the cause. */
@DisplayName("A worker's exception is rethrown with its original stack trace")
class WorkerFailedTest {

    static final Duration DEADLINE = Duration.ofSeconds(2);

    @Test
    @DisplayName("the cause is the very exception the worker threw, thrown from the worker's own frame")
    void causeIsTheOriginalException() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();

        assertThatThrownBy(() -> Stress.run(5, DEADLINE, worker -> {
            if (worker == 3) {
                try {
                    failInsideTheWorker();
                } catch (IllegalStateException e) {
                    thrown.set(e);
                    throw e;
                }
            }
        }))
                .isInstanceOf(WorkerFailed.class)
                .hasMessageStartingWith("1 of 5 workers threw an exception:\n"
                        + "  1 × java.lang.IllegalStateException\n"
                        + "First: worker-3 threw java.lang.IllegalStateException: bucket was already moved\n"
                        + "      at workbook.harness.stress.WorkerFailedTest.failInsideTheWorker(WorkerFailedTest.java:")
                // The worker's frames are in the message itself, because Surefire trims the cause's stack trace.
                .hasMessageContaining("      at workbook.harness.stress.WorkerFailedTest.lambda$causeIsTheOriginalException$")
                .hasMessageEndingWith(")\n(Its whole stack trace follows as the cause.)")
                .hasMessageNotContaining("workbook.harness.stress.Stress")
                .satisfies(failed -> {
                    assertThat(failed.getCause()).isSameAs(thrown.get());
                    StackTraceElement top = failed.getCause().getStackTrace()[0];
                    assertThat(top.getClassName()).isEqualTo(WorkerFailedTest.class.getName());
                    assertThat(top.getMethodName()).isEqualTo("failInsideTheWorker");
                    assertThat(((WorkerFailed) failed).failures()).singleElement()
                            .satisfies(f -> assertThat(f.threadName()).isEqualTo("worker-3"));
                });
    }

    @Test
    @DisplayName("many failures are counted by type, and every one is kept")
    void failuresAreCountedByType() {
        assertThatThrownBy(() -> Stress.run(1_000, DEADLINE, worker -> {
            if (worker % 10 == 0) {
                throw new ConcurrentModificationException("worker " + worker);
            }
            if (worker % 250 == 1) {
                throw new NullPointerException("worker " + worker);
            }
        }))
                .isInstanceOf(WorkerFailed.class)
                .hasMessageStartingWith("104 of 1,000 workers threw an exception:\n")
                .hasMessageContaining("  100 × java.util.ConcurrentModificationException\n")
                .hasMessageContaining("  4 × java.lang.NullPointerException\n")
                .satisfies(failed -> assertThat(((WorkerFailed) failed).failures()).hasSize(104));
    }

    private static void failInsideTheWorker() {
        throw new IllegalStateException("bucket was already moved");
    }
}
