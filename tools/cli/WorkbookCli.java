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
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The workbook's own command line. Needs only a JDK 17+: run it with {@code java tools/Workbook.java [command]}.
 *
 * <pre>
 *   students
 *   (no command)  progress [--json]
 *                            every lesson's verdict, remembered in .workbook/ and re-run only where its code changed;
 *                            --json: per lesson solved or not, tests passed, first failure, sources' fingerprint
 *   watch [lesson]           re-run a lesson's tests on every save (default: the first unsolved lesson)
 *   hint [lesson]            the lesson README's next folded hint
 *   reset lesson             the exercise as shipped; the replaced code is kept in .workbook/backups/
 *   solution lesson [--anyway]
 *                            the reference solution as a diff against yours, once the lesson is solved
 *   check-lesson lesson      graders: exit 0 when the lesson is solved, 1 when not
 *
 *   maintainers and CI
 *   check                    every solution passes, every exercise fails on its race assertion, every wrong fix in
 *                            wrong-fixes/ is caught by the test it names, every right fix in right-fixes/ passes
 *                            every test, each on all CPUs and again pinned to one CPU with taskset (where it
 *                            exists); the fast path (tools/runner) agrees with Maven on each; code quoted in READMEs
 *                            matches the files; the CI, autograding and IDE files are current
 *   wrong-fixes [lesson…]    only the wrong-fixes part of check
 *   right-fixes [lesson…]    only the right-fixes part of check
 *   ci-files [--write]       only the CI and autograding files part (--write: the autograding file afresh)
 *   ide-files [--write]      only the IDE files part (--write: .run/ and .vscode/tasks.json afresh)
 *   rates [--runs N] [--cpus LIST] [--lessons a,b]
 *                            run each lesson N times as exercise and as solution (optionally pinned with taskset)
 *                            and print detection rates and median test times
 * </pre>
 *
 * Maven is the reference: every verdict here either comes from surefire's reports or from tools/runner, which runs
 * the same test classes in a JVM with surefire's flags and class path, and which check compares with Maven on every
 * exercise, solution and fix.
 */
public class WorkbookCli {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path LOGS = ROOT.resolve("target/workbook");
    /** Failure types that mean "the harness stopped or rethrew", i.e. the exercise failed for the wrong reason. */
    static final Set<String> WRONG_REASONS = Set.of("workbook.harness.WorkersStuck", "workbook.harness.WorkerFailed");

    public static void main(String[] args) throws Exception {
        if (!Files.exists(ROOT.resolve("pom.xml")) || !Files.isDirectory(ROOT.resolve("tools"))) {
            System.err.println("Run this from the workbook's root folder: java tools/Workbook.java");
            System.exit(2);
        }
        if (args.length == 0 || args[0].startsWith("--")) {
            List<String> progress = new ArrayList<>(List.of("progress"));
            progress.addAll(List.of(args));
            args = progress.toArray(String[]::new);
        }
        String command = args[0];
        // Ctrl-C (or any end) takes the Maven or test JVM running now with it, and their children.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process p = RUNNING.get();
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }));
        int status = switch (command) {
            case "progress" -> progress(List.of(args).subList(1, args.length));
            case "check-lesson" -> checkLesson(List.of(args).subList(1, args.length));
            case "check" -> check();
            case "wrong-fixes" -> fixesOnly(Fix.Kind.WRONG, List.of(args).subList(1, args.length));
            case "right-fixes" -> fixesOnly(Fix.Kind.RIGHT, List.of(args).subList(1, args.length));
            case "watch" -> watch(List.of(args).subList(1, args.length));
            case "hint" -> hint(List.of(args).subList(1, args.length));
            case "reset" -> reset(List.of(args).subList(1, args.length));
            case "solution" -> solution(List.of(args).subList(1, args.length));
            case "ide-files" -> ideFilesCommand(List.of(args).subList(1, args.length));
            case "ci-files" -> ciFiles(List.of(args).subList(1, args.length));
            case "rates" -> rates(List.of(args).subList(1, args.length));
            default -> {
                System.err.println("Unknown command '" + command + "'. Commands: " + String.join(", ",
                        new java.util.TreeSet<>(COMMANDS)));
                yield 2;
            }
        };
        System.exit(status);
    }

    // ---------------------------------------------------------------- progress

    static int progress(List<String> args) throws Exception {
        boolean json = args.contains("--json");
        List<String> lessons = lessons();
        Map<String, Outcome> outcomes = currentOutcomes(lessons, json);
        if (json) {
            System.out.println(progressJson(outcomes));
            return 0;
        }
        System.out.println();
        System.out.printf("  %-28s %-10s %s%n", "lesson", "state", "tests");
        for (Outcome o : outcomes.values()) {
            System.out.printf("  %-28s %-10s %s%n", o.lesson(), o.state(), o.compiled()
                    ? o.passedCount() + " of " + o.tests() + " pass" : "does not compile");
        }
        System.out.println();
        String next = outcomes.values().stream().filter(o -> !o.passed()).map(Outcome::lesson).findFirst()
                .orElse(null);
        if (next == null) {
            System.out.println(ALL_DONE);
            return 0;
        }
        System.out.println("Next: " + next);
        System.out.println("  read   " + next + "/README.md");
        System.out.println("  edit   " + next + "/src/main/java/");
        System.out.println("  run    java tools/Workbook.java watch      (re-runs the tests on every save)");
        System.out.println(report(outcomes.get(next)));
        return 0;
    }

    static final String ALL_DONE = "All lessons are solved: the workbook is done. Compare yours with solutions/"
            + " (java tools/Workbook.java solution LESSON), then read the instructor guide's discussion questions"
            + " (docs/instructor-guide.md).";

    /**
     * The grader's view: per lesson, solved or not, tests passed of total, the first failure's first line and a
     * fingerprint of the student's sources (so a grade can be tied to the code it was given for).
     */
    static String progressJson(Map<String, Outcome> outcomes) throws IOException {
        StringBuilder out = new StringBuilder("{\n  \"java\": " + quote(System.getProperty("java.version"))
                + ",\n  \"lessons\": [");
        String separator = "\n";
        for (Outcome o : outcomes.values()) {
            String firstFailure = o.failures().isEmpty() ? null : o.failures().get(0).test() + ": "
                    + o.failures().get(0).message().strip().lines().findFirst().orElse("");
            out.append(separator).append("    {\"lesson\": ").append(quote(o.lesson()))
                    .append(", \"state\": ").append(quote(o.state()))
                    .append(", \"solved\": ").append(o.passed())
                    .append(", \"passed\": ").append(o.passedCount())
                    .append(", \"tests\": ").append(o.tests())
                    .append(", \"firstFailure\": ").append(firstFailure == null ? "null" : quote(firstFailure))
                    .append(", \"fingerprint\": ").append(quote(fingerprint(ROOT.resolve(o.lesson())
                            .resolve("src/main/java")))).append("}");
            separator = ",\n";
        }
        return out.append("\n  ]\n}").toString();
    }

    /** SHA-256 over the relative paths and contents of every file under a folder, in path order. */
    static String fingerprint(Path folder) throws IOException {
        return fingerprint(List.of(folder));
    }

    static String fingerprint(List<Path> folders) throws IOException {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (Path folder : folders) {
                if (!Files.exists(folder)) {
                    continue;
                }
                List<Path> files;
                try (Stream<Path> all = Files.walk(folder)) {
                    files = all.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
                }
                for (Path file : files) {
                    sha.update(folder.relativize(file).toString().replace(File.separatorChar, '/')
                            .getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(Files.readString(file).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** The grader's exit code for one lesson: 0 when solved, 1 when not, 2 when the lesson does not exist. */
    static int checkLesson(List<String> args) throws Exception {
        String lesson = lessonNamed(args);
        if (lesson == null) {
            return 2;
        }
        Outcome o = currentOutcomes(List.of(lesson), true).get(lesson);
        System.out.println(verdictLine(o));
        if (!o.failures().isEmpty()) {
            Failure first = o.failures().get(0);
            System.out.println("  first failure: " + first.test() + ": "
                    + first.message().strip().lines().findFirst().orElse(""));
        }
        o.errors().stream().limit(3).forEach(e -> System.out.println("  " + e));
        return o.passed() ? 0 : 1;
    }

    /** The lesson module the first argument names (a prefix such as lesson01 will do), or null after saying why. */
    static String lessonNamed(List<String> args) throws IOException {
        List<String> lessons = lessons();
        List<String> named = args.isEmpty() ? List.of() : lessons.stream().filter(l -> l.startsWith(args.get(0)))
                .toList();
        if (named.size() != 1) {
            System.err.println("Name one lesson: " + String.join(", ", lessons));
            return null;
        }
        return named.get(0);
    }

    // ---------------------------------------------------------------- the fast path: the same tests, without Maven

    /** Where the student's own state lives (ignored by git): progress, hints shown, backups made by reset. */
    static final Path STATE = ROOT.resolve(".workbook");
    static final Path FAST = LOGS.resolve("fast");
    static final Path RUNNER_MODULE = ROOT.resolve("tools/runner");

    /**
     * The runner's JVM: surefire's flags for this JDK and the test class path, both left by the runner module's Maven
     * build (built once, and again when a pom, the harness or the runner changes).
     */
    record Runner(List<String> flags, List<String> libraries, Path harness) {

        static Runner prepare() throws Exception {
            Path target = RUNNER_MODULE.resolve("target");
            Path stamp = target.resolve("built-from.txt");
            String inputs = fingerprint(List.of(ROOT.resolve("pom.xml"), RUNNER_MODULE.resolve("pom.xml"),
                    RUNNER_MODULE.resolve("src"), ROOT.resolve("test-support/pom.xml"),
                    ROOT.resolve("test-support/src"))) + " java " + System.getProperty("java.version");
            if (!Files.exists(stamp) || !Files.readString(stamp).equals(inputs)) {
                System.err.println("Preparing the test runner (once; Maven builds the harness)…");
                Run run = maven("runner", List.of("process-classes", "-pl", ROOT.relativize(RUNNER_MODULE).toString()
                        .replace(File.separatorChar, '/'), "-am"), null);
                if (run.exitCode() != 0) {
                    throw new IllegalStateException("the runner did not build; see " + ROOT.relativize(run.logFile()));
                }
                Files.writeString(stamp, inputs);
            }
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(target.resolve("classes/workbook-runner.properties"))) {
                properties.load(in);
            }
            List<String> flags = List.of(properties.getProperty("jvm.flags").strip().split("\\s+"));
            Path harness = ROOT.resolve("test-support/target/classes");
            List<String> libraries = new ArrayList<>();
            for (String entry : Files.readString(target.resolve("classpath.txt")).strip().split(File.pathSeparator)) {
                if (!Path.of(entry).toAbsolutePath().equals(harness)) {
                    libraries.add(entry);
                }
            }
            return new Runner(flags, libraries, harness);
        }
    }

    /** One lesson built against one source folder: the exercise, the solution or a fix. */
    record Variant(String lesson, String name, Path sources) {

        static Variant exercise(String lesson) {
            return new Variant(lesson, "exercise", ROOT.resolve(lesson).resolve("src/main/java"));
        }

        static Variant solution(String lesson) {
            return new Variant(lesson, "solution", ROOT.resolve("solutions").resolve(lesson).resolve("src/main/java"));
        }

        Path out() {
            return FAST.resolve(name).resolve(lesson);
        }

        Path reports() {
            return out().resolve("reports");
        }
    }

    /**
     * Compiles each variant's sources and its lesson's tests with javax.tools (as the compiler plugin does: release
     * 17, debug information), then runs its tests in a new JVM with surefire's flags and class path, as surefire's
     * fork does. A variant that does not compile gets an outcome that says why.
     */
    static Map<Variant, Outcome> runFast(List<Variant> variants, Runner runner, String cpus) throws Exception {
        Map<Variant, Outcome> outcomes = new LinkedHashMap<>();
        for (Variant v : variants) {
            deleteTree(v.out());
            List<String> errors = javac(v.sources(), v.out().resolve("classes"), List.of());
            if (errors.isEmpty()) {
                errors = javac(ROOT.resolve(v.lesson()).resolve("src/test/java"), v.out().resolve("test-classes"),
                        classPath(v, runner));
            }
            if (!errors.isEmpty()) {
                outcomes.put(v, Outcome.broken(v.lesson(), errors));
                continue;
            }
            copyTree(v.sources().resolveSibling("resources"), v.out().resolve("classes"));
            copyTree(ROOT.resolve(v.lesson()).resolve("src/test/resources"), v.out().resolve("test-classes"));
            List<String> command = new ArrayList<>();
            if (cpus != null) {
                command.addAll(List.of("taskset", "-c", cpus));
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(runner.flags());
            List<String> path = new ArrayList<>(List.of(RUNNER_MODULE.resolve("target/classes").toString(),
                    v.out().resolve("test-classes").toString()));
            path.addAll(classPath(v, runner));
            command.addAll(List.of("-cp", String.join(File.pathSeparator, path), "workbook.runner.Runner",
                    v.reports().toString(), v.out().resolve("test-classes").toString()));
            Files.createDirectories(LOGS);
            Path log = LOGS.resolve("fast-" + v.name() + "-" + v.lesson() + ".log");
            Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            RUNNING.set(p);
            try {
                p.waitFor();
            } finally {
                RUNNING.set(null);
            }
            outcomes.put(v, Outcome.read(v.lesson(), v.reports()));
        }
        return outcomes;
    }

    /** The test JVM running now, so that Ctrl-C can end it. */
    static final java.util.concurrent.atomic.AtomicReference<Process> RUNNING =
            new java.util.concurrent.atomic.AtomicReference<>();

    static List<String> classPath(Variant v, Runner runner) {
        List<String> path = new ArrayList<>(List.of(v.out().resolve("classes").toString(),
                runner.harness().toString()));
        path.addAll(runner.libraries());
        return path;
    }

    static List<String> javac(Path sources, Path out, List<String> classPath) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.isDirectory(sources) ? Files.walk(sources) : Stream.empty()) {
            files = all.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        Files.createDirectories(out);
        if (files.isEmpty()) {
            return List.of();
        }
        javax.tools.JavaCompiler compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
        javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> diagnostics =
                new javax.tools.DiagnosticCollector<>();
        try (javax.tools.StandardJavaFileManager files_ = compiler.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("--release", "17", "-g", "-encoding", "UTF-8", "-nowarn",
                    "-d", out.toString()));
            if (!classPath.isEmpty()) {
                options.addAll(List.of("-cp", String.join(File.pathSeparator, classPath)));
            }
            boolean ok = compiler.getTask(null, files_, diagnostics, options, null,
                    files_.getJavaFileObjectsFromPaths(files)).call();
            if (ok) {
                return List.of();
            }
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(d -> (d.getSource() == null ? "" : ROOT.relativize(Path.of(d.getSource().toUri())) + ":"
                        + d.getLineNumber() + ": ") + d.getMessage(Locale.ROOT))
                .toList();
    }

    /** Copies a resources folder into a classes folder, as the resources plugin does (no filtering here). */
    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path copy = to.resolve(from.relativize(p).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(p, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    // ---------------------------------------------------------------- remembered progress

    /** What a lesson's verdict depends on: its sources and tests, the harness, the poms and the JDK. */
    static String verdictInputs(String lesson) throws IOException {
        return fingerprint(List.of(ROOT.resolve(lesson).resolve("src"), ROOT.resolve(lesson).resolve("pom.xml"),
                ROOT.resolve("test-support/src"), ROOT.resolve("pom.xml"))) + " java "
                + System.getProperty("java.version");
    }

    /** The last verdicts: lesson -> the inputs they were given for; reports kept in .workbook/results/LESSON. */
    static Properties remembered() throws IOException {
        Properties p = new Properties();
        Path file = STATE.resolve("progress.properties");
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    static void remember(Variant v, Outcome o) throws IOException {
        Properties p = remembered();
        Path kept = STATE.resolve("results").resolve(v.lesson());
        deleteTree(kept);
        Files.createDirectories(kept);
        if (o.errors().isEmpty() && Files.isDirectory(v.reports())) {
            try (Stream<Path> files = Files.list(v.reports())) {
                for (Path f : files.toList()) {
                    Files.copy(f, kept.resolve(f.getFileName()));
                }
            }
        } else {
            Files.writeString(kept.resolve("compile-errors.txt"), String.join("\n", o.errors()));
        }
        p.setProperty(v.lesson(), verdictInputs(v.lesson()));
        Files.createDirectories(STATE);
        try (var out = Files.newBufferedWriter(STATE.resolve("progress.properties"))) {
            p.store(out, "The last verdict of each lesson and what it was given for (java tools/Workbook.java)");
        }
    }

    /** Each lesson's outcome: remembered where nothing changed, otherwise run now (all in one JVM). */
    static Map<String, Outcome> currentOutcomes(List<String> lessons, boolean quiet) throws Exception {
        Properties p = remembered();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<Variant> stale = new ArrayList<>();
        for (String lesson : lessons) {
            Path kept = STATE.resolve("results").resolve(lesson);
            if (verdictInputs(lesson).equals(p.getProperty(lesson)) && Files.isDirectory(kept)) {
                Path errors = kept.resolve("compile-errors.txt");
                outcomes.put(lesson, Files.exists(errors)
                        ? Outcome.broken(lesson, Files.readAllLines(errors)) : Outcome.read(lesson, kept));
            } else {
                stale.add(Variant.exercise(lesson));
                outcomes.put(lesson, null);
            }
        }
        if (!stale.isEmpty()) {
            if (!quiet) {
                System.out.println("Running " + stale.size() + " lesson(s) whose code changed since the last run…");
            }
            Runner runner = Runner.prepare();
            for (Map.Entry<Variant, Outcome> e : runFast(stale, runner, null).entrySet()) {
                remember(e.getKey(), e.getValue());
                outcomes.put(e.getKey().lesson(), e.getValue());
            }
        }
        return outcomes;
    }

    /** The verdict of one lesson as progress and watch show it: each failure once, then the verdict line. */
    static String report(Outcome o) {
        StringBuilder out = new StringBuilder();
        if (!o.errors().isEmpty()) {
            out.append("It does not compile:\n");
            o.errors().stream().limit(10).forEach(e -> out.append("  ").append(e).append('\n'));
        }
        for (Failure f : o.failures()) {
            out.append("\n✗ ").append(f.test()).append(f.isError() ? " (" + simpleName(f.type()) + ")" : "")
                    .append('\n').append(indent(firstLines(f.message(), 30))).append('\n');
        }
        return out.append('\n').append(verdictLine(o)).toString();
    }

    static String verdictLine(Outcome o) {
        return o.lesson() + " " + o.state() + (o.compiled() ? ": " + o.passedCount() + " of " + o.tests()
                + " tests pass" : ": does not compile");
    }

    // ---------------------------------------------------------------- watch

    /**
     * Re-runs a lesson's tests on every save under its src/main/java and prints the verdict; moves on to the next
     * unsolved lesson when it turns green. Reads h (next hint), r (re-run) and q (quit) from standard input, and goes
     * on watching when standard input ends.
     */
    static int watch(List<String> args) throws Exception {
        List<String> lessons = lessons();
        String lesson = args.isEmpty() ? null : lessonNamed(args);
        if (!args.isEmpty() && lesson == null) {
            return 2;
        }
        if (lesson == null) {
            lesson = firstUnsolved(currentOutcomes(lessons, false));
            if (lesson == null) {
                System.out.println(ALL_DONE);
                return 0;
            }
        }
        Runner runner = Runner.prepare();
        java.util.concurrent.BlockingQueue<String> typed = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread keyboard = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in))) {
                for (String line; (line = in.readLine()) != null; ) {
                    typed.add(line.strip());
                }
            } catch (IOException ignored) {
                // Standard input is gone: go on watching the files.
            }
        }, "watch-keyboard");
        keyboard.setDaemon(true);
        keyboard.start();
        while (true) {
            Variant v = Variant.exercise(lesson);
            System.out.println();
            System.out.println("Watching " + lesson + "/src/main/java (README: " + lesson + "/README.md)."
                    + " Save to re-run; h + Enter: next hint, r: re-run, q: quit.");
            String seen = null;
            boolean rerun = true;
            while (true) {
                String now = fingerprint(v.sources());
                if (rerun || !now.equals(seen)) {
                    seen = now;
                    rerun = false;
                    System.out.println("\n--- " + java.time.LocalTime.now().withNano(0) + " running " + lesson + "…");
                    Outcome o = runFast(List.of(v), runner, null).get(v);
                    remember(v, o);
                    System.out.println(report(o));
                    if (o.passed()) {
                        break;
                    }
                }
                String command = typed.poll(250, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (command == null) {
                    continue;
                }
                switch (command) {
                    case "q" -> {
                        return 0;
                    }
                    case "r" -> rerun = true;
                    case "h" -> hint(List.of(lesson));
                    case "" -> { }
                    default -> System.out.println("h: next hint, r: re-run, q: quit");
                }
            }
            String next = firstUnsolved(currentOutcomes(lessons, true));
            if (next == null) {
                System.out.println("\n" + ALL_DONE);
                return 0;
            }
            System.out.println("\n" + lesson + " is solved. Next: " + next + " (read " + next + "/README.md).");
            lesson = next;
        }
    }

    static String firstUnsolved(Map<String, Outcome> outcomes) {
        return outcomes.values().stream().filter(o -> !o.passed()).map(Outcome::lesson).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------- hint, reset, solution

    static final Pattern HINT = Pattern.compile("<details><summary>(.*?)</summary>(.*?)</details>", Pattern.DOTALL);

    /** Shows the next folded hint of the lesson's README (the current lesson by default), one more on each call. */
    static int hint(List<String> args) throws Exception {
        String lesson = args.isEmpty() ? firstUnsolved(currentOutcomes(lessons(), true)) : lessonNamed(args);
        if (lesson == null) {
            return args.isEmpty() ? 0 : 2;
        }
        Path readme = ROOT.resolve(lesson).resolve("README.md");
        List<String[]> hints = new ArrayList<>();
        Matcher m = HINT.matcher(Files.readString(readme));
        while (m.find()) {
            hints.add(new String[] {m.group(1).strip(), m.group(2).strip()});
        }
        Properties shown = new Properties();
        Path file = STATE.resolve("hints.properties");
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                shown.load(in);
            }
        }
        int count = Integer.parseInt(shown.getProperty(lesson, "0"));
        if (hints.isEmpty()) {
            System.out.println(lesson + "/README.md has no folded hints.");
            return 0;
        }
        if (count >= hints.size()) {
            System.out.println("That was the last of " + lesson + "'s " + hints.size() + " hints. The next step: "
                    + "java tools/Workbook.java solution " + lesson + " --anyway");
            return 0;
        }
        String[] hint = hints.get(count);
        System.out.println(hint[0] + " (" + (count + 1) + " of " + hints.size() + ", from " + lesson + "/README.md)");
        System.out.println(indent(hint[1]));
        shown.setProperty(lesson, String.valueOf(count + 1));
        Files.createDirectories(STATE);
        try (var out = Files.newBufferedWriter(file)) {
            shown.store(out, "How many of each lesson's hints were shown (java tools/Workbook.java hint)");
        }
        return 0;
    }

    /**
     * Puts the lesson's exercise back as it was shipped (as of the commit the workbook was cloned at), after copying
     * the student's whole src/main/java to .workbook/backups/, so nothing is lost.
     */
    static int reset(List<String> args) throws Exception {
        String lesson = lessonNamed(args);
        if (lesson == null) {
            return 2;
        }
        String shipped = shippedCommit();
        String folder = lesson + "/src/main/java";
        List<String> files = git("ls-tree", "-r", "--name-only", shipped, "--", folder).lines().toList();
        if (files.isEmpty()) {
            System.err.println("git knows no " + folder + " at " + shipped + "; nothing was changed.");
            return 1;
        }
        Path sources = ROOT.resolve(folder);
        Path backup = STATE.resolve("backups").resolve(lesson + "-" + java.time.LocalDateTime.now().withNano(0)
                .toString().replace(':', '-'));
        if (Files.isDirectory(sources)) {
            try (Stream<Path> all = Files.walk(sources)) {
                for (Path p : all.filter(Files::isRegularFile).toList()) {
                    Path copy = backup.resolve(sources.relativize(p));
                    Files.createDirectories(copy.getParent());
                    Files.copy(p, copy);
                }
            }
            deleteTree(sources);
        }
        for (String file : files) {
            Path target = ROOT.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, gitBytes("show", shipped + ":" + file));
        }
        System.out.println("Reset " + folder + " to the exercise as shipped (commit " + shipped.substring(0, 10) + ").");
        if (Files.isDirectory(backup)) {
            System.out.println("Your version is kept in " + ROOT.relativize(backup) + File.separator);
        }
        return 0;
    }

    /** The commit the workbook was cloned at: the oldest entry of HEAD's reflog, or HEAD when there is none. */
    static String shippedCommit() throws Exception {
        List<String> reflog = git("reflog", "show", "--format=%H", "HEAD").lines().toList();
        return reflog.isEmpty() ? git("rev-parse", "HEAD").strip() : reflog.get(reflog.size() - 1).strip();
    }

    /** The reference solution as a diff against the student's file; only for a solved lesson, unless --anyway. */
    static int solution(List<String> args) throws Exception {
        String lesson = lessonNamed(args);
        if (lesson == null) {
            return 2;
        }
        if (!args.contains("--anyway") && !currentOutcomes(List.of(lesson), true).get(lesson).passed()) {
            System.out.println(lesson + " is not solved yet, so its solution stays hidden. Try"
                    + " java tools/Workbook.java hint " + lesson + ", or add --anyway.");
            return 1;
        }
        Path solution = ROOT.resolve("solutions").resolve(lesson).resolve("src/main/java");
        System.out.print(gitDiff(ROOT.relativize(ROOT.resolve(lesson).resolve("src/main/java")),
                ROOT.relativize(solution)));
        System.out.println("(- your code, + the reference solution; its header comment says why it is correct)");
        return 0;
    }

    static String gitDiff(Path yours, Path reference) throws Exception {
        Process p = new ProcessBuilder("git", "diff", "--no-index", "--no-color", "--", yours.toString(),
                reference.toString()).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static String git(String... args) throws Exception {
        return new String(gitBytes(args), StandardCharsets.UTF_8);
    }

    static byte[] gitBytes(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed (exit " + p.exitValue() + ")");
        }
        return out;
    }

    // ---------------------------------------------------------------- check

    static int check() throws Exception {
        List<String> lessons = lessons();
        List<String> problems = new ArrayList<>();
        String modules = String.join(",", lessons);
        boolean pinned = canPin();

        System.out.println("1/5  ./mvnw -Psolutions verify   (every solution must pass)");
        Run solutions = maven("check-solutions", List.of("-Psolutions", "verify"), null);
        if (solutions.exitCode() != 0) {
            problems.add("./mvnw -Psolutions verify failed (exit " + solutions.exitCode() + "); see "
                    + ROOT.relativize(solutions.logFile()));
        }
        Map<String, Outcome> solutionsAll = new LinkedHashMap<>();
        for (String lesson : lessons) {
            solutionsAll.put(lesson, Outcome.read(lesson, "solution"));
        }
        Map<String, Outcome> solutionsPinned = new LinkedHashMap<>();
        if (pinned) {
            System.out.println("     again on one CPU (taskset -c " + ONE_CPU + ")");
            maven("check-solutions-1cpu", List.of("-Psolutions", "test", "-pl", modules, "-am",
                    "-Dmaven.test.failure.ignore=true"), ONE_CPU);
            for (String lesson : lessons) {
                solutionsPinned.put(lesson, Outcome.read(lesson, "solution"));
            }
        }
        System.out.println("2/5  ./mvnw test                 (every exercise must fail on its race assertion)");
        maven("check-exercises", List.of("test", "-Dmaven.test.failure.ignore=true"), null);
        Map<String, Outcome> exercises = new LinkedHashMap<>();
        for (String lesson : lessons) {
            exercises.put(lesson, Outcome.read(lesson, "exercise"));
        }
        Map<String, Outcome> exercisesPinned = new LinkedHashMap<>();
        if (pinned) {
            System.out.println("     again on one CPU (taskset -c " + ONE_CPU + ")");
            maven("check-exercises-1cpu", List.of("test", "-pl", modules, "-am", "-Dmaven.test.failure.ignore=true"),
                    ONE_CPU);
            for (String lesson : lessons) {
                exercisesPinned.put(lesson, Outcome.read(lesson, "exercise"));
            }
        } else {
            System.out.println(NO_TASKSET);
        }

        System.out.println("     and through the fast path (watch, progress), which must agree with Maven");
        Runner runner = Runner.prepare();
        List<Variant> fastVariants = new ArrayList<>();
        for (String lesson : lessons) {
            fastVariants.add(Variant.exercise(lesson));
            fastVariants.add(Variant.solution(lesson));
        }
        Map<Variant, Outcome> fast = runFast(fastVariants, runner, null);
        for (Variant v : fastVariants) {
            Outcome maven = (v.name().equals("exercise") ? exercises : solutionsAll).get(v.lesson());
            String judgedByMaven = v.name().equals("exercise") ? maven.failsForTheRightReason() : passes(maven);
            String judgedFast = v.name().equals("exercise") ? fast.get(v).failsForTheRightReason() : passes(fast.get(v));
            problems.addAll(disagreement(v, maven, judgedByMaven, fast.get(v), judgedFast));
        }

        System.out.println();
        System.out.printf("  %-28s %-22s %-22s %s%n", "lesson", "exercise fails?", "solution passes?", "");
        for (String lesson : lessons) {
            List<String> exerciseVerdicts = new ArrayList<>();
            List<String> solutionVerdicts = new ArrayList<>();
            judgeExercise(lesson, "", exercises.get(lesson), exerciseVerdicts);
            judgeExercise(lesson, "on one CPU: ", exercisesPinned.get(lesson), exerciseVerdicts);
            for (String where : List.of("", "on one CPU: ")) {
                Outcome o = (where.isEmpty() ? solutionsAll : solutionsPinned).get(lesson);
                if (o != null && !passes(o).isEmpty()) {
                    solutionVerdicts.add(where + passes(o));
                }
            }
            String exerciseWhy = String.join("; ", exerciseVerdicts);
            String solutionWhy = String.join("; ", solutionVerdicts);
            System.out.printf("  %-28s %-22s %-22s %s%n", lesson,
                    (exerciseWhy.isEmpty() ? "yes" : "NO") + (pinned ? " (1 and 2 CPUs)" : ""),
                    (solutionWhy.isEmpty() ? "yes" : "NO") + (pinned ? " (1 and 2 CPUs)" : ""),
                    (exerciseWhy + " " + solutionWhy).strip());
            exerciseVerdicts.forEach(v -> problems.add(lesson + ": exercise " + v));
            solutionVerdicts.forEach(v -> problems.add(lesson + ": solution " + v));
        }

        System.out.println();
        System.out.println("3/5  every wrong fix in wrong-fixes/ is caught by the test it names"
                + (pinned ? ", on 2 CPUs and on 1" : "") + "; the fast path agrees with Maven");
        int wrongFixes = checkFixes(Fix.Kind.WRONG, List.of(), problems);

        System.out.println();
        System.out.println("4/5  every right fix in right-fixes/ passes every test" + (pinned ? ", on 2 CPUs and on 1" : "")
                + "; the fast path agrees with Maven");
        int rightFixes = checkFixes(Fix.Kind.RIGHT, List.of(), problems);

        System.out.println();
        System.out.println("5/5  code quoted in READMEs matches the files; the CI, autograding and IDE files are"
                + " current and name only commands that exist");
        problems.addAll(checkQuotedCode());
        problems.addAll(checkCiFiles());
        problems.addAll(checkIdeFiles(false));

        System.out.println();
        if (problems.isEmpty()) {
            System.out.println("check passed: " + lessons.size() + " exercises fail as intended, "
                    + lessons.size() + " solutions pass, " + wrongFixes + " wrong fixes are caught, " + rightFixes
                    + " right fixes pass" + (pinned ? " (each on 2 CPUs and on 1)" : " (taskset missing: not on 1 CPU)")
                    + ", the fast path agrees with Maven on each, quoted code and CI files are current.");
            return 0;
        }
        System.out.println("check FAILED:");
        problems.forEach(p -> System.out.println("  - " + p));
        return 1;
    }

    /** Adds why the exercise did not fail as intended, unless a test skipped on this JDK explains it. */
    static void judgeExercise(String lesson, String where, Outcome o, List<String> verdicts) {
        if (o == null) {
            return;
        }
        String verdict = o.failsForTheRightReason();
        if (verdict.isEmpty()) {
            return;
        }
        if (!o.skipped().isEmpty()) {
            // A test that cannot run on this JDK (it says why) cannot prove anything here; the strict proof is the
            // run on a JDK where it does run. Reported, not fatal.
            System.out.println("  note: " + lesson + " skipped " + o.skipped().size() + " test(s) on this JDK, and"
                    + " its other tests did not catch the race " + where + "this time: not proven here (" + verdict
                    + ")");
            return;
        }
        verdicts.add(where + verdict);
    }

    /** Empty when every test ran and passed; otherwise why not. */
    static String passes(Outcome o) {
        return o.passed() ? "" : o.compiled() ? (o.failures().size() + " of " + o.tests() + " tests fail: "
                + o.failures().stream().map(Failure::test).collect(Collectors.joining(", "))) : "no tests ran";
    }

    static final String ONE_CPU = "0";
    static final String NO_TASKSET = "     note: no taskset on this machine (it is Linux-only), so nothing runs pinned"
            + " to one CPU here; CI on Linux does.";

    /** True when taskset can pin a process to one CPU here. */
    static boolean canPin() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("taskset", "-c", ONE_CPU, "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The wrong-fixes and right-fixes commands: only that part of check, optionally for some lessons only. */
    static int fixesOnly(Fix.Kind kind, List<String> lessons) throws Exception {
        List<String> problems = new ArrayList<>();
        int count = checkFixes(kind, lessons, problems);
        System.out.println();
        if (problems.isEmpty()) {
            System.out.println("all " + count + " " + kind.folder + " " + kind.verdict + ".");
            return 0;
        }
        problems.forEach(p -> System.out.println("  - " + p));
        return 1;
    }

    static final Pattern CAUGHT_BY = Pattern.compile("Caught by: ([\\w, ]+)");

    /**
     * A fix kept as code: a folder wrong-fixes/LESSON/NAME or right-fixes/LESSON/NAME, a whole source folder that
     * replaces the lesson's src/main/java. A wrong fix names the test(s) that must fail on it in a line
     * "Caught by: testMethod"; a right fix must pass every test.
     */
    record Fix(Kind kind, String lesson, String name, Path sources) {

        enum Kind {
            WRONG("wrong-fixes", "wrong-", "are caught"), RIGHT("right-fixes", "right-", "pass");

            final String folder;
            final String prefix;
            final String verdict;

            Kind(String folder, String prefix, String verdict) {
                this.folder = folder;
                this.prefix = prefix;
                this.verdict = verdict;
            }
        }

        static List<Fix> all(Kind kind) throws IOException {
            Path root = ROOT.resolve(kind.folder);
            if (!Files.isDirectory(root)) {
                return List.of();
            }
            try (Stream<Path> dirs = Files.walk(root, 2)) {
                return dirs.filter(p -> root.relativize(p).getNameCount() == 2 && Files.isDirectory(p)).sorted()
                        .map(p -> new Fix(kind, p.getParent().getFileName().toString(), p.getFileName().toString(),
                                p))
                        .collect(Collectors.toList());
            }
        }

        String variant() {
            return kind.prefix + name;
        }

        /** The Maven arguments that build and test the lesson against this fix, in its own build folder. */
        List<String> properties() {
            return List.of("-Dworkbook.variant=" + variant(), "-Dworkbook.sources=" + sources);
        }

        List<String> caughtBy() throws IOException {
            List<String> expected = new ArrayList<>();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = CAUGHT_BY.matcher(Files.readString(java));
                    while (m.find()) {
                        for (String test : m.group(1).split(",")) {
                            expected.add(test.strip());
                        }
                    }
                }
            }
            return expected;
        }

        /** Empty when this run gave the fix its right verdict; otherwise why not. */
        String judge(Outcome o) throws IOException {
            if (kind == Kind.RIGHT) {
                return passes(o);
            }
            List<String> expected = caughtBy();
            if (expected.isEmpty()) {
                return "names no test (add a line \"Caught by: testMethod\")";
            }
            String verdict = o.failsForTheRightReason();
            List<String> failed = o.failures().stream().map(Failure::test).toList();
            if (verdict.isEmpty() && !failed.containsAll(expected)) {
                verdict = "expected " + expected + " to fail, but failed: " + failed;
            }
            if (!verdict.isEmpty() && expected.stream().anyMatch(o.skipped()::contains)) {
                // As for the exercises: a test that cannot run on this JDK proves nothing here, either way.
                System.out.println("  note: " + lesson + "/" + name + ": " + expected + " skipped on this JDK: not"
                        + " proven here (" + verdict + ")");
                return "";
            }
            return verdict;
        }
    }

    /**
     * Builds and tests the lesson against each fix of one kind (once on all CPUs, then, where taskset exists, the
     * same compiled classes again pinned to one CPU), and adds a problem for every wrong verdict.
     */
    static int checkFixes(Fix.Kind kind, List<String> lessons, List<String> problems) throws Exception {
        List<Fix> fixes = Fix.all(kind).stream().filter(f -> lessons.isEmpty() || lessons.contains(f.lesson()))
                .toList();
        boolean pinned = canPin();
        if (!pinned) {
            System.out.println(NO_TASKSET);
        }
        Runner runner = Runner.prepare();
        System.out.printf("  %-28s %-34s %-9s %-9s %-9s %s%n", "lesson", kind.folder, "2 CPUs", "1 CPU", "fast",
                "");
        for (Fix fix : fixes) {
            List<String> build = new ArrayList<>(List.of("test", "-pl", fix.lesson(), "-am",
                    "-Dmaven.test.failure.ignore=true"));
            build.addAll(fix.properties());
            maven(fix.variant(), build, null);
            Outcome byMaven = Outcome.read(fix.lesson(), fix.variant());
            String all = fix.judge(byMaven);
            Variant v = new Variant(fix.lesson(), fix.variant(), fix.sources());
            Outcome fast = runFast(List.of(v), runner, null).get(v);
            List<String> disagreements = disagreement(v, byMaven, all, fast, fix.judge(fast));
            problems.addAll(disagreements);
            String one = "";
            if (pinned) {
                // The same build again: nothing is left to compile, so it only runs the tests, pinned.
                maven(fix.variant() + "-1cpu", build, ONE_CPU);
                one = fix.judge(Outcome.read(fix.lesson(), fix.variant()));
            }
            String detail = all.isEmpty() && one.isEmpty()
                    ? (kind == Fix.Kind.WRONG ? "by " + String.join(", ", fix.caughtBy()) : "")
                    : ((all.isEmpty() ? "" : "2 CPUs: " + all + " ") + (one.isEmpty() ? "" : "1 CPU: " + one)).strip();
            System.out.printf("  %-28s %-34s %-9s %-9s %-9s %s%n", fix.lesson(), fix.name(), mark(all),
                    pinned ? mark(one) : "-", disagreements.isEmpty() ? "agrees" : "DIFFERS", detail);
            if (!all.isEmpty()) {
                problems.add(fix.lesson() + ": " + kind.prefix + "fix " + fix.name() + " on all CPUs: " + all);
            }
            if (!one.isEmpty()) {
                problems.add(fix.lesson() + ": " + kind.prefix + "fix " + fix.name() + " on one CPU: " + one);
            }
        }
        return fixes.size();
    }

    /**
     * Problems when the fast path (tools/runner) and Maven's surefire disagree on a variant: other tests, or another
     * verdict (solved or not, and the judgement check gives it).
     */
    static List<String> disagreement(Variant v, Outcome maven, String judgedByMaven, Outcome fast, String judgedFast) {
        List<String> problems = new ArrayList<>();
        String what = v.lesson() + " " + v.name() + ": the fast path and Maven disagree: ";
        if (!new java.util.TreeSet<>(maven.testNames()).equals(new java.util.TreeSet<>(fast.testNames()))) {
            problems.add(what + "Maven ran " + maven.testNames() + ", the fast path " + fast.testNames()
                    + (fast.errors().isEmpty() ? "" : " (" + fast.errors().get(0) + ")"));
        }
        if (maven.passed() != fast.passed() || judgedByMaven.isEmpty() != judgedFast.isEmpty()) {
            problems.add(what + "Maven says " + maven.state() + (judgedByMaven.isEmpty() ? "" : " (" + judgedByMaven
                    + ")") + ", the fast path " + fast.state() + (judgedFast.isEmpty() ? "" : " (" + judgedFast + ")"));
        }
        return problems;
    }

    static String mark(String verdict) {
        return verdict.isEmpty() ? "ok" : "WRONG";
    }

    // ---------------------------------------------------------------- CI files

    static final Path WORKFLOW = Path.of(".github/workflows/ci.yml");
    static final Path AUTOGRADING = Path.of(".github/classroom/autograding.json");
    /** Minutes GitHub Classroom gives each graded test. */
    static final int GRADING_TIMEOUT_MINUTES = 10;
    static final int POINTS_PER_LESSON = 10;

    /**
     * Checks that the GitHub Actions workflow and the Classroom autograding file parse, name only commands that
     * exist, and grade every lesson once; runs one graded command to prove it runs. With --write, first writes the
     * autograding file afresh from the root pom's lessons.
     */
    static int ciFiles(List<String> args) throws Exception {
        if (args.contains("--write")) {
            Files.createDirectories(ROOT.resolve(AUTOGRADING).getParent());
            Files.writeString(ROOT.resolve(AUTOGRADING), autograding());
            System.out.println("wrote " + AUTOGRADING);
        }
        List<String> problems = checkCiFiles();
        problems.forEach(p -> System.out.println("  - " + p));
        return problems.isEmpty() ? 0 : 1;
    }

    static String autograding() throws IOException {
        StringBuilder out = new StringBuilder("{\n  \"tests\": [");
        String separator = "\n";
        for (String lesson : lessons()) {
            out.append(separator).append("    {\"name\": ").append(quote(lesson))
                    .append(", \"setup\": \"\", \"run\": ").append(quote(CHECK_LESSON + " " + lesson))
                    .append(", \"input\": \"\", \"output\": \"\", \"comparison\": \"included\", \"timeout\": ")
                    .append(GRADING_TIMEOUT_MINUTES).append(", \"points\": ").append(POINTS_PER_LESSON).append("}");
            separator = ",\n";
        }
        return out.append("\n  ]\n}\n").toString();
    }

    static final String CHECK_LESSON = "java tools/Workbook.java check-lesson";
    static final Set<String> COMMANDS = Set.of("progress", "check", "check-lesson", "wrong-fixes", "right-fixes",
            "rates", "ci-files", "ide-files", "watch", "hint", "reset", "solution");

    static List<String> checkCiFiles() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> lessons = lessons();
        // The autograding file: JSON, one test per lesson, each calling check-lesson for it.
        List<String> graded = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        try {
            Object json = new Json(Files.readString(ROOT.resolve(AUTOGRADING))).value();
            for (Object test : (List<?>) ((Map<?, ?>) json).get("tests")) {
                String run = (String) ((Map<?, ?>) test).get("run");
                commands.add(run);
                if (run.startsWith(CHECK_LESSON + " ")) {
                    graded.add(run.substring(CHECK_LESSON.length() + 1).strip());
                } else {
                    problems.add(AUTOGRADING + ": a graded test runs '" + run + "', not " + CHECK_LESSON);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(AUTOGRADING + " does not parse as the autograding file: " + e);
        }
        if (!graded.equals(lessons)) {
            problems.add(AUTOGRADING + " grades " + graded + ", but the lessons are " + lessons
                    + " (java tools/Workbook.java ci-files --write)");
        }
        // The workflow: YAML (parsed where Python's yaml module is installed), every run line a known command.
        Path workflow = ROOT.resolve(WORKFLOW);
        List<String> runs = yamlRunLines(workflow, problems);
        commands.addAll(runs);
        for (String command : commands) {
            String why = unknownCommand(command, lessons);
            if (!why.isEmpty()) {
                problems.add("'" + command + "': " + why);
            }
        }
        System.out.println("  " + WORKFLOW + ": " + runs.size() + " commands; " + AUTOGRADING + ": " + graded.size()
                + " graded lessons");
        if (!graded.isEmpty() && problems.isEmpty()) {
            // One graded command, run as Classroom runs it: it must give a verdict, not a usage error.
            Run run = command("grading-" + graded.get(0), List.of(CHECK_LESSON.split(" ")), graded.get(0));
            if (run.exitCode() > 1 || !run.log().startsWith(graded.get(0) + " ")) {
                problems.add("'" + CHECK_LESSON + " " + graded.get(0) + "' gave no verdict (exit " + run.exitCode()
                        + "); see " + ROOT.relativize(run.logFile()));
            }
        }
        return problems;
    }

    /** The run: lines of a workflow; the file is parsed as YAML first where python3 with yaml is installed. */
    static List<String> yamlRunLines(Path workflow, List<String> problems) throws Exception {
        if (!Files.exists(workflow)) {
            problems.add(ROOT.relativize(workflow) + " is missing");
            return List.of();
        }
        String script = "import sys, yaml\n"
                + "doc = yaml.safe_load(open(sys.argv[1]))\n"
                + "for job in doc['jobs'].values():\n"
                + "    for step in job['steps']:\n"
                + "        if 'run' in step: print(step['run'].strip().replace('\\n', ' ; '))\n";
        try {
            Process p = new ProcessBuilder("python3", "-c", script, workflow.toString()).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) {
                return out.lines().toList();
            }
            if (!out.contains("No module named 'yaml'")) {
                problems.add(ROOT.relativize(workflow) + " does not parse as YAML: " + tail(out, 3));
                return List.of();
            }
        } catch (IOException noPython) {
            // Falls through to the plain reading below.
        }
        System.out.println("  note: no python3 with yaml here, so " + ROOT.relativize(workflow)
                + " is read line by line, not parsed");
        return Files.readAllLines(workflow).stream().map(String::strip).filter(l -> l.startsWith("run: "))
                .map(l -> l.substring(5)).toList();
    }

    /** Empty when a CI command is one the workbook documents and its lesson names exist; otherwise why not. */
    static String unknownCommand(String command, List<String> lessons) {
        String first = command.split(" ;| &&| \\|\\|")[0].strip();
        List<String> words = List.of(first.split("\\s+"));
        List<String> named = new ArrayList<>();
        if (first.startsWith("java tools/Workbook.java")) {
            String sub = words.size() > 2 ? words.get(2) : "progress";
            if (!COMMANDS.contains(sub) && !sub.startsWith("--")) {
                return "Workbook.java has no command " + sub;
            }
            if (sub.equals("check-lesson")) {
                named.add(words.size() > 3 ? words.get(3) : "(none)");
            }
        } else if (words.get(0).equals("./mvnw") || words.get(0).equals("mvnw.cmd")) {
            int pl = words.indexOf("-pl");
            if (pl >= 0) {
                named.addAll(List.of(words.get(pl + 1).split(",")));
            }
        } else if (!words.get(0).equals(".ci/run")) {
            return "not a command the README gives (java tools/Workbook.java, ./mvnw, mvnw.cmd, .ci/run)";
        } else if (!Files.isExecutable(ROOT.resolve(".ci/run"))) {
            return ".ci/run is missing or not executable";
        }
        for (String lesson : named) {
            if (!lessons.contains(lesson)) {
                return "names " + lesson + ", which is not a lesson module";
            }
        }
        return "";
    }

    // ---------------------------------------------------------------- IDE files

    /**
     * The shared IntelliJ run configurations (.run/) and VS Code tasks (.vscode/tasks.json): one Maven test run per
     * lesson (with -am, so the harness is built too), one for the solutions profile, and the watch and progress
     * commands. Written from the root pom's lessons by "ide-files --write"; check fails when they are out of date.
     */
    static Map<Path, String> ideFiles() throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        StringBuilder tasks = new StringBuilder("{\n  \"version\": \"2.0.0\",\n  \"tasks\": [\n");
        tasks.append(task("workbook: watch (re-runs the current lesson on every save)", "java",
                List.of("tools/Workbook.java", "watch"), null)).append(",\n");
        tasks.append(task("workbook: progress", "java", List.of("tools/Workbook.java"), null)).append(",\n");
        for (String lesson : lessons()) {
            List<String> goals = List.of("test", "-pl", lesson, "-am");
            files.put(Path.of(".run", lesson + ".run.xml"), intellijMaven(lesson + ": test", goals, false));
            tasks.append(task(lesson + ": test", "./mvnw", goals, "test")).append(",\n");
        }
        files.put(Path.of(".run", "solutions.run.xml"), intellijMaven("solutions: verify", List.of("verify"), true));
        tasks.append(task("solutions: verify", "./mvnw", List.of("-Psolutions", "verify"), null)).append("\n");
        files.put(Path.of(".vscode", "tasks.json"), tasks.append("  ]\n}\n").toString());
        return files;
    }

    static String intellijMaven(String name, List<String> goals, boolean solutions) {
        StringBuilder goalOptions = new StringBuilder();
        goals.forEach(g -> goalOptions.append("              <option value=\"").append(g).append("\" />\n"));
        return """
                <component name="ProjectRunConfigurationManager">
                  <configuration default="false" name="NAME" type="MavenRunConfiguration" factoryName="Maven">
                    <MavenSettings>
                      <option name="myGeneralSettings" />
                      <option name="myRunnerSettings" />
                      <option name="myRunnerParameters">
                        <MavenRunnerParameters>
                          <option name="goals">
                            <list>
                GOALS            </list>
                          </option>
                          <option name="multimoduleDir" />
                          <option name="pomFileName" value="pom.xml" />
                          <option name="profilesMap">
                            <map>PROFILES</map>
                          </option>
                          <option name="resolveToWorkspace" value="false" />
                          <option name="workingDirPath" value="$PROJECT_DIR$" />
                        </MavenRunnerParameters>
                      </option>
                    </MavenSettings>
                    <method v="2" />
                  </configuration>
                </component>
                """.replace("NAME", name).replace("GOALS", goalOptions)
                .replace("PROFILES", solutions ? "\n                <entry key=\"solutions\" value=\"true\" />\n"
                        + "              " : "");
    }

    static String task(String label, String command, List<String> args, String group) {
        String windows = command.equals("./mvnw") ? ", \"windows\": {\"command\": \".\\\\mvnw.cmd\"}" : "";
        return "    {\"label\": " + quote(label) + ", \"type\": \"shell\", \"command\": " + quote(command) + windows
                + ", \"args\": [" + args.stream().map(WorkbookCli::quote).collect(Collectors.joining(", ")) + "]"
                + (group == null ? "" : ", \"group\": " + quote(group)) + ", \"problemMatcher\": []}";
    }

    static int ideFilesCommand(List<String> args) throws Exception {
        List<String> problems = checkIdeFiles(args.contains("--write"));
        problems.forEach(p -> System.out.println("  - " + p));
        return problems.isEmpty() ? 0 : 1;
    }

    static List<String> checkIdeFiles(boolean write) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Path, String> file : ideFiles().entrySet()) {
            Path path = ROOT.resolve(file.getKey());
            if (write) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            } else if (!Files.exists(path) || !Files.readString(path).equals(file.getValue())) {
                problems.add(file.getKey() + " is out of date (java tools/Workbook.java ide-files --write)");
            }
        }
        try (Stream<Path> runs = Files.isDirectory(ROOT.resolve(".run")) ? Files.list(ROOT.resolve(".run"))
                : Stream.empty()) {
            for (Path run : runs.toList()) {
                if (!ideFiles().containsKey(ROOT.relativize(run))) {
                    problems.add(ROOT.relativize(run) + " runs no lesson of the root pom");
                }
            }
        }
        new Json(ideFiles().get(Path.of(".vscode", "tasks.json"))).value();
        return problems;
    }

    /** Runs java with the given arguments (the first is "java"), as a separate process, output to a log. */
    static Run command(String name, List<String> javaCommand, String lastArgument) throws Exception {
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        List<String> command = new ArrayList<>(javaCommand);
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(lastArgument);
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        return new Run(exit, Files.readString(log, StandardCharsets.UTF_8), log);
    }

    /** Just enough JSON for the autograding file: objects, arrays, strings, numbers, true, false, null. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            Object v = next();
            skipSpace();
            if (at != text.length()) {
                throw error("text after the value");
            }
            return v;
        }

        private Object next() {
            skipSpace();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                skipSpace();
                if (peek('}')) {
                    return object;
                }
                do {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    object.put(key, next());
                    skipSpace();
                } while (peek(','));
                expect('}');
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                skipSpace();
                if (peek(']')) {
                    return array;
                }
                do {
                    array.add(next());
                    skipSpace();
                } while (peek(','));
                expect(']');
                return array;
            }
            if (c == '"') {
                return string();
            }
            Matcher m = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?|true|false|null").matcher(text)
                    .region(at, text.length());
            if (!m.lookingAt()) {
                throw error("unexpected '" + c + "'");
            }
            at = m.end();
            return switch (m.group()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.parseDouble(m.group());
            };
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            expect('"');
            return out.toString();
        }

        private boolean peek(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + at);
        }
    }

    static final Pattern CODE_MARKER = Pattern.compile("<!-- code: (\\S+) -->\\s*\\R```[a-z]*\\R(.*?)\\R```",
            Pattern.DOTALL);

    static List<String> checkQuotedCode() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> readmes;
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            readmes = files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.toString().contains(File.separator + "target" + File.separator))
                    .sorted().collect(Collectors.toList());
        }
        int blocks = 0;
        for (Path readme : readmes) {
            Matcher m = CODE_MARKER.matcher(Files.readString(readme));
            while (m.find()) {
                blocks++;
                Path source = ROOT.resolve(m.group(1));
                String where = ROOT.relativize(readme) + " quotes " + m.group(1);
                if (!Files.exists(source)) {
                    problems.add(where + ", which does not exist");
                } else if (!normalised(Files.readString(source)).contains(normalised(m.group(2)))) {
                    problems.add(where + ", but those lines are not in the file (update the README)");
                }
            }
        }
        System.out.println("  " + blocks + " quoted blocks in " + readmes.size() + " Markdown files, "
                + problems.size() + " out of date");
        return problems;
    }

    static String normalised(String text) {
        return text.replace("\r\n", "\n").lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }

    // ---------------------------------------------------------------- rates

    static int rates(List<String> args) throws Exception {
        int runs = 10;
        String cpus = null;
        List<String> lessons = lessons();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--runs" -> runs = Integer.parseInt(args.get(++i));
                case "--cpus" -> cpus = args.get(++i);
                case "--lessons" -> lessons = List.of(args.get(++i).split(","));
                default -> {
                    System.err.println("rates [--runs N] [--cpus LIST] [--lessons a,b]");
                    return 2;
                }
            }
        }
        String modules = String.join(",", lessons);
        System.out.println("Compiling once…");
        maven("rates-compile", List.of("-o", "test-compile", "-pl", modules, "-am"), null);
        maven("rates-compile", List.of("-o", "-Psolutions", "test-compile", "-pl", modules, "-am"), null);

        Map<String, Tally> tallies = new LinkedHashMap<>();
        lessons.forEach(l -> tallies.put(l, new Tally()));
        for (int r = 1; r <= runs; r++) {
            System.out.printf("run %d/%d%s%n", r, runs, cpus == null ? "" : " on CPU " + cpus);
            for (String variant : List.of("exercise", "solution")) {
                List<String> goals = new ArrayList<>(List.of("-o", "test", "-pl", modules, "-am",
                        "-Dmaven.test.failure.ignore=true"));
                if (variant.equals("solution")) {
                    goals.add(0, "-Psolutions");
                }
                Run run = maven("rates-" + variant, goals, cpus);
                if (!run.log().contains("Tests run:")) {
                    System.out.println(tail(run.log(), 30));
                    System.out.println("No tests ran; see " + ROOT.relativize(run.logFile()));
                    return 1;
                }
                for (String lesson : lessons) {
                    tallies.get(lesson).add(variant, Outcome.read(lesson, variant));
                }
            }
        }
        int cores = cpus == null ? Runtime.getRuntime().availableProcessors() : cpus.split("[,-]").length;
        System.out.println();
        System.out.printf("Detection over %d runs, %s, %s%n", runs,
                cpus == null ? "all " + cores + " CPUs" : "pinned with taskset -c " + cpus,
                "Java " + System.getProperty("java.version"));
        System.out.printf("  %-28s %-18s %-18s %-14s %s%n", "lesson", "exercise failed", "solution passed",
                "median (ex.)", "median (sol.)");
        for (String lesson : lessons) {
            Tally t = tallies.get(lesson);
            System.out.printf("  %-28s %-18s %-18s %-14s %s%n", lesson, t.exerciseFailedRight + "/" + runs,
                    t.solutionPassed + "/" + runs, t.median(t.exerciseSeconds), t.median(t.solutionSeconds));
        }
        System.out.println();
        System.out.println("Per test, how often the exercise failed it:");
        int total = runs;
        tallies.forEach((lesson, t) -> t.failuresPerTest.forEach((test, n) ->
                System.out.printf("  %-28s %-60s %d/%d%n", lesson, test, n, total)));
        return 0;
    }

    /** Counts for one lesson across runs. */
    static final class Tally {
        int exerciseFailedRight;
        int solutionPassed;
        final List<Double> exerciseSeconds = new ArrayList<>();
        final List<Double> solutionSeconds = new ArrayList<>();
        final Map<String, Integer> failuresPerTest = new LinkedHashMap<>();

        void add(String variant, Outcome o) {
            if (variant.equals("exercise")) {
                if (o.failsForTheRightReason().isEmpty()) {
                    exerciseFailedRight++;
                }
                exerciseSeconds.add(o.seconds());
                o.testNames().forEach(t -> failuresPerTest.putIfAbsent(t, 0));
                o.failures().forEach(f -> failuresPerTest.merge(f.test(), 1, Integer::sum));
            } else {
                if (o.passed()) {
                    solutionPassed++;
                }
                solutionSeconds.add(o.seconds());
            }
        }

        String median(List<Double> values) {
            if (values.isEmpty()) {
                return "-";
            }
            List<Double> sorted = values.stream().sorted().collect(Collectors.toList());
            return String.format(Locale.ROOT, "%.2f s", sorted.get(sorted.size() / 2));
        }
    }

    // ---------------------------------------------------------------- Maven and its reports

    record Run(int exitCode, String log, Path logFile) {
    }

    /** Runs the Maven wrapper in batch mode with its output in target/workbook/NAME.log. */
    static Run maven(String name, List<String> goals, String cpus) throws Exception {
        Files.createDirectories(LOGS);
        int pl = goals.indexOf("-pl");
        deleteStaleReports(goals.stream().filter(g -> g.startsWith("-Dworkbook.variant=")).findFirst()
                .map(g -> g.substring(g.indexOf('=') + 1))
                .orElse(goals.contains("-Psolutions") ? "solution" : "exercise"),
                pl >= 0 ? List.of(goals.get(pl + 1).split(",")) : lessons());
        Path log = LOGS.resolve(name + ".log");
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(ROOT.resolve(windows ? "mvnw.cmd" : "mvnw").toString());
        command.add("-B");
        command.addAll(goals);
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        RUNNING.set(p);
        int exit;
        try {
            exit = p.waitFor();
        } finally {
            RUNNING.set(null);
        }
        return new Run(exit, Files.readString(log, StandardCharsets.UTF_8), log);
    }

    /** Reports left by an earlier run must not be mistaken for this run's (e.g. when a lesson no longer compiles). */
    static void deleteStaleReports(String variant, List<String> modules) throws IOException {
        for (String lesson : lessons().stream().filter(modules::contains).toList()) {
            Path reports = ROOT.resolve(lesson).resolve("target").resolve(variant).resolve("surefire-reports");
            if (Files.isDirectory(reports)) {
                try (Stream<Path> files = Files.walk(reports)) {
                    for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** The lesson modules, in the order the root pom lists them. */
    static List<String> lessons() throws IOException {
        Matcher m = Pattern.compile("<module>(lesson\\d\\d-[a-z0-9-]+)</module>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> lessons = new ArrayList<>();
        while (m.find()) {
            lessons.add(m.group(1));
        }
        return lessons;
    }

    record Failure(String test, String type, String message, boolean isError) {
    }

    /** What the surefire reports of one lesson variant say. */
    record Outcome(String lesson, int tests, List<Failure> failures, List<String> testNames, double seconds,
            List<String> skipped, List<String> errors) {

        static Outcome broken(String lesson, List<String> compileErrors) {
            return new Outcome(lesson, 0, List.of(), List.of(), 0, List.of(), compileErrors);
        }

        static Outcome read(String lesson, String variant) throws Exception {
            return read(lesson, ROOT.resolve(lesson).resolve("target").resolve(variant).resolve("surefire-reports"));
        }

        static Outcome read(String lesson, Path reports) throws Exception {
            int tests = 0;
            double seconds = 0;
            List<Failure> failures = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            if (Files.isDirectory(reports)) {
                List<Path> xmls;
                try (Stream<Path> files = Files.list(reports)) {
                    xmls = files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted()
                            .collect(Collectors.toList());
                }
                for (Path xml : xmls) {
                    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
                    Element suite = doc.getDocumentElement();
                    seconds += Double.parseDouble(suite.getAttribute("time").replace(",", ""));
                    NodeList cases = suite.getElementsByTagName("testcase");
                    for (int i = 0; i < cases.getLength(); i++) {
                        Element c = (Element) cases.item(i);
                        tests++;
                        String test = c.getAttribute("name");
                        names.add(test);
                        if (c.getElementsByTagName("skipped").getLength() > 0) {
                            skipped.add(test);
                        }
                        for (String kind : List.of("failure", "error")) {
                            NodeList problems = c.getElementsByTagName(kind);
                            if (problems.getLength() > 0) {
                                Element f = (Element) problems.item(0);
                                String message = f.getAttribute("message").isEmpty() ? f.getTextContent()
                                        : f.getAttribute("message");
                                failures.add(new Failure(test, f.getAttribute("type"), message,
                                        kind.equals("error")));
                            }
                        }
                    }
                }
            }
            return new Outcome(lesson, tests, failures, names, seconds, skipped, List.of());
        }

        boolean compiled() {
            return tests > 0;
        }

        boolean passed() {
            return tests > 0 && failures.isEmpty();
        }

        int passedCount() {
            return tests - failures.size();
        }

        /** As the progress table shows it: solved, failing, or broken (nothing ran). */
        String state() {
            return passed() ? "solved" : compiled() ? "failing" : "broken";
        }

        /** Empty when the exercise fails as intended; otherwise why not. */
        String failsForTheRightReason() {
            if (tests == 0) {
                return "did not compile or ran no tests";
            }
            if (failures.isEmpty()) {
                return "PASSES: all " + tests + " tests are green on the unfixed exercise";
            }
            List<String> wrong = new ArrayList<>();
            for (Failure f : failures) {
                if (f.isError()) {
                    wrong.add(f.test() + " ended with an error (" + f.type() + "), not an assertion");
                } else if (WRONG_REASONS.contains(f.type())) {
                    wrong.add(f.test() + " failed with " + simpleName(f.type()) + " (harness), not a race assertion");
                }
            }
            return String.join("; ", wrong);
        }
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().collect(Collectors.toList());
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static String firstLines(String text, int lines) {
        List<String> all = text.strip().lines().collect(Collectors.toList());
        String shown = String.join("\n", all.subList(0, Math.min(lines, all.size())));
        return all.size() > lines ? shown + "\n…" : shown;
    }

    static String indent(String text) {
        return text.lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
    }
}
