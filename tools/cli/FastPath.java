import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fast path behind watch, progress and check-lesson: the same tests as Maven, compiled with javax.tools
 * and run by tools/runner in a JVM with surefire's flags and class path.
 */
final class FastPath {

    /**
     * Compiles each variant's sources and its lesson's tests with javax.tools (as the compiler plugin does: release
     * 17, debug information), then runs its tests in a new {@link TestJvm}, as surefire's fork does. A variant that
     * does not compile gets an outcome that says why.
     */
    static Map<Variant, Outcome> runFast(List<Variant> variants, Runner runner, String cpus) throws Exception {
        Map<Variant, Outcome> outcomes = new LinkedHashMap<>();
        TestJvm next = null;
        try {
            for (int i = 0; i < variants.size(); i++) {
                TestJvm ready = next;
                // On all CPUs, the next variant's JVM warms up while this one's tests run (as watch's does while the
                // student edits): a model check keeps one CPU busy, and the warm-up takes the other. Pinned to one
                // CPU, that CPU has nothing to spare, so each run starts its own.
                next = cpus == null && i + 1 < variants.size() ? TestJvm.start(variants.get(i + 1), runner, null)
                        : null;
                try {
                    outcomes.put(variants.get(i), run(variants.get(i), runner, cpus, ready));
                } finally {
                    if (ready != null) {
                        ready.discard(); // ended after its run, or unused when the sources did not compile
                    }
                }
            }
        } finally {
            if (next != null) {
                next.discard();
            }
        }
        return outcomes;
    }

    /**
     * As {@link #runFast} for one variant, with {@code ready} (a test JVM started earlier for it, or null) doing
     * the run when it can. {@code ready} is used up either way, unless the sources do not compile.
     */
    static Outcome run(Variant v, Runner runner, String cpus, TestJvm ready) throws Exception {
        List<String> errors = compile(v, runner);
        if (!errors.isEmpty()) {
            return Outcome.broken(v.lesson(), errors);
        }
        TestJvm jvm = ready != null && ready.isFor(v, cpus) ? ready : TestJvm.start(v, runner, cpus);
        if (jvm != ready && ready != null) {
            ready.discard();
        }
        return jvm.go();
    }

    /** Compiles a variant into its own folder, classes and test classes; the compiler's errors, if any. */
    static List<String> compile(Variant v, Runner runner) throws IOException {
        FileTrees.deleteTree(v.out());
        List<String> errors = javac(v.sources(), v.out().resolve("classes"), runner.libraries());
        if (errors.isEmpty()) {
            errors = javac(Workspace.ROOT.resolve(v.lesson()).resolve("src/test/java"),
                    v.out().resolve("test-classes"), classPath(v, runner));
        }
        if (errors.isEmpty()) {
            FileTrees.copyTree(v.sources().resolveSibling("resources"), v.out().resolve("classes"));
            FileTrees.copyTree(Workspace.ROOT.resolve(v.lesson()).resolve("src/test/resources"),
                    v.out().resolve("test-classes"));
        }
        return errors;
    }

    static List<String> classPath(Variant v, Runner runner) {
        List<String> path = new ArrayList<>(List.of(v.out().resolve("classes").toString(),
                runner.harness().toString()));
        path.addAll(runner.libraries());
        return path;
    }

    private static final javax.tools.JavaCompiler COMPILER = javax.tools.ToolProvider.getSystemJavaCompiler();

    /**
     * One file manager for every compile of this process: it keeps the library jars open and indexed, which is most
     * of a small compile's time. Folders (sources, class output) are read afresh on every compile. It holds the
     * output folder of the task it serves, so compiles take turns.
     */
    private static final javax.tools.StandardJavaFileManager FILES = COMPILER.getStandardFileManager(null, null,
            StandardCharsets.UTF_8);

    static List<String> javac(Path sources, Path out, List<String> classPath) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.isDirectory(sources) ? Files.walk(sources) : Stream.empty()) {
            files = all.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        Files.createDirectories(out);
        if (files.isEmpty()) {
            return List.of();
        }
        javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> diagnostics =
                new javax.tools.DiagnosticCollector<>();
        List<String> options = new ArrayList<>(List.of("--release", "17", "-g", "-encoding", "UTF-8", "-nowarn",
                "-d", out.toString()));
        if (!classPath.isEmpty()) {
            options.addAll(List.of("-cp", String.join(File.pathSeparator, classPath)));
        }
        boolean ok;
        synchronized (FILES) { // check compiles two variants at once, and a file manager serves one task at a time
            ok = COMPILER.getTask(null, FILES, diagnostics, options, null, FILES.getJavaFileObjectsFromPaths(files))
                    .call();
        }
        if (ok) {
            return List.of();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(d -> (d.getSource() == null ? "" : Workspace.ROOT.relativize(Path.of(d.getSource().toUri())) + ":"
                        + d.getLineNumber() + ": ") + d.getMessage(Locale.ROOT))
                .toList();
    }
}
