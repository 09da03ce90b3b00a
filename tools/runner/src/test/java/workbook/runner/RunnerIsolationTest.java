package workbook.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner in a JVM of its own, as the workbook's tool starts it, with two lessons: one whose test leaves a thread
 * running, and one that is fine. A JVM must never run a lesson after one that left a thread behind.
 */
class RunnerIsolationTest {

    @TempDir
    static Path dir;

    static Path leaking;
    static Path fine;
    static Path failing;

    @BeforeAll
    static void compileTwoLessons() throws IOException {
        leaking = compile("leaking", "LeakTest", """
                @org.junit.jupiter.api.Test
                void startsAThreadAndLeavesIt() {
                    Thread t = new Thread(() -> {
                        while (true) {
                            try {
                                Thread.sleep(100_000);
                            } catch (InterruptedException ignored) {
                                // a thread that will not stop
                            }
                        }
                    }, "left-behind");
                    t.setDaemon(true);
                    t.start();
                }
                """);
        fine = compile("fine", "FineTest", """
                @org.junit.jupiter.api.Test
                void passes() {
                }
                """);
        failing = compile("failing", "FailingTest", """
                @org.junit.jupiter.api.Test
                @org.junit.jupiter.api.Order(1)
                void first() {
                }

                @org.junit.jupiter.api.Test
                @org.junit.jupiter.api.Order(2)
                void second() {
                    throw new AssertionError("the second test fails");
                }

                @org.junit.jupiter.api.Test
                @org.junit.jupiter.api.Order(3)
                void third() {
                }
                """, "@org.junit.jupiter.api.TestMethodOrder("
                + "org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)\n");
    }

    @Test
    @DisplayName("after a lesson that leaves a thread running, the JVM ends (exit 3) and the next lesson is not run")
    void aLessonAfterALeakIsNotRunThere() throws Exception {
        Path leakReports = dir.resolve("run1-leaking");
        Path fineReports = dir.resolve("run1-fine");

        int exit = runner(List.of(leakReports.toString(), leaking.toString(), fineReports.toString(), fine.toString()),
                "go");

        assertThat(exit).isEqualTo(Protocol.LEFT_THREADS_BEHIND);
        assertThat(leakReports.resolve(Protocol.FINISHED)).exists();
        assertThat(leakReports.resolve("TEST-leaking.LeakTest.xml")).exists();
        assertThat(fineReports.resolve(Protocol.FINISHED)).doesNotExist();
    }

    @Test
    @DisplayName("lessons that leave nothing behind all run in one JVM; the go line picks which, and in what order")
    void cleanLessonsShareAJvm() throws Exception {
        Path fineReports = dir.resolve("run2-fine");
        Path leakReports = dir.resolve("run2-leaking");

        int exit = runner(List.of(leakReports.toString(), leaking.toString(), fineReports.toString(), fine.toString()),
                "go 1 0");

        assertThat(exit).isZero(); // the leaking lesson ran last: nothing came after it
        assertThat(fineReports.resolve(Protocol.FINISHED)).exists();
        assertThat(fineReports.resolve("TEST-fine.FineTest.xml")).content().contains("name=\"passes\"");
        assertThat(leakReports.resolve(Protocol.FINISHED)).exists();
    }

    @Test
    @DisplayName("fail fast: after the first failing test the lesson's other tests are reported not run; without it,"
            + " all run")
    void failFastStopsAtTheFirstFailure() throws Exception {
        Path fast = dir.resolve("run3-fail-fast");
        Path all = dir.resolve("run3-all");

        assertThat(runner(List.of(fast.toString(), failing.toString()), "go fail-fast")).isZero();
        assertThat(runner(List.of(all.toString(), failing.toString()), "go")).isZero();

        assertThat(fast.resolve("TEST-failing.FailingTest.xml")).content()
                .contains("name=\"first\"", "the second test fails")
                .containsPattern("name=\"third\"[^>]*>\\s*<skipped message=\"" + Pattern.quote(Protocol.NOT_RUN)
                        + "\"");
        assertThat(all.resolve("TEST-failing.FailingTest.xml")).content()
                .contains("the second test fails").doesNotContain("skipped");
    }

    @Test
    @DisplayName("a go line that names test methods runs only those, and reports only those")
    void theGoLineCanNameTheTestsToRun() throws Exception {
        Path some = dir.resolve("run4-some");

        assertThat(runner(List.of(some.toString(), failing.toString()),
                Protocol.goLine(false, List.of(new Protocol.Pair(0, java.util.Set.of("first", "third")))))).isZero();

        assertThat(some.resolve("TEST-failing.FailingTest.xml")).content()
                .contains("name=\"first\"", "name=\"third\"").doesNotContain("second");
        assertThat(some.resolve(Protocol.FINISHED)).exists();
    }

    private static Path compile(String pkg, String className, String body) throws IOException {
        return compile(pkg, className, body, "");
    }

    private static Path compile(String pkg, String className, String body, String annotations) throws IOException {
        Path sources = dir.resolve("src-" + pkg);
        Path classes = dir.resolve("classes-" + pkg);
        Files.createDirectories(sources.resolve(pkg));
        Files.createDirectories(classes);
        Path file = sources.resolve(pkg).resolve(className + ".java");
        Files.writeString(file, "package " + pkg + ";\n\n" + annotations + "class " + className + " {\n" + body
                + "}\n");
        int result = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), file.toString());
        assertThat(result).as("compiling " + file).isZero();
        return classes;
    }

    /** Starts the runner as the tool does (this JVM's flags and class path, the lessons' classes), says the go line. */
    private static int runner(List<String> pairs, String go) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> !flag.startsWith("-agentlib") && !flag.startsWith("-javaagent")).toList());
        command.add("-D" + Protocol.NO_WARM_UP + "=true"); // these lessons need no model checker started
        List<String> path = new ArrayList<>();
        for (int i = 1; i < pairs.size(); i += 2) {
            path.add(pairs.get(i));
        }
        path.add(System.getProperty("java.class.path"));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, path), Runner.class.getName()));
        command.addAll(pairs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("runner-" + System.nanoTime() + ".log").toFile()).start();
        try {
            p.getOutputStream().write((go.strip() + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the runner ended within 60 s").isTrue();
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }
}
