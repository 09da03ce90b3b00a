package workbook.harness.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A run still going at its deadline is stopped at once only when nothing advances; one whose work keeps getting done
 * gets more time, up to its limit, and is never called stuck. The deadlines are short, so that the module stays fast:
 * a worker that "works slowly" here is one that keeps ticking its {@link Progress} for longer than the deadline.
 */
@DisplayName("A run that is advancing is slow, not stuck; one that is not advancing is stuck")
class SlowIsNotStuckTest {

    /**
     * Stopped at 500 ms when nothing advanced for 300 ms; at 1.5 s at the latest while it advances. On a machine at
     * load 36, a ticking worker once got no CPU for 156 ms while the harness looked on time, so the quiet is not
     * shorter.
     */
    static final Patience PATIENCE = new Patience(Duration.ofMillis(500), Duration.ofMillis(300),
            Duration.ofMillis(1_500), Duration.ofMillis(500));
    /** Longer than the deadline, well within the limit. */
    static final Duration TWO_DEADLINES = PATIENCE.deadline().multipliedBy(2);
    static final long STEPS = 1_000_000_000_000L;

    @Test
    @DisplayName("a run still advancing at its deadline gets more time, and when it finishes the verdict is the code's")
    void slowRunThatFinishesPasses() {
        Progress steps = Progress.of("steps", STEPS);
        long start = System.nanoTime();

        Stress.run(2, PATIENCE, steps, worker -> tickFor(steps, TWO_DEADLINES));

        // By construction, not by luck: each worker ticked for two deadlines before it returned.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(PATIENCE.deadline());
    }

    @Test
    @DisplayName("a run still advancing at its limit is stopped as advancing, but slowly, never as stuck")
    void slowRunAtItsLimitIsTooSlowNotStuck() {
        Progress steps = Progress.of("steps", STEPS);

        assertThatThrownBy(() -> Stress.run(2, PATIENCE, steps, worker -> tickFor(steps, Duration.ofDays(1))))
                .isInstanceOf(WorkersTooSlow.class)
                .hasMessageStartingWith("Advancing, but slowly: ")
                // When the look that stops it comes (1.5 s or, on a loaded machine, later) is not for a test to say.
                .hasMessageMatching("(?s)Advancing, but slowly: [\\d,]+ of 1,000,000,000,000 steps and 0 of 2 workers"
                        + " done in [\\d.]+ s \\(about [\\d,]+ steps a second; .*")
                .hasMessageContaining("The run was still advancing at its 500 ms deadline, so it was given more time,"
                        + " up to 1.5 s, and then stopped with 2 workers still at work.")
                .hasMessageContaining("a fair lock (new ReentrantLock(true))")
                // Grouped by stack: both in one group, or one each when the stop found them at different frames.
                .hasMessageMatching("(?s).*Where the workers were when the run was stopped:\n  (2 workers \\(worker-0,"
                        + " worker-1\\) RUNNABLE|1 worker \\(worker-[01]\\) RUNNABLE.*1 worker \\(worker-[01]\\)"
                        + " RUNNABLE).*")
                // The next tick after the stop ended each worker: nothing is left running.
                .hasMessageEndingWith("All workers ended after the run was stopped.\n")
                // The words, not the stack frames (this test's own name contains "Stuck").
                .satisfies(slow -> assertThat(slow.getMessage().replaceAll("\n      at .*", ""))
                        .doesNotContainIgnoringCase("stuck").doesNotContainIgnoringCase("hung")
                        .doesNotContainIgnoringCase("hang"));
    }

    @Test
    @DisplayName("a run that does nothing is stopped as stuck at its deadline, with nothing done said in numbers")
    void runThatDoesNothingIsStuckAtItsDeadline() {
        Progress steps = Progress.of("steps", STEPS);
        CountDownLatch neverOpened = new CountDownLatch(1);

        assertThatThrownBy(() -> Stress.run(2, PATIENCE, steps, worker -> neverOpened.await()))
                .isInstanceOf(WorkersStuck.class)
                .hasMessageStartingWith("2 of 2 workers were still running 500 ms after the start, so the run was"
                        + " stopped. Nothing advanced in its last ")
                .hasMessageContaining("(no steps counted, no worker finished): 0 of 1,000,000,000,000 steps and 0 of 2"
                        + " workers done.\n")
                .hasMessageNotContaining("Advancing");
    }

    @Test
    @DisplayName("a run that advanced past its deadline and then stopped advancing is stuck, and says when it stopped")
    void runThatStopsAdvancingIsStuck() {
        Progress steps = Progress.of("steps", STEPS);
        CountDownLatch neverOpened = new CountDownLatch(1);

        assertThatThrownBy(() -> Stress.run(2, PATIENCE, steps, worker -> {
            if (worker == 0) {
                tickFor(steps, TWO_DEADLINES);
            }
            neverOpened.await();
        }))
                .isInstanceOf(WorkersStuck.class)
                .hasMessageContaining("It was still advancing at its 500 ms deadline and was given more time, but"
                        + " then nothing advanced for ")
                .hasMessageContaining(" steps and 0 of 2 workers done.\n")
                .hasMessageContaining("WAITING on CountDownLatch$Sync@");
    }

    /** Ticks as fast as it can for {@code duration}: work that keeps getting done, for as long as that. */
    private static void tickFor(Progress steps, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() - end < 0) {
            steps.tick();
        }
    }
}
