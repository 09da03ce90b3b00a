package workbook.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one piece of work on many platform threads at once, the way every lesson's stress test does.
 *
 * <ul>
 *   <li>All workers wait behind a start gate, so they really overlap instead of finishing one by one as they are
 *       started.</li>
 *   <li>Every exception thrown in a worker is collected; the run then fails with the count and the first stack trace.
 *       Nothing is swallowed.</li>
 *   <li>The workers are joined against a deadline. A deadlocked or spinning worker ends the run with a diagnosis
 *       (deadlocks, locks held by finished threads, grouped stack dumps) instead of hanging the build.</li>
 *   <li>The deadline counts the workers' own work only: it starts once every worker has passed the start gate.
 *       Starting 1,000 threads and waking them from the gate (one after the other: each woken thread wakes the next)
 *       can take seconds on a loaded machine, and must not be charged to the code under test.</li>
 * </ul>
 *
 * <pre>{@code
 * Stress.run(1_000, worker -> store.put(worker, worker));
 * }</pre>
 */
public final class Stress {

    /** Long enough for any correct lesson solution on a slow machine; short enough that a hang is noticed at once. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

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

    /** Runs {@code worker} on {@code threads} threads named worker-0 … worker-(threads-1), with the default deadline. */
    public static void run(int threads, Worker worker) {
        run(threads, DEFAULT_DEADLINE, worker);
    }

    /** As {@link #run(int, Worker)}, but fails when the workers are not all done within {@code deadline}. */
    public static void run(int threads, Duration deadline, Worker worker) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch through = new CountDownLatch(threads);
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
                } catch (Throwable t) {
                    failures.add(new WorkerFailure(Thread.currentThread().getName(), t));
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
            long deadlineNanos = System.nanoTime() + deadline.toNanos();
            List<Thread> stuck = joinAll(workers, deadlineNanos);
            if (!stuck.isEmpty()) {
                StuckThreads.Diagnosis diagnosis = StuckThreads.diagnose(stuck, threads, deadline);
                // Taken before the interrupt: what the stuck workers throw when interrupted explains nothing.
                List<WorkerFailure> earlier = List.copyOf(failures);
                List<Thread> unstoppable = StuckThreads.interruptAndWait(stuck, Duration.ofSeconds(1));
                NoThreadLeaks.alreadyReported(unstoppable);
                throw new WorkersStuck(diagnosis, StuckThreads.describeLeftovers(unstoppable), earlier);
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw new AssertionError("the test thread was interrupted while waiting for the workers", e);
        }
        if (!failures.isEmpty()) {
            throw new WorkerFailed(threads, List.copyOf(failures));
        }
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

    /** Joins every thread until the deadline; returns the ones still alive then. */
    private static List<Thread> joinAll(List<Thread> workers, long deadlineNanos) throws InterruptedException {
        for (Thread t : workers) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedJoin(t, left);
        }
        List<Thread> alive = new ArrayList<>();
        for (Thread t : workers) {
            if (t.isAlive()) {
                alive.add(t);
            }
        }
        return alive;
    }

    /** One exception thrown by one worker. */
    public record WorkerFailure(String threadName, Throwable error) {
    }
}
