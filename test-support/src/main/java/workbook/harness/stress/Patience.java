package workbook.harness.stress;

import java.time.Duration;

/**
 * How long {@link Stress} waits for its workers.
 *
 * @param deadline how long the workers' work may take, counted from the moment the last of them passed the start
 *                 gate. A run still going then is stopped at once when it is not advancing.
 * @param quiet    how long a run must go without advancing (no tick of its {@link Progress}, no worker finishing) to
 *                 count as not advancing: stuck.
 * @param limit    the longest a run that keeps advancing may take, counted as the deadline is. Then it is stopped as
 *                 too slow, not as stuck.
 * @param grace    how long workers of a run that was stopped may take to end once told to (an interrupt, a tick that
 *                 throws); those still running then are left behind, and the failure says so.
 */
public record Patience(Duration deadline, Duration quiet, Duration limit, Duration grace) {

    /**
     * The longest quiet and grace that {@link #of(Duration)} gives: an operation of a correct lesson returns within
     * microseconds and a GC pause within milliseconds, so a second without either is not slowness; a worker that can
     * stop when told to stops within milliseconds.
     */
    static final Duration ONE_SECOND = Duration.ofSeconds(1);

    /**
     * How many deadlines a run that keeps advancing may take in all. The slowest correct fix known, a fair lock
     * ({@code new ReentrantLock(true)}) around lesson 01's 1,000 threads × 1,000 puts, pays a context switch per put
     * and took 15–25 s a run on 2 CPUs and on 1 (load 2–3), about 22 s at load 14; six deadlines, 60 s, leave it room
     * on a busier machine, and keep the worst case of a lesson whose code is too slow (its first too-slow run fails
     * the test) to a minute. At load 35, where even a model-checked test took 50 s instead of 3, it managed 7,000 to
     * 15,000 puts a second and was stopped as too slow: no bound that keeps a build short covers such a machine.
     */
    static final int LIMIT_IN_DEADLINES = 6;

    /** The default deadline, in seconds. */
    public static final int DEFAULT_DEADLINE_SECONDS = 10;

    /**
     * The default limit, in seconds: the longest a stress run that keeps advancing takes. A test that runs several
     * can say with it how long it may take in all ({@code @Timeout}).
     */
    public static final int DEFAULT_LIMIT_SECONDS = DEFAULT_DEADLINE_SECONDS * LIMIT_IN_DEADLINES;

    /** Ten seconds to finish, or to be advancing then; at most a minute while advancing. */
    public static final Patience DEFAULT = of(Duration.ofSeconds(DEFAULT_DEADLINE_SECONDS));

    public Patience {
        if (deadline.isNegative() || deadline.isZero() || quiet.isNegative() || quiet.isZero()
                || limit.compareTo(deadline) < 0 || grace.isNegative()) {
            throw new IllegalArgumentException("need 0 < deadline <= limit, quiet > 0 and grace >= 0, not " + deadline
                    + ", " + quiet + ", " + limit + ", " + grace);
        }
    }

    /**
     * {@code deadline}; quiet for half of it and a grace of all of it, both at most {@link #ONE_SECOND}; a limit of six
     * deadlines.
     */
    public static Patience of(Duration deadline) {
        return new Patience(deadline, atMostOneSecond(deadline.dividedBy(2)),
                deadline.multipliedBy(LIMIT_IN_DEADLINES), atMostOneSecond(deadline));
    }

    private static Duration atMostOneSecond(Duration d) {
        return d.compareTo(ONE_SECOND) < 0 ? d : ONE_SECOND;
    }
}
