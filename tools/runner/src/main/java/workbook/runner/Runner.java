package workbook.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one lesson's tests as surefire's forked JVM does, without Maven: started by {@code java tools/Workbook.java}
 * in a new JVM with the same flags and class path as surefire's fork (the libraries, the harness, the lesson's classes
 * and its test classes), it runs the test classes that surefire would pick and writes surefire-style reports that the
 * workbook's tool reads.
 *
 * <pre>
 *   Runner REPORTS_DIR TEST_CLASSES_DIR
 * </pre>
 *
 * <p>It first does what every test JVM pays once ({@link WarmUp}), then waits for a line on standard input, and only
 * then looks for the test classes: {@code watch} starts it ahead of the next save, and the
 * classes compiled from that save are the ones that run. End of input without a line: nothing to run, it exits.
 */
public final class Runner {

    /** Surefire's default includes; its default excludes nested classes (a '$' in the name). */
    static final Pattern TEST_CLASS = Pattern.compile("(.*/)?(Test[^/$]*|[^/$]*Test|[^/$]*Tests|[^/$]*TestCase)\\.class");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Runner REPORTS_DIR TEST_CLASSES_DIR");
            System.exit(2);
        }
        WarmUp.run();
        if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
            System.exit(0);
        }
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : testClassNames(Path.of(args[1]))) {
            request.selectors(DiscoverySelectors.selectClass(Class.forName(name)));
        }
        Results results = new Results();
        LauncherFactory.create().execute(request.build(), results);
        results.write(Path.of(args[0]));
        // Like surefire's fork: whatever a test left running does not keep this JVM alive.
        System.exit(0);
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
