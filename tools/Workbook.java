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
 *   (no command)  progress   run every lesson's tests and show which are solved, and what to do next
 *   check                    maintainers and CI: every solution passes, every exercise fails on its race assertion,
 *                            every wrong fix in wrong-fixes/ is caught by the test it names, every right fix in
 *                            right-fixes/ passes every test, each on all CPUs and again pinned to one CPU with
 *                            taskset (where it exists), and code quoted in READMEs matches the files
 *   wrong-fixes [lesson…]    only the wrong-fixes part of check
 *   right-fixes [lesson…]    only the right-fixes part of check
 *   rates [--runs N] [--cpus LIST] [--lessons a,b]
 *                            run each lesson N times as exercise and as solution (optionally pinned with taskset)
 *                            and print detection rates and median test times
 * </pre>
 */
public class Workbook {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path LOGS = ROOT.resolve("target/workbook");
    /** Failure types that mean "the harness stopped or rethrew", i.e. the exercise failed for the wrong reason. */
    static final Set<String> WRONG_REASONS = Set.of("workbook.harness.WorkersStuck", "workbook.harness.WorkerFailed");

    public static void main(String[] args) throws Exception {
        if (!Files.exists(ROOT.resolve("pom.xml")) || !Files.isDirectory(ROOT.resolve("tools"))) {
            System.err.println("Run this from the workbook's root folder: java tools/Workbook.java");
            System.exit(2);
        }
        String command = args.length == 0 ? "progress" : args[0];
        int status = switch (command) {
            case "progress" -> progress();
            case "check" -> check();
            case "wrong-fixes" -> fixesOnly(Fix.Kind.WRONG, List.of(args).subList(1, args.length));
            case "right-fixes" -> fixesOnly(Fix.Kind.RIGHT, List.of(args).subList(1, args.length));
            case "rates" -> rates(List.of(args).subList(1, args.length));
            default -> {
                System.err.println("Unknown command '" + command + "'. Commands: progress (default), check,"
                        + " wrong-fixes, right-fixes, rates");
                yield 2;
            }
        };
        System.exit(status);
    }

    // ---------------------------------------------------------------- progress

    static int progress() throws Exception {
        List<String> lessons = lessons();
        System.out.println("Running the tests of all " + lessons.size() + " lessons (under a minute)…");
        // The harness's own tests (harness-tests) are for maintainers; the student's loop skips them.
        Run run = maven("progress", List.of("test", "-Dmaven.test.failure.ignore=true", "-pl", "!harness-tests"),
                null);
        if (!run.log().contains("Reactor Summary") && run.exitCode() != 0) {
            System.out.println(tail(run.log(), 40));
            System.out.println("\nMaven did not run; see " + run.logFile());
            return 1;
        }
        System.out.println();
        System.out.printf("  %-28s %-10s %s%n", "lesson", "state", "tests");
        String next = null;
        for (String lesson : lessons) {
            Outcome o = Outcome.read(lesson, "exercise");
            String state = o.compiled() ? (o.passed() ? "solved" : "failing") : "broken";
            System.out.printf("  %-28s %-10s %s%n", lesson, state,
                    o.compiled() ? (o.tests() - o.failures().size()) + " of " + o.tests() + " pass"
                            : "does not compile or no tests ran");
            if (next == null && !o.passed()) {
                next = lesson;
            }
        }
        System.out.println();
        if (next == null) {
            System.out.println("All lessons are solved. Compare yours with solutions/, then read the instructor"
                    + " guide's discussion questions (docs/instructor-guide.md).");
            return 0;
        }
        String lesson = next;
        Outcome o = Outcome.read(lesson, "exercise");
        System.out.println("Next: " + lesson);
        System.out.println("  read   " + lesson + "/README.md (hints at the end, folded)");
        System.out.println("  edit   " + lesson + "/src/main/java/");
        System.out.println("  run    ./mvnw test -pl " + lesson + " -am");
        System.out.println();
        if (!o.compiled()) {
            System.out.println("It does not compile:");
            run.log().lines().filter(l -> l.startsWith("[ERROR]") && l.contains(lesson) && l.contains(".java"))
                    .limit(10).forEach(System.out::println);
        } else {
            Failure first = o.failures().get(0);
            System.out.println("Its first failing test, " + first.test() + ", says:");
            System.out.println(indent(firstLines(first.message(), 30)));
        }
        System.out.println("(Full Maven output: " + ROOT.relativize(run.logFile()) + ")");
        return 0;
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
                + (pinned ? ", on 2 CPUs and on 1" : ""));
        int wrongFixes = checkFixes(Fix.Kind.WRONG, List.of(), problems);

        System.out.println();
        System.out.println("4/5  every right fix in right-fixes/ passes every test" + (pinned ? ", on 2 CPUs and on 1" : ""));
        int rightFixes = checkFixes(Fix.Kind.RIGHT, List.of(), problems);

        System.out.println();
        System.out.println("5/5  code quoted in READMEs matches the files");
        problems.addAll(checkQuotedCode());

        System.out.println();
        if (problems.isEmpty()) {
            System.out.println("check passed: " + lessons.size() + " exercises fail as intended, "
                    + lessons.size() + " solutions pass, " + wrongFixes + " wrong fixes are caught, " + rightFixes
                    + " right fixes pass" + (pinned ? " (each on 2 CPUs and on 1)" : " (taskset missing: not on 1 CPU)")
                    + ", quoted code matches.");
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
        System.out.printf("  %-28s %-34s %-9s %-9s %s%n", "lesson", kind.folder, "2 CPUs", "1 CPU", "");
        for (Fix fix : fixes) {
            List<String> build = new ArrayList<>(List.of("test", "-pl", fix.lesson(), "-am",
                    "-Dmaven.test.failure.ignore=true"));
            build.addAll(fix.properties());
            maven(fix.variant(), build, null);
            String all = fix.judge(Outcome.read(fix.lesson(), fix.variant()));
            String one = "";
            if (pinned) {
                // The same build again: nothing is left to compile, so it only runs the tests, pinned.
                maven(fix.variant() + "-1cpu", build, ONE_CPU);
                one = fix.judge(Outcome.read(fix.lesson(), fix.variant()));
            }
            String detail = all.isEmpty() && one.isEmpty()
                    ? (kind == Fix.Kind.WRONG ? "by " + String.join(", ", fix.caughtBy()) : "")
                    : ((all.isEmpty() ? "" : "2 CPUs: " + all + " ") + (one.isEmpty() ? "" : "1 CPU: " + one)).strip();
            System.out.printf("  %-28s %-34s %-9s %-9s %s%n", fix.lesson(), fix.name(), mark(all),
                    pinned ? mark(one) : "-", detail);
            if (!all.isEmpty()) {
                problems.add(fix.lesson() + ": " + kind.prefix + "fix " + fix.name() + " on all CPUs: " + all);
            }
            if (!one.isEmpty()) {
                problems.add(fix.lesson() + ": " + kind.prefix + "fix " + fix.name() + " on one CPU: " + one);
            }
        }
        return fixes.size();
    }

    static String mark(String verdict) {
        return verdict.isEmpty() ? "ok" : "WRONG";
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
        deleteStaleReports(goals.stream().filter(g -> g.startsWith("-Dworkbook.variant=")).findFirst()
                .map(g -> g.substring(g.indexOf('=') + 1))
                .orElse(goals.contains("-Psolutions") ? "solution" : "exercise"));
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
        int exit = p.waitFor();
        return new Run(exit, Files.readString(log, StandardCharsets.UTF_8), log);
    }

    /** Reports left by an earlier run must not be mistaken for this run's (e.g. when a lesson no longer compiles). */
    static void deleteStaleReports(String variant) throws IOException {
        for (String lesson : lessons()) {
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
            List<String> skipped) {

        static Outcome read(String lesson, String variant) throws Exception {
            Path reports = ROOT.resolve(lesson).resolve("target").resolve(variant).resolve("surefire-reports");
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
            return new Outcome(lesson, tests, failures, names, seconds, skipped);
        }

        boolean compiled() {
            return tests > 0;
        }

        boolean passed() {
            return tests > 0 && failures.isEmpty();
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
