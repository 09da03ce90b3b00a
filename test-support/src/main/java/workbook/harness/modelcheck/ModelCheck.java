package workbook.harness.modelcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Assumptions;
import workbook.harness.picture.Pictures;

/**
 * Runs a tiny scenario (two or three threads, a few calls) under Lincheck's model checker, which controls the
 * scheduler and tries interleavings systematically instead of hoping the operating system produces a bad one. It
 * therefore finds a race on one CPU as surely as on many, and the same one on every run.
 *
 * <p>When the scenario's final check fails, the failure message starts with the check's own words and then shows
 * the interleaving as a short timeline (see {@link Timeline}); Lincheck's full trace goes to a file.
 *
 * <pre>{@code
 * ModelCheck.explore("two puts of different keys", () -> {
 *     var store = new SharedStore();
 *     ModelCheck.concurrently(() -> store.put(1, 1), () -> store.put(2, 2));
 *     check(store.size() == 2, "a put was lost");
 * });
 * }</pre>
 */
public final class ModelCheck {

    /** Enough to find every race in this workbook in its first few tries, and cheap for a correct solution. */
    public static final int DEFAULT_INVOCATIONS = 300;

    /** Code that may throw anything; the scenario body and each thread's actions. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private ModelCheck() {
    }

    /** Explores {@link #DEFAULT_INVOCATIONS} interleavings of {@code scenario}. */
    public static void explore(String scenarioName, Action scenario) {
        explore(scenarioName, DEFAULT_INVOCATIONS, scenario);
    }

    /**
     * Explores up to {@code invocations} interleavings of the threads that {@code scenario} starts (normally through
     * {@link #concurrently}). Fails with a timeline when any interleaving makes the scenario throw.
     */
    public static void explore(String scenarioName, int invocations, Action scenario) {
        explore(scenarioName, invocations, false, true, scenario);
    }

    /**
     * As {@link #explore(String, Action)}, but the timeline ({@link StepTimeline}) also lists the steps inside each
     * thread's call: the calls that method makes itself, such as a {@code containsKey} and a {@code remove}. For races
     * that sit between two steps of one method (check-then-act), where the context switch falls inside one of them.
     */
    public static void exploreSteps(String scenarioName, Action scenario) {
        exploreSteps(scenarioName, DEFAULT_INVOCATIONS, scenario);
    }

    /** As {@link #exploreSteps(String, Action)}, exploring up to {@code invocations} interleavings. */
    public static void exploreSteps(String scenarioName, int invocations, Action scenario) {
        explore(scenarioName, invocations, true, true, scenario);
    }

    /** How many explorations may end in Lincheck crashing while it writes up a failure it found. */
    static final int ATTEMPTS = 3;

    /** With {@code drawn}, a failure also gets a picture (see {@link InterleavingPicture}), drawn as the JVM ends. */
    private static void explore(String scenarioName, int invocations, boolean steps, boolean drawn,
            Action scenario) {
        for (int attempt = 1; ; attempt++) {
            try {
                Lincheck.runConcurrentTest(invocations, new Run(scenario));
                return;
            } catch (Throwable failure) {
                if (failure.getClass().getSimpleName().equals("LincheckAssertionError")) {
                    String trace = String.valueOf(failure.getMessage());
                    Path saved = save(scenarioName, trace);
                    Timeline.Lines timeline = Timeline.of(trace, steps);
                    Path picture = drawn ? picture(scenarioName, trace, timeline, !steps, saved) : null;
                    throw new AssertionError(Timeline.explain(scenarioName, trace, timeline, saved, picture));
                }
                if (!crashedWritingUpAFailure(failure)) {
                    throw failure;
                }
                if (attempt == ATTEMPTS) {
                    throw new AssertionError("Model checking \"" + scenarioName + "\" found an interleaving that"
                            + " breaks it " + ATTEMPTS + " times, but each time the model checker (Lincheck "
                            + "3.7) crashed while it wrote the interleaving up, so there is no timeline to show. Its"
                            + " crash is below.", failure);
                }
                // Lincheck found a failure and crashed replaying it for its report (a known Lincheck bug,
                // https://github.com/JetBrains/lincheck/issues/1012): explore again for a failure it can write up.
            }
        }
    }

    /**
     * True when Lincheck threw while writing up a failure it had found: it replays the failing interleaving to
     * collect its trace ({@code tryCollectTrace}) and formats it (its reporters). Such a crash is not the code
     * under test's: the test threw nothing of its own, and a failure was found.
     */
    static boolean crashedWritingUpAFailure(Throwable thrown) {
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("org.jetbrains.kotlinx.lincheck.") && (frame.getMethodName().equals("tryCollectTrace")
                    || type.endsWith(".ReporterKt") || type.endsWith(".TraceReporterKt")
                    || type.equals("org.jetbrains.kotlinx.lincheck.trace.UtilsKt"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What Lincheck runs: the scenario, and one of each lock of {@code java.util.concurrent.locks} and its kin.
     * Lincheck 3.7 instruments JDK classes lazily. Before the first interleaving it instruments the classes of every
     * object reachable from the block it is given; an object first met through a static field gets only its own class
     * hierarchy instrumented, not the classes of the objects it delegates to. A {@code static ReentrantLock} (a correct
     * fix) thus ran with an instrumented {@code ReentrantLock} over an uninstrumented {@code
     * AbstractQueuedSynchronizer}: the first thread that had to wait for it parked where the model checker could not
     * see it, while the checker waited for that thread, and the test hung until JUnit's timeout. The {@code
     * synchronizers} below are never used; being reachable from the block, they get every lock class instrumented
     * before any interleaving runs, whether the code under test keeps its lock in a field, a local variable or a static
     * field.
     */
    private static final class Run implements Runnable {

        private final Action scenario;

        @SuppressWarnings("unused")
        private final Object[] synchronizers = {new ReentrantLock(), new ReentrantLock(true),
                new ReentrantReadWriteLock(), new ReentrantReadWriteLock(true), new Semaphore(1),
                new Semaphore(1, true), new StampedLock(), new CountDownLatch(1)};

        Run(Action scenario) {
            this.scenario = scenario;
        }

        @Override
        public void run() {
            try {
                scenario.run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * For scenarios that run on a {@code java.util.HashMap} (lessons 01, 02, 05 and 06). Lincheck 3.7 sees inside it
     * on JDK 17, and on JDK 25 too since {@link #concurrently} starts {@link Worker}s; before that, on JDK 25 it missed
     * even two threads' lost put. This probe runs that known race once per JVM, as a guard for other JDKs: where the
     * model checker cannot see it, the calling test is <em>skipped</em> with that explanation rather than passed, and
     * the lesson's other test is the evidence.
     */
    public static void assumeItSeesInsideJdkCollections() {
        Assumptions.assumeTrue(seesInsideHashMap(), "skipped: on Java " + Runtime.version().feature()
                + " the model checker (Lincheck 3.7) cannot see inside java.util.HashMap, so this test could not fail;"
                + " the lesson's 1,000-thread test is the evidence here. Java 17 runs it.");
    }

    /**
     * Starts the model checker ahead of any test, as {@code watch}'s next test JVM does while the student edits: the
     * probe above, which the first test that needs it would run anyway (its answer is kept for the JVM's lifetime).
     */
    public static void warmUp() {
        seesInsideHashMap();
    }

    private static Boolean seesInsideHashMap;

    /**
     * Runs the probe once per JVM, when a test first asks (not in a static initialiser: Lincheck's threads call back).
     */
    private static synchronized boolean seesInsideHashMap() {
        if (seesInsideHashMap == null) {
            seesInsideHashMap = findsLostPut();
        }
        return seesInsideHashMap;
    }

    private static boolean findsLostPut() {
        try {
            explore("probe: two threads put into a java.util.HashMap", DEFAULT_INVOCATIONS, false, false, () -> {
                Map<Integer, Integer> map = new HashMap<>();
                concurrently(() -> map.put(1, 1), () -> map.put(2, 2));
                check(map.size() == 2 && Integer.valueOf(1).equals(map.get(1))
                        && Integer.valueOf(2).equals(map.get(2)), "lost put");
            });
            return false;
        } catch (AssertionError found) {
            return true;
        }
    }

    /**
     * Inside a scenario: runs each action on its own new thread, waits for all of them, and rethrows the first
     * exception an action threw (Lincheck itself would only log it and carry on). The actions run as the threads'
     * own {@code run()}, so the timeline shows their calls directly. Each thread is a {@link Worker}, so that Lincheck
     * sees what the actions share on every JDK.
     */
    public static void concurrently(Runnable... actions) throws InterruptedException {
        Throwable[] thrown = new Throwable[actions.length];
        Thread[] threads = new Thread[actions.length];
        for (int i = 0; i < actions.length; i++) {
            int slot = i;
            threads[i] = new Worker(actions[i]);
            threads[i].setUncaughtExceptionHandler((thread, error) -> thrown[slot] = error);
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int i = 0; i < thrown.length; i++) {
            if (thrown[i] != null) {
                throw new AssertionError("Thread " + (i + 1) + " threw " + thrown[i], thrown[i]);
            }
        }
    }

    /**
     * A plain thread that also keeps its action in a field of its own. When a thread starts, Lincheck 3.7 marks as
     * shared the objects it reaches from the {@code Thread}, walking on only through objects it tracks as still local
     * (and lambdas); everything else stays "local to one thread", and it never switches threads at their reads and
     * writes. JDK 17 keeps the action in {@code Thread.target}; JDK 19+ keeps it in {@code Thread.holder.task}, and the
     * walk stops at that {@code FieldHolder}: on JDK 25 a map the actions share stayed "local" and no race in it could
     * be found. This field is a path the walk follows on every JDK.
     */
    private static final class Worker extends Thread {

        @SuppressWarnings("unused")
        private final Runnable action;

        Worker(Runnable action) {
            super(action);
            this.action = action;
        }
    }

    /** Inside a scenario: the final check. Fails the interleaving with {@code message} when {@code ok} is false. */
    public static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }

    /**
     * The picture of the running test's failure, drawn when the JVM ends; null outside a lesson's test. The scenarios
     * of {@link #explore} (lessons 01, 02, 05) share one map and at most one lock, so the picture may mark the fields
     * the threads read and wrote; those of {@link #exploreSteps} may not (see {@link InterleavingPicture}).
     */
    private static Path picture(String scenarioName, String trace, Timeline.Lines timeline, boolean oneMap,
            Path saved) {
        return Pictures.currentTest().map(test -> {
            Path picture = test.picture("");
            Pictures.drawLater(picture,
                    () -> InterleavingPicture.of(scenarioName, trace, timeline, oneMap, test, saved));
            return picture;
        }).orElse(null);
    }

    private static Path save(String scenarioName, String trace) {
        Path file = Path.of("target", "interleavings", scenarioName.replaceAll("[^A-Za-z0-9._-]+", "-") + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, trace, StandardCharsets.UTF_8);
            return file.toAbsolutePath();
        } catch (IOException e) {
            return null;
        }
    }
}
