package workbook.harness.stress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import workbook.harness.Format;
import workbook.harness.leaks.NoThreadLeaks;

/**
 * Runs one piece of work on many platform threads at once, the way every lesson's stress test does.
 *
 * <ul>
 *   <li>All workers wait behind a start gate, so they really overlap instead of finishing one by one as they are
 *       started.</li>
 *   <li>Every exception thrown in a worker is collected; the run then fails with the count and the first stack trace.
 *       Nothing is swallowed.</li>
 *   <li>The workers are joined against a deadline. A run still going then is stopped at once when it is not
 *       advancing: nothing done for a while (see {@link Patience#quiet()}). A deadlocked or spinning worker thus ends
 *       the run with a diagnosis (deadlocks, locks held by finished threads, grouped stack dumps) instead of hanging
 *       the build ({@link WorkersStuck}).</li>
 *   <li>A run that is advancing at its deadline is slow, not stuck: its {@link Progress} ticks, or its workers are
 *       finishing. It gets more time, up to {@link Patience#limit()}. If it finishes by then, the verdict is the
 *       test's; if not, it is stopped as too slow ({@link WorkersTooSlow}), with how far it got, never as stuck.</li>
 *   <li>The deadline counts the workers' own work only: it starts once every worker has passed the start gate.
 *       Starting 1,000 threads and waking them from the gate (one after the other: each woken thread wakes the next)
 *       can take seconds on a loaded machine, and must not be charged to the code under test.</li>
 * </ul>
 *
 * <pre>{@code
 * Stress.run(1_000, worker -> store.put(worker, worker));
 *
 * Progress puts = Progress.of("puts", 1_000_000);
 * Stress.run(1_000, puts, worker -> {
 *     for (int i = 0; i < 1_000; i++) {
 *         store.put(i * 1_000 + worker, i);
 *         puts.tick();
 *     }
 * });
 * }</pre>
 */
public final class Stress {

    /** Long enough for any correct lesson solution on a slow machine; short enough that a hang is noticed at once. */
    public static final Duration DEFAULT_DEADLINE = Patience.DEFAULT.deadline();

    /**
     * How long starting the workers and opening the gate may take before the deadline starts anyway. Only the
     * harness's own code runs in that time; the bound only keeps a machine that cannot schedule the threads at all
     * from hanging the build.
     */
    static final Duration START_LIMIT = Duration.ofSeconds(60);

    /** The body each worker runs once; {@code index} is 0 … threads-1 and also appears in the thread name. */
    @FunctionalInterface
    public interface Worker {
        void run(int index) throws Exception;
    }

    private Stress() {
    }

    /**
     * Runs {@code worker} on {@code threads} threads named worker-0 … worker-(threads-1), with the default deadline.
     */
    public static void run(int threads, Worker worker) {
        run(threads, Patience.DEFAULT, Progress.uncounted(), worker);
    }

    /** As {@link #run(int, Worker)}, with workers that tick {@code progress} for each operation that returned. */
    public static void run(int threads, Progress progress, Worker worker) {
        run(threads, Patience.DEFAULT, progress, worker);
    }

    /** As {@link #run(int, Worker)}, but with {@code deadline} (and {@link Patience#of(Duration)} for the rest). */
    public static void run(int threads, Duration deadline, Worker worker) {
        run(threads, Patience.of(deadline), Progress.uncounted(), worker);
    }

    /**
     * Runs {@code worker} on {@code threads} threads, waits for them as {@code patience} says, and counts their work
     * in {@code progress}. Ends normally when every worker finished without an exception; otherwise throws a
     * {@link StressFailed}: {@link WorkerFailed}, {@link WorkersStuck} or {@link WorkersTooSlow}.
     */
    public static void run(int threads, Patience patience, Progress progress, Worker worker) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch through = new CountDownLatch(threads);
        CountDownLatch finished = new CountDownLatch(threads);
        Queue<WorkerFailure> failures = new ConcurrentLinkedQueue<>();

        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    try {
                        go.await();
                    } finally {
                        through.countDown();
                    }
                    worker.run(index);
                } catch (Progress.RunStopped stopped) {
                    // The harness stopped the run as too slow, and this worker's next tick ended it: not a failure.
                } catch (Throwable t) {
                    failures.add(new WorkerFailure(Thread.currentThread().getName(), t));
                } finally {
                    finished.countDown();
                }
            }, "worker-" + i);
            // A worker that never ends must not keep the test JVM alive after the run has failed.
            thread.setDaemon(true);
            workers.add(thread);
        }
        try {
            startAll(workers);
            long startLimitNanos = System.nanoTime() + START_LIMIT.toNanos();
            awaitQuietly(ready, startLimitNanos);
            go.countDown();
            awaitQuietly(through, startLimitNanos);
            RunWatch watch = new RunWatch(patience, progress, finished, workers);
            RunWatch.Ending ending = watch.await();
            if (ending == RunWatch.Ending.FINISHED) {
                for (Thread t : workers) {
                    t.join(); // each has counted down as its last step, and is ending
                }
            } else {
                throw stop(ending, watch, workers, progress, List.copyOf(failures));
            }
        } catch (InterruptedException e) {
            progress.stop();
            workers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new AssertionError("the test thread was interrupted while waiting for the workers", e);
        }
        if (!failures.isEmpty()) {
            throw new WorkerFailed(threads, List.copyOf(failures));
        }
    }

    /**
     * Stops a run that did not finish and says why. The diagnosis is taken before the workers are told to stop: what
     * they do then (an interrupt, a tick that throws) explains nothing. {@code earlier} are the exceptions workers
     * threw before. A run that kept advancing while some of its workers deadlocked or wait for a lock whose owner has
     * ended is stuck all the same.
     */
    private static StressFailed stop(RunWatch.Ending ending, RunWatch watch, List<Thread> workers, Progress progress,
            List<WorkerFailure> earlier) {
        List<Thread> running = workers.stream().filter(Thread::isAlive).toList();
        StuckThreads.Diagnosis diagnosis = null;
        if (ending == RunWatch.Ending.TOO_SLOW) {
            diagnosis = StuckThreads.diagnose(running, WorkersTooSlow.describe(watch, running.size()),
                    "Where the workers were when the run was stopped:\n");
        }
        boolean stuck = diagnosis == null || diagnosis.canNeverGoOn();
        if (stuck) {
            diagnosis = StuckThreads.diagnose(running,
                    StuckThreads.stuckHeadline(running.size(), workers.size(), watch),
                    "Where the stuck workers are:\n");
        }
        progress.stop();
        List<Thread> unstoppable = StuckThreads.interruptAndWait(running, watch.patience().grace());
        NoThreadLeaks.alreadyReported(unstoppable);
        String leftovers = StuckThreads.describeLeftovers(unstoppable, stuck);
        return stuck ? new WorkersStuck(diagnosis, leftovers, earlier)
                : new WorkersTooSlow(diagnosis.text() + leftovers, earlier);
    }

    /**
     * Starts every worker. When the machine cannot start one more thread (a small {@code ulimit -u}, little memory),
     * the ones already started are sent home and the run fails saying how far it got.
     */
    private static void startAll(List<Thread> workers) {
        for (int i = 0; i < workers.size(); i++) {
            try {
                workers.get(i).start();
            } catch (OutOfMemoryError | RuntimeException e) {
                workers.subList(0, i).forEach(Thread::interrupt);
                throw new AssertionError("could not start " + workers.get(i).getName() + " of "
                        + Format.count(workers.size()) + " workers: " + e, e);
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch, long deadlineNanos) throws InterruptedException {
        latch.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** One exception thrown by one worker. */
    public record WorkerFailure(String threadName, Throwable error) {
    }
}
