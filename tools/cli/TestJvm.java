import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One test JVM of the fast path, as surefire's fork: surefire's flags and class path, tools/runner's Runner as main.
 * It starts warm (JUnit loaded, the model checker started) and then waits for the go, so it can
 * be started before the classes it will test are compiled: {@code watch} starts the next one right after a verdict.
 * The lesson's classes are loaded only after the go, from the class files there are then.
 */
final class TestJvm {

    private final Variant variant;
    private final String cpus;
    private final Process process;

    private TestJvm(Variant variant, String cpus, Process process) {
        this.variant = variant;
        this.cpus = cpus;
        this.process = process;
    }

    /** Starts a test JVM for {@code v} (pinned to {@code cpus} with taskset unless null); it warms up and waits. */
    static TestJvm start(Variant v, Runner runner, String cpus) throws IOException {
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(runner.flags());
        List<String> path = new ArrayList<>(List.of(Runner.RUNNER_MODULE.resolve("target/classes").toString(),
                v.out().resolve("test-classes").toString()));
        path.addAll(FastPath.classPath(v, runner));
        // The JVM takes a class path entry that is not a folder when it starts for a jar, and finds nothing in it
        // later; the variant's folders exist from now on, though its compile may empty and fill them again.
        Files.createDirectories(v.out().resolve("classes"));
        Files.createDirectories(v.out().resolve("test-classes"));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, path), "workbook.runner.Runner",
                v.reports().toString(), v.out().resolve("test-classes").toString()));
        Files.createDirectories(Workspace.LOGS);
        Path log = Workspace.LOGS.resolve("fast-" + v.name() + "-" + v.lesson() + ".log");
        Process p = new ProcessBuilder(command).directory(Workspace.ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        WorkbookCli.RUNNING.add(p);
        return new TestJvm(v, cpus, p);
    }

    /** True when this JVM was started for {@code v} on {@code cpus} and still waits for its go. */
    boolean isFor(Variant v, String cpus) {
        return variant.equals(v) && java.util.Objects.equals(this.cpus, cpus) && process.isAlive();
    }

    /** Runs the tests of the classes compiled by now, waits for the JVM to end, and reads its reports. */
    Outcome go() throws Exception {
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException ended) {
                // The JVM ended before the go (it could not start, or warming up failed): its reports say nothing,
                // and the outcome read below says that no tests ran.
            }
            process.waitFor();
        } finally {
            WorkbookCli.RUNNING.remove(process);
        }
        return Outcome.read(variant.lesson(), variant.reports());
    }

    /** Ends a JVM that will not be needed (its lesson changed, or watch ends). */
    void discard() {
        process.destroyForcibly();
        WorkbookCli.RUNNING.remove(process);
    }
}
