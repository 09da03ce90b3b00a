package workbook.harness.instrumented;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The audited lock audits each outermost release, times the holds it is asked to time, and announces each outermost
 * acquisition before it is tried.
 */
@DisplayName("AuditedLock audits every release, times holds and announces acquisitions")
class AuditedLockTest {

    final AuditedLock lock = new AuditedLock();

    @Test
    @DisplayName("a failed audit is kept, counted, and does not keep the lock")
    void failedAuditIsKept() {
        lock.onRelease(() -> lock.acquisitions() == 2 ? "the second hold" : null);
        for (int i = 0; i < 3; i++) {
            lock.lock();
            lock.lock(); // re-entrant: audited only at the outermost release
            lock.unlock();
            lock.unlock();
        }
        assertThat(lock.acquisitions()).isEqualTo(3);
        assertThat(lock.failedAudits()).isEqualTo(1);
        assertThat(lock.firstFailedAudit()).hasValue("the second hold");
        assertThat(lock.isLocked()).isFalse();
    }

    @Test
    @DisplayName("once asked, every outermost hold is timed, and the quantiles are in order")
    void holdsAreTimed() {
        lock.lock();
        lock.unlock(); // before timeHolds(): not timed
        lock.timeHolds();
        for (int i = 0; i < 10; i++) {
            lock.lock();
            lock.lock();
            lock.unlock();
            lock.unlock();
        }
        assertThat(lock.timedHolds()).isEqualTo(10);
        assertThat(lock.holdCpuNanos(0.5)).isNotNegative().isLessThanOrEqualTo(lock.holdCpuNanos(0.9));
    }

    @Test
    @DisplayName("every outermost acquisition is announced before it is tried, while the lock is not held yet")
    void outermostAcquisitionsAreAnnounced() throws InterruptedException {
        AtomicInteger announced = new AtomicInteger();
        AtomicInteger whileHeld = new AtomicInteger();
        lock.beforeAcquiring(() -> {
            announced.incrementAndGet();
            if (lock.isHeldByCurrentThread()) {
                whileHeld.incrementAndGet();
            }
        });
        lock.lock();
        lock.lock(); // re-entrant: not announced
        assertThat(lock.tryLock()).isTrue(); // re-entrant: not announced
        lock.unlock();
        lock.unlock();
        lock.unlock();
        assertThat(lock.tryLock()).isTrue();
        lock.unlock();
        assertThat(lock.tryLock(1, TimeUnit.SECONDS)).isTrue();
        lock.unlock();
        lock.lockInterruptibly();
        lock.unlock();
        assertThat(announced).hasValue(4);
        assertThat(whileHeld).hasValue(0);
    }
}
