package workbook.harness.stress;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import workbook.harness.Format;

/**
 * Watches a stress run from the test thread, from the moment its deadline starts: until every worker has finished,
 * or until the run is stopped as stuck (still going at its deadline, and nothing advanced for {@link Patience#quiet()})
 * or as too slow (still advancing at {@link Patience#limit()}). Advancing means work done: a tick of the run's
 * {@link Progress} or a worker that finished. Lock hand-offs alone are not counted: threads of a livelock hand a lock
 * back and forth without ever getting anything done.
 */
final class RunWatch {

    /** How a run ended. */
    enum Ending { FINISHED, STUCK, TOO_SLOW }

    /** How many looks at the count fit in one quiet period: a look costs a sum over the counter's cells, no more. */
    private static final int LOOKS_PER_QUIET = 5;

    private final Patience patience;
    private final Progress progress;
    private final CountDownLatch finished;
    private final List<Thread> workers;
    private final int threads;
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    /** CPU time, at the last look, of each worker that was runnable then. */
    private Map<Thread, Long> cpuOfRunnable = new HashMap<>();
    private final long startNanos;
    private long lastAdvanceNanos;
    private long endNanos;
    private Ending ending;

    /** Starts watching {@code workers} now: {@code finished} counts down once for each worker that ends. */
    RunWatch(Patience patience, Progress progress, CountDownLatch finished, List<Thread> workers) {
        this.patience = patience;
        this.progress = progress;
        this.finished = finished;
        this.workers = workers;
        this.threads = workers.size();
        this.startNanos = System.nanoTime();
        this.lastAdvanceNanos = startNanos;
    }

    /** Waits until the run ends one way or another, and says which. */
    Ending await() throws InterruptedException {
        ending = watch();
        return ending;
    }

    private Ending watch() throws InterruptedException {
        long deadlineAt = startNanos + patience.deadline().toNanos();
        long limitAt = startNanos + patience.limit().toNanos();
        long look = Math.max(1, patience.quiet().toNanos() / LOOKS_PER_QUIET);
        long lastCount = count();
        long previousLook = startNanos;
        long quietSeen = 0;
        while (true) {
            long now = System.nanoTime();
            long untilNextLook = now - deadlineAt < 0 ? Math.min(look, deadlineAt - now) : look;
            if (finished.await(untilNextLook, TimeUnit.NANOSECONDS)) {
                endNanos = System.nanoTime();
                return Ending.FINISHED;
            }
            now = System.nanoTime();
            long count = count();
            if (count != lastCount) {
                lastCount = count;
                lastAdvanceNanos = now;
                quietSeen = 0;
            } else if (!machineKeptItFromRunning()) {
                // A look that came late (a GC pause, a machine that gave this JVM no CPU) saw no more than one look's
                // worth of quiet: the workers could not run either, and their not running is no evidence.
                quietSeen += Math.min(now - previousLook, look);
            }
            previousLook = now;
            if (now - deadlineAt >= 0) {
                endNanos = now;
                if (quietSeen >= patience.quiet().toNanos()) {
                    return Ending.STUCK;
                }
                if (now - limitAt >= 0) {
                    return now - lastAdvanceNanos >= patience.quiet().toNanos() ? Ending.STUCK : Ending.TOO_SLOW;
                }
            }
        }
    }

    /**
     * True when the machine, not the code, kept the run from advancing since the last look: none of its runnable
     * workers got any CPU, or, when there were no more of them than CPUs, one of them got none. On a machine at load
     * 33, a correct writer got no CPU for a second while this thread looked on time. A thread blocked on a lock or
     * waiting is not runnable; a spinning one uses CPU, so a thousand spinning workers still count as doing nothing.
     */
    private boolean machineKeptItFromRunning() {
        Map<Thread, Long> now = new HashMap<>();
        int compared = 0;
        int gotNone = 0;
        for (Thread t : workers) {
            if (t.getState() == Thread.State.RUNNABLE) {
                long cpu = mx.getThreadCpuTime(t.getId());
                now.put(t, cpu);
                Long before = cpuOfRunnable.get(t);
                if (before != null && cpu != -1) {
                    compared++;
                    gotNone += cpu == before ? 1 : 0;
                }
            }
        }
        cpuOfRunnable = now;
        return compared > 0 && (gotNone == compared
                || gotNone > 0 && now.size() <= Runtime.getRuntime().availableProcessors());
    }

    /** Ticks and finished workers: it rises whenever the run advances. */
    private long count() {
        return progress.done() + finishedWorkers();
    }

    private long finishedWorkers() {
        return threads - finished.getCount();
    }

    /** How long the run had been going when it ended. */
    Duration elapsed() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    /**
     * True when the run was still advancing at its deadline (within a quiet period before it, or after it) and so got
     * more time. A run kept past its deadline only because late looks had not yet seen a whole quiet period is not.
     */
    boolean extended() {
        return lastAdvanceNanos - startNanos > patience.deadline().toNanos() - patience.quiet().toNanos();
    }

    /** The sentence after "the run was stopped" for a run that is stuck. */
    String whyStuck() {
        if (ending == Ending.TOO_SLOW) {
            return "It was still advancing at its " + Format.duration(patience.limit()) + " limit (" + workDone()
                    + "), but some of its workers can never go on:";
        }
        String silence = Format.duration(Duration.ofNanos(endNanos - lastAdvanceNanos));
        String sinceWhen = extended()
                ? "It was still advancing at its " + Format.duration(patience.deadline()) + " deadline and was given"
                        + " more time, but then nothing advanced for " + silence
                : "Nothing advanced in its last " + silence;
        return sinceWhen + " (" + (progress.counted() ? "no " + progress.unit() + " counted, " : "")
                + "no worker finished): " + workDone() + ".";
    }

    /** "12,345 of 1,000,000 puts and 3 of 1,000 workers done" (without a count: the workers only). */
    String workDone() {
        String workers = Format.count(finishedWorkers()) + " of " + Format.count(threads) + " workers";
        return (progress.counted()
                ? Format.count(progress.done()) + " of " + Format.count(progress.total()) + " " + progress.unit()
                        + " and " + workers
                : workers) + " done";
    }

    /** For a run that was too slow: how fast it went, and how long the rest would have taken at that pace. */
    String pace() {
        double seconds = elapsed().toNanos() / 1e9;
        long done = progress.counted() ? progress.done() : finishedWorkers();
        long total = progress.counted() ? progress.total() : threads;
        String unit = progress.counted() ? progress.unit() : "workers finishing";
        if (done == 0) {
            return "";
        }
        long perSecond = Math.round(done / seconds);
        long rest = Math.round((total - done) / (done / seconds));
        return "about " + Format.count(perSecond) + " " + unit + " a second; at that pace the other "
                + Format.count(total - done) + " would have taken " + Format.count(rest) + " s more";
    }

    Patience patience() {
        return patience;
    }
}
