package workbook.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Collects each test's result as surefire's JUnit Platform provider reports it, and writes one
 * {@code TEST-<class>.xml} per test class in surefire's format (testcase name = method name; failure for an
 * assertion, error for any other exception, skipped for a disabled or aborted test; a class that fails before its
 * tests run is an error under the class's own name).
 *
 * <p>Given a cancellation token that can be cancelled (fail fast), it cancels the run at the first test that fails or
 * errs; the tests that then do not run are reported skipped with the reason {@value Protocol#NOT_RUN}.
 */
final class Results implements TestExecutionListener {

    private final CancellationToken failFast;

    Results(CancellationToken failFast) {
        this.failFast = failFast;
    }

    record Case(String name, String kind, String type, String message, String trace, double seconds) {
    }

    private final Map<String, List<Case>> byClass = new LinkedHashMap<>();
    private final Map<String, Long> started = new LinkedHashMap<>();

    @Override
    public void executionStarted(TestIdentifier test) {
        started.put(test.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        className(test).ifPresent(c -> {
            if (test.isTest()) {
                String why = failFast.isCancellationRequested() ? Protocol.NOT_RUN : reason;
                add(c, new Case(name(test, c), "skipped", "", why, "", 0));
            }
        });
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<String> className = className(test);
        if (className.isEmpty() || (!test.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL)) {
            return;
        }
        String c = className.get();
        double seconds = (System.nanoTime() - started.getOrDefault(test.getUniqueId(), System.nanoTime())) / 1e9;
        Throwable thrown = result.getThrowable().orElse(null);
        String kind = switch (result.getStatus()) {
            case SUCCESSFUL -> "passed";
            case ABORTED -> "skipped";
            case FAILED -> thrown instanceof AssertionError ? "failure" : "error";
        };
        if (kind.equals("failure") || kind.equals("error")) {
            failFast.cancel(); // no effect unless fail fast
        }
        add(c, new Case(name(test, c), kind, thrown == null ? "" : thrown.getClass().getName(),
                thrown == null ? "" : String.valueOf(thrown.getMessage()), thrown == null ? "" : trace(thrown),
                seconds));
    }

    private void add(String className, Case c) {
        byClass.computeIfAbsent(className, k -> new ArrayList<>()).add(c);
    }

    private static Optional<String> className(TestIdentifier test) {
        return test.getSource().map(s -> s instanceof MethodSource m ? m.getClassName()
                : s instanceof ClassSource k ? k.getClassName() : null);
    }

    private static String name(TestIdentifier test, String className) {
        return test.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
                .orElse(className.substring(className.lastIndexOf('.') + 1));
    }

    private static String trace(Throwable thrown) {
        java.io.StringWriter out = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    void write(Path reports) throws IOException {
        Files.createDirectories(reports);
        for (Map.Entry<String, List<Case>> entry : byClass.entrySet()) {
            List<Case> cases = entry.getValue();
            double total = cases.stream().mapToDouble(Case::seconds).sum();
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                    .append("<testsuite name=\"").append(escape(entry.getKey())).append("\" time=\"")
                    .append(String.format(java.util.Locale.ROOT, "%.3f", total)).append("\" tests=\"")
                    .append(cases.size()).append("\">\n");
            for (Case c : cases) {
                xml.append("  <testcase name=\"").append(escape(c.name())).append("\" classname=\"")
                        .append(escape(entry.getKey())).append("\" time=\"")
                        .append(String.format(java.util.Locale.ROOT, "%.3f", c.seconds())).append("\"");
                if (c.kind().equals("passed")) {
                    xml.append("/>\n");
                    continue;
                }
                xml.append(">\n    <").append(c.kind()).append(" message=\"").append(escape(c.message()))
                        .append("\" type=\"").append(escape(c.type())).append("\">")
                        .append(escape(c.trace())).append("</").append(c.kind()).append(">\n  </testcase>\n");
            }
            xml.append("</testsuite>\n");
            Files.writeString(reports.resolve("TEST-" + entry.getKey() + ".xml"), xml, StandardCharsets.UTF_8);
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }
}
