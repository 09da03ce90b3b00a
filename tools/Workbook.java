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
 *                            every wrong fix in wrong-fixes/ is caught by the test it names, and code quoted in
 *                            READMEs matches the files
 *   wrong-fixes              only the wrong-fixes part of check
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
            case "wrong-fixes" -> wrongFixes();
            case "rates" -> rates(List.of(args).subList(1, args.length));
            default -> {
                System.err.println("Unknown command '" + command + "'. Commands: progress (default), check,"
                        + " wrong-fixes, rates");
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

        System.out.println("1/4  ./mvnw -Psolutions verify   (every solution must pass)");
        Run solutions = maven("check-solutions", List.of("-Psolutions", "verify"), null);
        if (solutions.exitCode() != 0) {
            problems.add("./mvnw -Psolutions verify failed (exit " + solutions.exitCode() + "); see "
                    + ROOT.relativize(solutions.logFile()));
        }
        System.out.println("2/4  ./mvnw test                 (every exercise must fail on its race assertion)");
        maven("check-exercises", List.of("test", "-Dmaven.test.failure.ignore=true"), null);

        System.out.println();
        System.out.printf("  %-28s %-16s %-16s %s%n", "lesson", "exercise fails?", "solution passes?", "");
        for (String lesson : lessons) {
            Outcome ex = Outcome.read(lesson, "exercise");
            Outcome sol = Outcome.read(lesson, "solution");
            String exerciseVerdict = ex.failsForTheRightReason();
            String solutionVerdict = sol.passed() ? "" : sol.compiled()
                    ? (sol.failures().size() + " of " + sol.tests() + " tests fail") : "no tests ran";
            System.out.printf("  %-28s %-16s %-16s %s%n", lesson, exerciseVerdict.isEmpty() ? "yes" : "NO",
                    solutionVerdict.isEmpty() ? "yes" : "NO", exerciseVerdict + " " + solutionVerdict);
            if (!exerciseVerdict.isEmpty() && !ex.skipped().isEmpty()) {
                // A test that cannot run on this JDK (it says why) cannot prove anything here; the strict proof is
                // the run on a JDK where it does run. Reported, not fatal.
                System.out.println("  note: " + lesson + " skipped " + ex.skipped().size() + " test(s) on this JDK, and"
                        + " its other tests did not catch the race this time: not proven here (" + exerciseVerdict
                        + ")");
            } else if (!exerciseVerdict.isEmpty()) {
                problems.add(lesson + ": exercise " + exerciseVerdict);
            }
            if (!solutionVerdict.isEmpty()) {
                problems.add(lesson + ": solution " + solutionVerdict);
            }
        }

        System.out.println();
        System.out.println("3/4  every wrong fix in wrong-fixes/ is caught by the test it names");
        int wrongFixes = checkWrongFixes(problems);

        System.out.println();
        System.out.println("4/4  code quoted in READMEs matches the files");
        problems.addAll(checkQuotedCode());

        System.out.println();
        if (problems.isEmpty()) {
            System.out.println("check passed: " + lessons.size() + " exercises fail as intended, "
                    + lessons.size() + " solutions pass, " + wrongFixes + " wrong fixes are caught, quoted code"
                    + " matches.");
            return 0;
        }
        System.out.println("check FAILED:");
        problems.forEach(p -> System.out.println("  - " + p));
        return 1;
    }

    static int wrongFixes() throws Exception {
        List<String> problems = new ArrayList<>();
        int count = checkWrongFixes(problems);
        System.out.println();
        if (problems.isEmpty()) {
            System.out.println("all " + count + " wrong fixes are caught.");
            return 0;
        }
        problems.forEach(p -> System.out.println("  - " + p));
        return 1;
    }

    static final Pattern CAUGHT_BY = Pattern.compile("Caught by: ([\\w, ]+)");

    /**
     * Each folder wrong-fixes/LESSON/NAME is a source folder holding a plausible but wrong fix of that lesson's
     * exercise; a line "Caught by: testMethod" in it names the test(s) that must fail on it. Runs the lesson's tests
     * against each one and adds a problem for every wrong fix that gets through, or fails for the wrong reason.
     */
    static int checkWrongFixes(List<String> problems) throws Exception {
        Path root = ROOT.resolve("wrong-fixes");
        List<Path> fixes;
        try (Stream<Path> dirs = Files.isDirectory(root) ? Files.walk(root, 2) : Stream.empty()) {
            fixes = dirs.filter(p -> root.relativize(p).getNameCount() == 2 && Files.isDirectory(p)).sorted()
                    .collect(Collectors.toList());
        }
        System.out.printf("  %-28s %-30s %-8s %s%n", "lesson", "wrong fix", "caught?", "");
        for (Path fix : fixes) {
            String lesson = fix.getParent().getFileName().toString();
            String name = fix.getFileName().toString();
            String variant = "wrong-" + name;
            List<String> expected = new ArrayList<>();
            try (Stream<Path> files = Files.walk(fix)) {
                for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = CAUGHT_BY.matcher(Files.readString(java));
                    while (m.find()) {
                        for (String test : m.group(1).split(",")) {
                            expected.add(test.strip());
                        }
                    }
                }
            }
            maven("wrong-fix-" + name, List.of("test", "-pl", lesson, "-am", "-Dmaven.test.failure.ignore=true",
                    "-Dworkbook.variant=" + variant, "-Dworkbook.sources=" + fix), null);
            Outcome o = Outcome.read(lesson, variant);
            List<String> failed = o.failures().stream().map(Failure::test).toList();
            String verdict = o.failsForTheRightReason();
            if (expected.isEmpty()) {
                verdict = "names no test (add a line \"Caught by: testMethod\")";
            } else if (verdict.isEmpty() && !failed.containsAll(expected)) {
                verdict = "expected " + expected + " to fail, but failed: " + failed;
            }
            List<String> skippedHere = expected.stream().filter(o.skipped()::contains).toList();
            System.out.printf("  %-28s %-30s %-8s %s%n", lesson, name, verdict.isEmpty() ? "yes" : "NO",
                    verdict.isEmpty() ? "by " + String.join(", ", expected) : verdict);
            if (!verdict.isEmpty() && !skippedHere.isEmpty()) {
                // As for the exercises: a test that cannot run on this JDK proves nothing here, either way.
                System.out.println("  note: " + skippedHere + " skipped on this JDK: not proven here");
            } else if (!verdict.isEmpty()) {
                problems.add(lesson + ": wrong fix " + name + " " + verdict);
            }
        }
        return fixes.size();
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
