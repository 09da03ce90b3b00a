package workbook.harness.leaks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import workbook.harness.stress.Stress;
import workbook.harness.stress.WorkersStuck;

/**
 * Runs small example test classes (nested below, never run on their own) the way Surefire runs a lesson, with
 * test-support's {@code junit-platform.properties}, and checks what the thread-leak check makes of them.
 */
@DisplayName("Threads that outlive a test are reported, once")
class NoThreadLeaksTest {

    @Test
    @DisplayName("a thread the test started and never stopped fails the test, named with its state and frames")
    void leftoverThreadIsReported() throws InterruptedException {
        LeavesAHelperRunning.release = new CountDownLatch(1);
        try {
            Events tests = run(LeavesAHelperRunning.class);

            tests.assertStatistics(stats -> stats.started(1).failed(1));
            assertThat(failureOf(tests))
                    .isInstanceOf(ThreadsLeaked.class)
                    .hasMessageStartingWith("1 thread started by this test is still running 1 s after it ended:\n")
                    .hasMessageContaining("  forgotten-helper (WAITING)\n")
                    .hasMessageContaining("at java.util.concurrent.CountDownLatch.await(")
                    .hasMessageContaining("at workbook.harness.leaks.NoThreadLeaksTest$LeavesAHelperRunning.lambda$")
                    .hasMessageEndingWith("A test must stop every thread it starts (join it, or shut its executor"
                            + " down); otherwise the thread runs on into the next test.");
        } finally {
            LeavesAHelperRunning.release.countDown();
            LeavesAHelperRunning.helper.join();
        }
    }

    @Test
    @DisplayName("a thread that ends just after the test is not a leak")
    void threadEndingWithinGraceIsFine() {
        run(StopsItsHelperWithoutJoining.class).assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    @DisplayName("workers Stress could not stop are reported by WorkersStuck alone, not again as a leak")
    void stuckWorkersAreNotReportedTwice() {
        Events tests = run(DeadlocksUnderStress.class);

        tests.assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(failureOf(tests))
                .isInstanceOf(WorkersStuck.class)
                .hasMessageContaining("DEADLOCK")
                .hasMessageContaining("2 stuck workers ignored an interrupt")
                .satisfies(stuck -> assertThat(stuck.getSuppressed()).noneMatch(ThreadsLeaked.class::isInstance));
    }

    private static Events run(Class<?> exampleTests) {
        return EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(true)
                .selectors(selectClass(exampleTests)).execute().testEvents();
    }

    private static Throwable failureOf(Events tests) {
        return tests.failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static class LeavesAHelperRunning {
        static CountDownLatch release;
        static Thread helper;

        @Test
        void startsAHelperAndForgetsIt() {
            helper = new Thread(() -> awaitQuietly(release), "forgotten-helper");
            helper.start();
        }
    }

    static class StopsItsHelperWithoutJoining {
        @Test
        void releasesItsHelperButDoesNotWaitForIt() {
            CountDownLatch done = new CountDownLatch(1);
            new Thread(() -> awaitQuietly(done), "finishing-helper").start();
            done.countDown();
        }
    }

    static class DeadlocksUnderStress {
        @Test
        void takesTwoLocksInOppositeOrders() {
            Object first = new Object();
            Object second = new Object();
            CyclicBarrier bothHoldOne = new CyclicBarrier(2);
            Stress.run(2, Duration.ofMillis(500), worker -> {
                Object mine = worker == 0 ? first : second;
                Object theirs = worker == 0 ? second : first;
                synchronized (mine) {
                    bothHoldOne.await();
                    synchronized (theirs) {
                        return;
                    }
                }
            });
        }
    }
}
