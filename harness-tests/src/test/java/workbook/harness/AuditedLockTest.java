package workbook.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The audited lock audits each outermost release, and times the holds it is asked to time. */
@DisplayName("AuditedLock audits every release and times holds")
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
}
