package workbook.runner;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import workbook.harness.NoThreadLeaks;

/**
 * Threads that a lesson's tests left running: any thread started since a snapshot and still alive a second later
 * ({@link NoThreadLeaks#GRACE}), daemon or not (a deadlocked worker that the harness gave up on stays behind as a
 * daemon thread), except the JVM's own and the test tools' ({@link NoThreadLeaks#belongsToTheJvmOrTheTools}), which
 * outlive every test by design.
 */
final class LeftBehind {

    private LeftBehind() {
    }

    static List<Thread> since(Set<Thread> before) {
        try {
            await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                    .atMost(NoThreadLeaks.GRACE).until(() -> started(before).isEmpty());
        } catch (ConditionTimeoutException stillThere) {
            // returned below
        }
        return started(before);
    }

    private static List<Thread> started(Set<Thread> before) {
        List<Thread> started = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !before.contains(t) && t != Thread.currentThread()
                    && !NoThreadLeaks.belongsToTheJvmOrTheTools(t)) {
                started.add(t);
            }
        }
        return started;
    }
}
