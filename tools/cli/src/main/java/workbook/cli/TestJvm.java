package workbook.cli;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import workbook.runner.Protocol;

/**
 * One test JVM of the fast path, as surefire's fork: surefire's flags and class path, tools/runner's Runner as main.
 * It starts warm (JUnit loaded, the model checker started) and then waits for the go, so it can be started before
 * the classes it will test are compiled: {@code watch} starts the next one right after a verdict. The lessons'
 * classes are loaded only after the go, from the class files there are then.
 *
 * <p>One JVM can run several lessons, one after the other (each lesson's classes are in a package of its own), so
 * that the model checker starts once for all of them; never two variants of one lesson, whose classes have the same
 * names. When a lesson leaves a thread running, the lessons after it run in a new JVM ({@link #go}).
 */
final class TestJvm {

    private final List<Variant> variants;
    private final String cpus;
    private final Process process;

    private TestJvm(List<Variant> variants, String cpus, Process process) {
        this.variants = variants;
        this.cpus = cpus;
        this.process = process;
    }

    static TestJvm start(Variant v, PreparedRunner runner, String cpus) throws IOException {
        return start(List.of(v), runner, cpus);
    }

    /**
     * Starts a test JVM for {@code group}, variants of different lessons (pinned to {@code cpus} with taskset unless
     * null); it warms up and waits.
     */
    static TestJvm start(List<Variant> group, PreparedRunner runner, String cpus) throws IOException {
        if (group.stream().map(Variant::lesson).distinct().count() != group.size()) {
            throw new IllegalArgumentException("two variants of one lesson cannot share a JVM: " + group);
        }
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(runner.flags());
        if (group.stream().anyMatch(v -> Workspace.usesACluster(v.lesson()))) {
            command.add("-Dworkbook.runner.warmUpCluster=true"); // tools/runner ClusterWarmUp
        }
        if (group.stream().noneMatch(v -> Workspace.usesTheModelChecker(v.lesson()))) {
            command.add("-Dworkbook.runner.noModelChecker=true"); // tools/runner WarmUp
        }
        List<String> path = new ArrayList<>(List.of(PreparedRunner.RUNNER_MODULE.resolve("target/classes").toString()));
        List<String> pairs = new ArrayList<>();
        for (Variant v : group) {
            path.add(v.out().resolve("test-classes").toString());
            path.add(v.out().resolve("classes").toString());
            // The JVM takes a class path entry that is not a folder when it first looks for a class for a jar, and
            // finds nothing in it later; the variant's folders exist from now on (its compile empties them).
            Files.createDirectories(v.out().resolve("classes"));
            Files.createDirectories(v.out().resolve("test-classes"));
            pairs.addAll(List.of(v.reports().toString(), v.out().resolve("test-classes").toString()));
        }
        path.add(runner.harness().toString());
        path.addAll(runner.libraries());
        command.addAll(List.of("-cp", String.join(File.pathSeparator, path), Protocol.MAIN_CLASS));
        command.addAll(pairs);
        Files.createDirectories(Workspace.LOGS);
        Variant first = group.get(0);
        Path log = Workspace.LOGS.resolve("fast-" + first.folder() + "-" + first.lesson()
                + (group.size() > 1 ? "-and-" + (group.size() - 1) + "-more" : "") + ".log");
        Process p = new ProcessBuilder(command).directory(Workspace.ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        WorkbookCli.RUNNING.add(p);
        return new TestJvm(List.copyOf(group), cpus, p);
    }

    /** True when this JVM was started for exactly {@code group} on {@code cpus} and still waits for its go. */
    boolean isFor(List<Variant> group, String cpus) {
        return variants.equals(group) && java.util.Objects.equals(this.cpus, cpus) && process.isAlive();
    }

    boolean isFor(Variant v, String cpus) {
        return isFor(List.of(v), cpus);
    }

    /**
     * Runs the tests of {@code toRun} (some or all of this JVM's variants) from the classes compiled by now (with
     * {@code failFast}, each lesson's only up to its first failing test: tools/runner's {@code Runner}), waits
     * until the runner has finished them (or the JVM has ended), and reads their reports. Variants that it did not get
     * to (a lesson before them left a thread running) run in a new JVM of their own, started here.
     *
     * <p>The verdict does not wait for the JVM to end: as it ends it draws the pictures of the races its tests saw
     * (the harness's Pictures), after the verdict. It is left to end on its own, within {@link #ENDS_WITHIN}
     * ({@link #letEnd}).
     */
    Map<Variant, Outcome> go(List<Variant> toRun, PreparedRunner runner, boolean failFast) throws Exception {
        boolean verdictRead = false;
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(Protocol.goLine(failFast, toRun.stream()
                        .map(v -> new Protocol.Pair(variants.indexOf(v), v.tests())).toList())
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException ended) {
                // The JVM ended before the go (it could not start, or warming up failed): its reports say nothing,
                // and the outcomes read below say that no tests ran.
            }
            while (!process.waitFor(10, TimeUnit.MILLISECONDS)
                    && !toRun.stream().allMatch(v -> Files.exists(v.reports().resolve(FINISHED)))) {
                // the runner writes FINISHED after a lesson's reports
            }
            verdictRead = true;
        } finally {
            if (verdictRead && process.isAlive()) {
                letEnd(process);
            } else {
                process.destroyForcibly(); // ended already, unless this wait was interrupted: then it must not run on
                WorkbookCli.RUNNING.remove(process);
            }
        }
        Map<Variant, Outcome> outcomes = new LinkedHashMap<>();
        List<Variant> notRun = new ArrayList<>();
        for (Variant v : toRun) {
            // The first variant counts as run whatever happened, so that a JVM that cannot run it does not start again.
            if (Files.exists(v.reports().resolve(FINISHED)) || outcomes.isEmpty() && notRun.isEmpty()) {
                outcomes.put(v, Outcome.read(v.lesson(), v.reports()));
            } else {
                notRun.add(v);
            }
        }
        if (!notRun.isEmpty()) {
            outcomes.putAll(start(notRun, runner, cpus).go(notRun, runner, failFast));
        }
        return outcomes;
    }

    /** The file the runner leaves in a lesson's reports folder once that lesson's tests are done. */
    static final String FINISHED = Protocol.FINISHED;

    /** How long a test JVM that has finished its tests may take to end (drawing its pictures) before it is ended. */
    static final java.time.Duration ENDS_WITHIN = java.time.Duration.ofSeconds(30);

    private static final Set<Process> ENDING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Lets {@code process} end on its own, within {@link #ENDS_WITHIN}; Ctrl-C ends it at once (WorkbookCli). */
    private static void letEnd(Process process) {
        ENDING.add(process);
        process.onExit().thenRun(() -> {
            ENDING.remove(process);
            WorkbookCli.RUNNING.remove(process);
        });
        CompletableFuture.delayedExecutor(ENDS_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                .execute(process::destroyForcibly);
    }

    /**
     * Waits, before the tool exits, for the test JVMs that are drawing their pictures to end (each within {@link
     * #ENDS_WITHIN} of its verdict), so that every picture is there when the command returns.
     */
    static void awaitEnding() throws InterruptedException {
        for (Process p : List.copyOf(ENDING)) {
            try {
                p.onExit().get(ENDS_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }

    /** Ends a JVM that will not be needed (its lesson changed, or watch ends). */
    void discard() {
        process.destroyForcibly();
        WorkbookCli.RUNNING.remove(process);
    }
}
