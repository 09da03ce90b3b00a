package workbook.runner;

import java.util.List;
import java.util.Set;
import workbook.harness.leaks.NoThreadLeaks;

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
        return NoThreadLeaks.stillAliveAfterGrace(before, t -> !NoThreadLeaks.belongsToTheJvmOrTheTools(t));
    }
}
