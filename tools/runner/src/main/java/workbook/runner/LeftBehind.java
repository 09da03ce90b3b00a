package workbook.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    static List<Thread> since(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + NoThreadLeaks.GRACE.toNanos(); // as long as a test's threads may take
        List<Thread> left = started(before);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            left = started(before);
        }
        return left;
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
