package workbook.cli;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fast path behind watch, progress and check-lesson: the same tests as Maven, compiled with javax.tools
 * and run by tools/runner in a JVM with surefire's flags and class path.
 */
final class FastPath {

    /**
     * Compiles each variant's sources and its lesson's tests with javax.tools (as the compiler plugin does: release
     * 17, debug information), then runs their tests in new {@link TestJvm}s, as surefire's fork does. Variants of
     * different lessons share a JVM ({@link #groups}); the JVMs run in {@code lanes}, one at a time in each: a lane is
     * a taskset CPU list, or null for all CPUs. A variant that does not compile gets an outcome that says why.
     */
    static Map<Variant, Outcome> runFast(List<Variant> variants, PreparedRunner runner, List<String> lanes)
            throws Exception {
        return runFast(variants, runner, lanes, false);
    }

    /**
     * As {@link #runFast(List, PreparedRunner, List)}; with {@code failFast} each lesson's tests stop at its first
     * failure.
     */
    static Map<Variant, Outcome> runFast(List<Variant> variants, PreparedRunner runner, List<String> lanes,
            boolean failFast) throws Exception {
        List<List<Variant>> groups = groups(variants, lanes.size());
        Map<Variant, Outcome> outcomes = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(lanes.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String lane : lanes) {
                running.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < groups.size(); ) {
                        outcomes.putAll(run(groups.get(i), runner, lane, null, failFast));
                    }
                    return null;
                }));
            }
            for (Future<?> lane : running) {
                lane.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Variant, Outcome> inOrder = new LinkedHashMap<>();
        variants.forEach(v -> inOrder.put(v, outcomes.get(v)));
        return inOrder;
    }

    /**
     * As {@link #runFast(List, PreparedRunner, List, boolean)}, under the variants' own run condition (they share one):
     * pinned, one test JVM on each CPU ({@link #oneCpuEach}), or on all CPUs ({@link #allCpus}); fail-fast or not.
     */
    static Map<Variant, Outcome> runFast(List<Variant> variants, PreparedRunner runner) throws Exception {
        if (variants.isEmpty()) {
            return Map.of();
        }
        Variant.RunCondition condition = variants.get(0).condition();
        if (variants.stream().anyMatch(v -> !v.condition().equals(condition))) {
            throw new IllegalArgumentException("variants under different run conditions: " + variants);
        }
        return runFast(variants, runner, condition.pinned() ? oneCpuEach() : allCpus(), condition.failFast());
    }

    /** As {@link #runFast(List, PreparedRunner, List)} in one lane: pinned to {@code cpus}, or all CPUs when null. */
    static Map<Variant, Outcome> runFast(List<Variant> variants, PreparedRunner runner, String cpus) throws Exception {
        return runFast(variants, runner, java.util.Collections.singletonList(cpus));
    }

    /**
     * Two lanes on all CPUs where there are two CPUs or more: two test JVMs at once, as Maven (-T 1C in
     * .mvn/maven.config) runs two modules' tests at once on two cores.
     */
    static List<String> allCpus() {
        return java.util.Collections.nCopies(Math.min(2, Runtime.getRuntime().availableProcessors()), null);
    }

    /**
     * Pinned lanes: one test JVM on CPU 0 and one on CPU 1 where there are two CPUs or more (taskset -c 0 and -c 1),
     * each alone on its CPU: still one CPU per test JVM, in half the time.
     */
    static List<String> oneCpuEach() {
        return Runtime.getRuntime().availableProcessors() > 1 ? List.of("0", "1") : List.of("0");
    }

    /**
     * The variants in groups that can share a test JVM: no two of one lesson (they have the same class names), each
     * variant in the first group without its lesson; then, while there are fewer groups than {@code lanes}, the
     * largest is split in two, so that every lane has work. The exercises of every lesson make one group (two for two
     * lanes); eight fixes of one lesson make eight.
     */
    static List<List<Variant>> groups(List<Variant> variants, int lanes) {
        List<List<Variant>> groups = new ArrayList<>();
        for (Variant v : variants) {
            List<Variant> home = groups.stream()
                    .filter(g -> g.stream().noneMatch(w -> w.lesson().equals(v.lesson()))).findFirst().orElse(null);
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(v);
        }
        while (groups.size() < lanes) {
            List<Variant> largest = groups.stream().max(java.util.Comparator.comparingInt(List::size)).orElseThrow();
            if (largest.size() < 2) {
                break;
            }
            List<Variant> half = new ArrayList<>();
            for (int i = largest.size() - 1; i >= 0; i -= 2) {
                half.add(0, largest.remove(i));
            }
            groups.add(half);
        }
        return groups;
    }

    /** As {@link #run(List, PreparedRunner, String, TestJvm, boolean)} for one variant. */
    static Outcome run(Variant v, PreparedRunner runner, String cpus, TestJvm ready, boolean failFast)
            throws Exception {
        return run(List.of(v), runner, cpus, ready, failFast).get(v);
    }

    /**
     * Runs one group's tests (see {@link #runFast}), with {@code ready} (a test JVM started earlier for it, or null)
     * doing the run when it can. {@code ready} is used up either way, unless no sources compile. With {@code
     * failFast}, a lesson's tests stop at its first failing test (watch); the verdict is the same, solved or not.
     */
    static Map<Variant, Outcome> run(List<Variant> group, PreparedRunner runner, String cpus, TestJvm ready,
            boolean failFast) throws Exception {
        // A JVM started here warms up while the sources compile: it loads the lessons' classes only after the go.
        TestJvm jvm = ready != null && ready.isFor(group, cpus) ? ready : TestJvm.start(group, runner, cpus);
        if (jvm != ready && ready != null) {
            ready.discard();
        }
        Map<Variant, Outcome> outcomes = new LinkedHashMap<>();
        List<Variant> compiled = new ArrayList<>();
        for (Variant v : group) {
            List<String> errors = compile(v, runner);
            if (errors.isEmpty()) {
                compiled.add(v);
            } else {
                outcomes.put(v, Outcome.broken(v.lesson(), errors));
            }
        }
        if (compiled.isEmpty()) {
            if (jvm != ready) {
                jvm.discard();
            }
            return outcomes;
        }
        outcomes.putAll(jvm.go(compiled, runner, failFast));
        return outcomes;
    }

    /** Compiles a variant into its own folder, classes and test classes; the compiler's errors, if any. */
    static List<String> compile(Variant v, PreparedRunner runner) throws IOException {
        // Emptied, not deleted: a test JVM started for this variant has the folders on its class path, and takes an
        // entry that is not a folder when it first looks for a class for a jar, where it finds nothing later.
        for (String folder : List.of("classes", "test-classes", "reports")) {
            FileTrees.emptyFolder(v.out().resolve(folder));
        }
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

    static List<String> classPath(Variant v, PreparedRunner runner) {
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
        List<Path> files = FileTrees.javaFiles(sources);
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
