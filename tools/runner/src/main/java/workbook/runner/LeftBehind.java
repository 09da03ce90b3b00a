package workbook.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Threads that a lesson's tests left running: any thread started since a snapshot and still alive a second later,
 * daemon or not (a deadlocked worker that the harness gave up on stays behind as a daemon thread), except the JVM's
 * own and the test tools' pools, which outlive every test by design.
 */
final class LeftBehind {

    /** How long a thread told to stop may take to end. */
    static final long GRACE_MILLIS = 1_000;

    private static final List<String> TOOL_THREAD_NAMES = List.of("junit-", "ForkJoinPool.commonPool-",
            "Attach Listener", "Common-Cleaner", "process reaper");
    private static final List<String> TOOL_THREAD_CLASSES = List.of("sun.nio.ch.lincheck.", "org.jetbrains.");

    private LeftBehind() {
    }

    static List<Thread> since(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + GRACE_MILLIS * 1_000_000;
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
            ThreadGroup group = t.getThreadGroup();
            boolean jvm = group != null && group.getName().equals("system");
            boolean tool = TOOL_THREAD_NAMES.stream().anyMatch(t.getName()::startsWith)
                    || TOOL_THREAD_CLASSES.stream().anyMatch(t.getClass().getName()::startsWith);
            if (t.isAlive() && !before.contains(t) && t != Thread.currentThread() && !jvm && !tool) {
                started.add(t);
            }
        }
        return started;
    }
}
