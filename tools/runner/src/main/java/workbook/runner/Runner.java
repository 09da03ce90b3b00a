package workbook.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.PostDiscoveryFilter;
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
 * The line ({@link Protocol}) names the pairs to run, and may name the test methods to run of each; with
 * {@value Protocol#FAIL_FAST} a lesson's tests stop at its first failing test, as with surefire's
 * {@code skipAfterFailureCount=1}: the tests after it are reported skipped, with the reason
 * {@value Protocol#NOT_RUN}.
 *
 * <p>Several pairs are several lessons, one after the other, as surefire runs the test classes of one module: each
 * lesson has a package of its own, so their classes cannot clash, and the model checker's start is paid once for all
 * of them. A lesson that leaves a thread running ({@link LeftBehind}) could slow or disturb the next one, so the JVM
 * then ends (exit {@value Protocol#LEFT_THREADS_BEHIND}) and the lessons not yet run go to a new one. A finished
 * lesson's reports folder gets the file {@value Protocol#FINISHED}.
 */
public final class Runner {

    /** Surefire's default includes; its default excludes nested classes (a '$' in the name). */
    static final Pattern TEST_CLASS =
            Pattern.compile("(.*/)?(Test[^/$]*|[^/$]*Test|[^/$]*Tests|[^/$]*TestCase)\\.class");

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("Runner REPORTS_DIR TEST_CLASSES_DIR [REPORTS_DIR TEST_CLASSES_DIR …]");
            System.exit(2);
        }
        if (!Boolean.getBoolean(Protocol.NO_WARM_UP)) {
            WarmUp.run();
        }
        String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (go == null) {
            System.exit(0);
        }
        Protocol.Go line = Protocol.read(go, args.length / 2);
        List<Protocol.Pair> pairs = line.pairs();
        for (int i = 0; i < pairs.size(); i++) {
            Protocol.Pair pair = pairs.get(i);
            Path reports = Path.of(args[2 * pair.index()]);
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            runTests(reports, Path.of(args[2 * pair.index() + 1]), pair.tests(), line.failFast());
            Files.writeString(reports.resolve(Protocol.FINISHED), "");
            if (i + 1 < pairs.size()) {
                List<Thread> left = LeftBehind.since(before);
                if (!left.isEmpty()) {
                    System.out.println(reports + ": its tests left " + left.size() + " thread(s) running ("
                            + left.get(0).getName() + ", " + left.get(0).getState() + "); the lessons after it run"
                            + " in a JVM of their own");
                    System.exit(Protocol.LEFT_THREADS_BEHIND);
                }
            }
        }
        // Like surefire's fork: whatever a test left running does not keep this JVM alive.
        System.exit(0);
    }

    /**
     * Runs the test classes in {@code testClasses} (only the methods named {@code tests}, unless that is empty) and
     * writes their reports; with {@code failFast}, the first failing test cancels the rest (JUnit's cancellation
     * token, as its console launcher's --fail-fast does).
     */
    static void runTests(Path reports, Path testClasses, Set<String> tests, boolean failFast) throws Exception {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : testClassNames(testClasses)) {
            request.selectors(DiscoverySelectors.selectClass(Class.forName(name)));
        }
        if (!tests.isEmpty()) {
            request.filters(onlyMethods(tests));
        }
        CancellationToken token = failFast ? CancellationToken.create() : CancellationToken.disabled();
        Results results = new Results(token);
        LauncherFactory.create().execute(LauncherExecutionRequestBuilder.request(request.build())
                .cancellationToken(token).listeners(results).build());
        results.write(reports);
    }

    /** Keeps the test methods named {@code tests} (every invocation of a parameterized one); classes stay. */
    static PostDiscoveryFilter onlyMethods(Set<String> tests) {
        return descriptor -> descriptor.getSource()
                .filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
                .map(method -> FilterResult.includedIf(tests.contains(method), () -> "named", () -> "not named"))
                .orElse(FilterResult.included("not a method"));
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
