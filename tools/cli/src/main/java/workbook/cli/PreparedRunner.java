package workbook.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The runner's JVM: surefire's flags for this JDK and the test class path, both left by the runner module's Maven
 * build (built once, and again when a pom, the harness or the runner changes).
 */
record PreparedRunner(List<String> flags, List<String> libraries, Path harness) {

    static final Path RUNNER_MODULE = Workspace.ROOT.resolve("tools/runner");

    static PreparedRunner prepare() throws Exception {
        Path target = RUNNER_MODULE.resolve("target");
        Path stamp = target.resolve("built-from.txt");
        Path root = Workspace.ROOT;
        String inputs = FileTrees.fingerprint(List.of(root.resolve("pom.xml"), RUNNER_MODULE.resolve("pom.xml"),
                RUNNER_MODULE.resolve("src"), root.resolve("test-support/pom.xml"),
                root.resolve("test-support/src"))) + " java " + System.getProperty("java.version");
        if (!Files.exists(stamp) || !Files.readString(stamp).equals(inputs)) {
            System.err.println("Preparing the test runner (once; Maven builds the harness)…");
            Maven.Run run = Maven.run("runner", List.of("process-classes", "-pl", root.relativize(RUNNER_MODULE)
                    .toString().replace(File.separatorChar, '/'), "-am"), null);
            if (run.exitCode() != 0) {
                throw new IllegalStateException("the runner did not build; see " + root.relativize(run.logFile()));
            }
            Files.writeString(stamp, inputs);
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(target.resolve("classes/workbook-runner.properties"))) {
            properties.load(in);
        }
        List<String> flags = List.of(properties.getProperty("jvm.flags").strip().split("\\s+"));
        Path harness = Workspace.ROOT.resolve("test-support/target/classes");
        List<String> libraries = new ArrayList<>();
        for (String entry : Files.readString(target.resolve("classpath.txt")).strip().split(File.pathSeparator)) {
            if (!Path.of(entry).toAbsolutePath().equals(harness)) {
                libraries.add(entry);
            }
        }
        return new PreparedRunner(flags, libraries, harness);
    }
}
