package workbook.harness.instrumented;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link ReentrantLock} that counts how often it is taken and audits the shared state
 * each time a thread is about to let go of it.
 *
 * <p>The moment of release is when other threads get to see what the holder did, so that is where a test checks
 * invariants that only the lock protects ("the map never shows a half-removed batch", "one removal per hold"). The
 * audit runs while the lock is still held, on every outermost {@code unlock()}, on any number of CPUs: no auditor
 * thread has to be lucky enough to get in at the wrong moment.
 *
 * <pre>{@code
 * lock.onRelease(() -> ok ? null : Thread.currentThread().getName() + " left the map half done");
 * }</pre>
 *
 * An audit returns {@code null} when all is well, or a description of what is wrong. The first description and
 * the number of failed audits are kept for the test; the lock is released either way, so a failed audit never
 * blocks the other threads.
 *
 * <p>With {@link #timeHolds()} the lock also measures the CPU time of the holder's thread from each acquisition to
 * the release: the work done under the lock, without the time spent waiting for it or switched out. Comparing the
 * median hold at n and at 4n entries shows work per hold that grows with n, wherever it is done under the lock
 * (for example a {@code remove(0)} on a shared {@code ArrayList}), which no count of map calls can see.
 */
public final class AuditedLock extends ReentrantLock {

    private static final long serialVersionUID = 1L;

    private transient Supplier<String> audit = () -> null;
    private transient Runnable beforeAcquiring = () -> { };
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long acquisitions; // changed only by the holder
    private boolean timed;
    private long cpuAtAcquisition; // these three changed only by the holder
    private long[] holdCpuNanos = new long[0];
    private int timedHolds;
    private final AtomicLong failedAudits = new AtomicLong();
    private final AtomicReference<String> firstFailedAudit = new AtomicReference<>();

    /** Runs {@code audit} each time a thread is about to release the lock, while it still holds it. */
    public void onRelease(Supplier<String> audit) {
        this.audit = audit;
    }

    /**
     * Runs {@code step} each time a thread is about to take the lock, before it tries, while it does not hold it yet
     * (re-entrant acquisitions are not announced). A test can hold the thread there, between two holds, to let
     * others in.
     */
    public void beforeAcquiring(Runnable step) {
        this.beforeAcquiring = step;
    }

    /** From now on, measures the CPU time of every hold; see {@link #holdCpuNanos(double)}. */
    public void timeHolds() {
        timed = true;
    }

    /**
     * The CPU time, in nanoseconds, within which the fraction {@code quantile} of the timed holds stayed (0.5: the
     * median); 0 if no hold was timed.
     */
    public long holdCpuNanos(double quantile) {
        if (timedHolds == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(holdCpuNanos, timedHolds);
        Arrays.sort(sorted);
        return sorted[(int) Math.min(timedHolds - 1, Math.floor(quantile * timedHolds))];
    }

    /** How many holds were timed. */
    public int timedHolds() {
        return timedHolds;
    }

    /** How many times the lock was taken (re-entrant holds of a thread that already has it not counted). */
    public long acquisitions() {
        return acquisitions;
    }

    /** The first failed audit's description, if any. */
    public Optional<String> firstFailedAudit() {
        return Optional.ofNullable(firstFailedAudit.get());
    }

    /** How many releases failed their audit. */
    public long failedAudits() {
        return failedAudits.get();
    }

    @Override
    public void lock() {
        aboutToAcquire();
        super.lock();
        acquired();
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        aboutToAcquire();
        super.lockInterruptibly();
        acquired();
    }

    @Override
    public boolean tryLock() {
        aboutToAcquire();
        boolean taken = super.tryLock();
        if (taken) {
            acquired();
        }
        return taken;
    }

    @Override
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        aboutToAcquire();
        boolean taken = super.tryLock(timeout, unit);
        if (taken) {
            acquired();
        }
        return taken;
    }

    @Override
    public void unlock() {
        if (getHoldCount() != 1) {
            super.unlock(); // not the outermost hold, or not held at all (then this throws as usual)
            return;
        }
        try {
            if (timed) {
                recordHold(THREADS.getCurrentThreadCpuTime() - cpuAtAcquisition);
            }
            String problem = audit.get();
            if (problem != null) {
                failedAudits.incrementAndGet();
                firstFailedAudit.compareAndSet(null, problem);
            }
        } finally {
            super.unlock();
        }
    }

    private void aboutToAcquire() {
        if (!isHeldByCurrentThread()) {
            beforeAcquiring.run();
        }
    }

    private void acquired() {
        if (getHoldCount() == 1) {
            acquisitions++;
            if (timed) {
                cpuAtAcquisition = THREADS.getCurrentThreadCpuTime();
            }
        }
    }

    private void recordHold(long cpuNanos) {
        if (timedHolds == holdCpuNanos.length) {
            holdCpuNanos = Arrays.copyOf(holdCpuNanos, Math.max(1_024, 2 * timedHolds));
        }
        holdCpuNanos[timedHolds++] = cpuNanos;
    }
}
