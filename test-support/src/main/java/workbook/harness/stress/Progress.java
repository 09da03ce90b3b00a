package workbook.harness.stress;

import java.util.concurrent.atomic.LongAdder;

/**
 * The work a stress run has done, counted by its workers: one {@link #tick()} for each operation that returned (a put,
 * a batch that arrived, a removal). When a run is still going at its deadline, {@link Stress} looks at this count to
 * tell a slow run from a stuck one: a run whose count keeps rising is advancing and gets more time; one whose count
 * (and whose number of finished workers) stood still is stuck.
 *
 * <pre>{@code
 * Progress puts = Progress.of("puts", 1_000_000);
 * Stress.run(1_000, puts, worker -> {
 *     for (int i = 0; i < 1_000; i++) {
 *         store.put(i * 1_000 + worker, i);
 *         puts.tick();
 *     }
 * });
 * }</pre>
 *
 * Tick only after an operation has returned: a call that spins or waits forever must not look like work. Once Stress
 * has stopped a run that was too slow, the next tick throws (an {@link Error} that Stress itself catches), so that
 * workers which are still advancing end at their next operation instead of running on into the next test.
 */
public final class Progress {

    private final String unit;
    private final long total;
    private final LongAdder done = new LongAdder();
    private volatile boolean stopped;

    private Progress(String unit, long total) {
        this.unit = unit;
        this.total = total;
    }

    /** Work counted in {@code unit} (plural, as "puts"), {@code total} of them when the run is complete. */
    public static Progress of(String unit, long total) {
        if (unit == null || unit.isBlank() || total < 1) {
            throw new IllegalArgumentException("a unit and a total of at least 1, not " + unit + " and " + total);
        }
        return new Progress(unit, total);
    }

    /** A run whose workers count nothing: only workers that finish show that it advances. */
    static Progress uncounted() {
        return new Progress(null, 0);
    }

    /** One more operation returned. Throws once the run has been stopped, to end the worker that calls it. */
    public void tick() {
        if (stopped) {
            throw new RunStopped();
        }
        done.increment();
    }

    long done() {
        return done.sum();
    }

    boolean counted() {
        return unit != null;
    }

    String unit() {
        return unit;
    }

    long total() {
        return total;
    }

    /** From now on every tick throws. */
    void stop() {
        stopped = true;
    }

    /** What a tick throws after the run was stopped: the harness's own doing, never reported as a worker's failure. */
    static final class RunStopped extends Error {

        RunStopped() {
            super("the stress run was stopped", null, false, false);
        }
    }
}
