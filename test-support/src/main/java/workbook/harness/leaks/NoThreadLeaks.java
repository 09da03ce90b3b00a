package workbook.harness.leaks;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import workbook.harness.Format;
import workbook.harness.stress.Stress;
import workbook.harness.stress.WorkersStuck;

/**
 * Fails a test that leaves threads running after it ends: a worker that was never joined, an executor never shut
 * down. Such a thread keeps running into the next test and makes its results (and its speed) a matter of luck.
 *
 * <p>Every lesson gets this check without asking: test-support's {@code junit-platform.properties} turns on JUnit's
 * extension autodetection for {@code workbook.harness.*}, and {@code META-INF/services} names this class.
 *
 * <p>Only threads the test started count. Threads of the JVM, of JUnit and Surefire, of the fork-join common pool and
 * of Lincheck are not the test's. Nor are workers that {@link Stress} could not stop: {@link WorkersStuck} has
 * already named them, and one failure should not be reported twice.
 */
public final class NoThreadLeaks implements BeforeEachCallback, AfterEachCallback {

    /** How long threads started by a test may take to end after it: ample for a thread told to stop. */
    public static final Duration GRACE = Duration.ofSeconds(1);

    private static final int THREADS_SHOWN = 5;
    private static final int FRAMES_SHOWN = 8;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoThreadLeaks.class);

    /** Names of threads that belong to the test tools or the JVM, not to the test. */
    private static final List<String> TOOL_THREAD_NAMES = List.of("junit-", "surefire-", "ForkJoinPool.commonPool-",
            "Attach Listener", "Common-Cleaner", "process reaper");

    /** Lincheck runs a scenario on threads of these classes and manages them itself. */
    private static final List<String> TOOL_THREAD_CLASSES = List.of("sun.nio.ch.lincheck.", "org.jetbrains.");

    private static final Set<Thread> reported = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    /** Threads that another failure has already named; a later leak check leaves them out. */
    public static void alreadyReported(Collection<Thread> threads) {
        reported.addAll(threads);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Snapshot.class, new Snapshot(Set.copyOf(Thread.getAllStackTraces().keySet())));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Snapshot before = context.getStore(NAMESPACE).get(Snapshot.class, Snapshot.class);
        if (before == null) {
            return;
        }
        List<Thread> leaked = stillAliveAfterGrace(before.threads(), NoThreadLeaks::isTheTests);
        if (!leaked.isEmpty()) {
            throw new ThreadsLeaked(describe(leaked));
        }
    }

    /**
     * The threads that {@code counted} picks among those started since {@code before} (other than the caller) and
     * still alive after waiting up to {@link #GRACE} for them to end. The workbook's test runner uses it too.
     */
    public static List<Thread> stillAliveAfterGrace(Set<Thread> before, Predicate<Thread> counted) {
        try {
            await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).atMost(GRACE)
                    .until(() -> startedSince(before, counted).isEmpty());
        } catch (ConditionTimeoutException stillThere) {
            // the last one may have ended just now: asked again below
        }
        return startedSince(before, counted);
    }

    private static List<Thread> startedSince(Set<Thread> before, Predicate<Thread> counted) {
        List<Thread> started = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && !before.contains(t) && t != Thread.currentThread() && counted.test(t)) {
                started.add(t);
            }
        }
        return started;
    }

    private static boolean isTheTests(Thread t) {
        return !belongsToTheJvmOrTheTools(t) && !reported.contains(t);
    }

    /**
     * True for a thread of the JVM itself (its "system" group), of JUnit, Surefire, the fork-join common pool or
     * Lincheck: threads that outlive every test by design. The workbook's test runner uses the same rule.
     */
    public static boolean belongsToTheJvmOrTheTools(Thread t) {
        ThreadGroup group = t.getThreadGroup();
        boolean jvmSystem = group != null && group.getName().equals("system");
        return jvmSystem || TOOL_THREAD_NAMES.stream().anyMatch(t.getName()::startsWith)
                || TOOL_THREAD_CLASSES.stream().anyMatch(t.getClass().getName()::startsWith);
    }

    private static String describe(List<Thread> leaked) {
        StringBuilder text = new StringBuilder();
        text.append(Format.count(leaked.size())).append(leaked.size() == 1 ? " thread" : " threads")
                .append(" started by this test ").append(leaked.size() == 1 ? "is" : "are").append(" still running ")
                .append(GRACE.toSeconds()).append(" s after it ended:\n");
        for (Thread t : leaked.subList(0, Math.min(THREADS_SHOWN, leaked.size()))) {
            text.append("  ").append(t.getName()).append(" (").append(t.getState())
                    .append(t.isDaemon() ? ", daemon" : "").append(")\n");
            Format.frames(t.getStackTrace()).stream().limit(FRAMES_SHOWN)
                    .forEach(frame -> text.append("      at ").append(frame).append('\n'));
        }
        if (leaked.size() > THREADS_SHOWN) {
            text.append("  … and ").append(Format.count(leaked.size() - THREADS_SHOWN)).append(" more: ")
                    .append(leaked.stream().skip(THREADS_SHOWN).limit(10).map(Thread::getName)
                            .collect(Collectors.joining(", ")))
                    .append(leaked.size() > THREADS_SHOWN + 10 ? ", …" : "").append('\n');
        }
        text.append("A test must stop every thread it starts (join it, or shut its executor down); otherwise the"
                + " thread runs on into the next test.");
        return text.toString();
    }

    /** The live threads before the test. */
    private record Snapshot(Set<Thread> threads) {
    }
}
