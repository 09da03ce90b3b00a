package workbook.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs lessons' tests as surefire's forked JVM does, without Maven: started by {@code java tools/Workbook.java}
 * in a new JVM with the same flags and class path as surefire's fork (the libraries, the harness, the lessons' classes
 * and test classes), it runs the test classes that surefire would pick and writes surefire-style reports that the
 * workbook's tool reads.
 *
 * <pre>
 *   Runner REPORTS_DIR TEST_CLASSES_DIR [REPORTS_DIR TEST_CLASSES_DIR …]
 * </pre>
 *
 * <p>It first does what every test JVM pays once ({@link WarmUp}), then waits for a line on standard input, and only
 * then looks for the test classes: {@code watch} starts it ahead of the next save, and the
 * classes compiled from that save are the ones that run. End of input without a line: nothing to run, it exits.
 * The line is {@code go} (run every pair) or {@code go} and the indexes of the pairs to run ({@code go 0 2}); with
 * the word {@value #FAIL_FAST} ({@code go fail-fast 0}) a lesson's tests stop at its first failing test, as with
 * surefire's {@code skipAfterFailureCount=1}: the tests after it are reported skipped, with the reason
 * {@value Results#NOT_RUN}.
 *
 * <p>Several pairs are several lessons, one after the other, as surefire runs the test classes of one module: each
 * lesson has a package of its own, so their classes cannot clash, and the model checker's start is paid once for all
 * of them. A lesson that leaves a thread running ({@link LeftBehind}) could slow or disturb the next one, so the JVM
 * then ends (exit {@value #LEFT_THREADS_BEHIND}) and the lessons not yet run go to a new one. A finished lesson's
 * reports folder gets the file {@value #FINISHED}.
 */
public final class Runner {

    /** Surefire's default includes; its default excludes nested classes (a '$' in the name). */
    static final Pattern TEST_CLASS =
            Pattern.compile("(.*/)?(Test[^/$]*|[^/$]*Test|[^/$]*Tests|[^/$]*TestCase)\\.class");

    public static final String FINISHED = "finished";
    /** A system property: true skips {@link WarmUp} (the runner's own tests, which check no model checker). */
    static final String NO_WARM_UP = "workbook.runner.noWarmUp";
    public static final int LEFT_THREADS_BEHIND = 3;
    static final String FAIL_FAST = "fail-fast";

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("Runner REPORTS_DIR TEST_CLASSES_DIR [REPORTS_DIR TEST_CLASSES_DIR …]");
            System.exit(2);
        }
        if (!Boolean.getBoolean(NO_WARM_UP)) {
            WarmUp.run();
        }
        String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (go == null) {
            System.exit(0);
        }
        List<Integer> pairs = pairsToRun(go, args.length / 2);
        boolean failFast = List.of(go.strip().split("\\s+")).contains(FAIL_FAST);
        for (int i = 0; i < pairs.size(); i++) {
            Path reports = Path.of(args[2 * pairs.get(i)]);
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            runTests(reports, Path.of(args[2 * pairs.get(i) + 1]), failFast);
            Files.writeString(reports.resolve(FINISHED), "");
            if (i + 1 < pairs.size()) {
                List<Thread> left = LeftBehind.since(before);
                if (!left.isEmpty()) {
                    System.out.println(reports + ": its tests left " + left.size() + " thread(s) running ("
                            + left.get(0).getName() + ", " + left.get(0).getState() + "); the lessons after it run"
                            + " in a JVM of their own");
                    System.exit(LEFT_THREADS_BEHIND);
                }
            }
        }
        // Like surefire's fork: whatever a test left running does not keep this JVM alive.
        System.exit(0);
    }

    /** The pair indexes the go line names, or all of them when it names none. */
    static List<Integer> pairsToRun(String go, int pairCount) {
        String[] words = go.strip().split("\\s+");
        List<Integer> pairs = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            if (!words[i].equals(FAIL_FAST)) {
                pairs.add(Integer.parseInt(words[i]));
            }
        }
        if (pairs.isEmpty()) {
            for (int i = 0; i < pairCount; i++) {
                pairs.add(i);
            }
        }
        return pairs;
    }

    /**
     * Runs the test classes in {@code testClasses} and writes their reports; with {@code failFast}, the first
     * failing test cancels the rest (JUnit's cancellation token, as its console launcher's --fail-fast does).
     */
    static void runTests(Path reports, Path testClasses, boolean failFast) throws Exception {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : testClassNames(testClasses)) {
            request.selectors(DiscoverySelectors.selectClass(Class.forName(name)));
        }
        CancellationToken token = failFast ? CancellationToken.create() : CancellationToken.disabled();
        Results results = new Results(token);
        LauncherFactory.create().execute(LauncherExecutionRequestBuilder.request(request.build())
                .cancellationToken(token).listeners(results).build());
        results.write(reports);
    }

    static List<String> testClassNames(Path testClasses) throws IOException {
        if (!Files.isDirectory(testClasses)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(testClasses)) {
            return files.map(p -> testClasses.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(p -> TEST_CLASS.matcher(p).matches()).sorted()
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.')).toList();
        }
    }
}
