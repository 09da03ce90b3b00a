package workbook.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import workbook.cli.Variant.RunCondition;

/**
 * The self-check (check, wrong-fixes, right-fixes): every exercise fails on its race assertion, every
 * solution and right fix passes, every wrong fix is caught, on all CPUs and on one; the fast path agrees with Maven.
 */
final class Check {

    static int all(List<String> args) throws Exception {
        if (!OPTIONS.containsAll(args) || args.contains(FULL) && args.contains(SECOND_JDK)) {
            System.err.println("check [" + FULL + " | " + SECOND_JDK + "] [" + SOLUTIONS_VERIFIED + "]");
            return 2;
        }
        boolean full = args.contains(FULL);
        boolean secondJdk = args.contains(SECOND_JDK);
        boolean fixes = !secondJdk;
        List<String> lessons = Workspace.lessons();
        List<String> problems = new ArrayList<>();
        boolean pinned = canPin();
        Map<String, Long> took = new LinkedHashMap<>();
        long mark = System.nanoTime();

        Map<String, Outcome> solutionsAll = new LinkedHashMap<>();
        Map<String, Outcome> exercises = new LinkedHashMap<>();
        PreparedRunner runner = PreparedRunner.prepare();
        if (secondJdk) {
            System.out.println("1/5  on a second JDK: the exercises and solutions through the fast path only (Maven and"
                    + " every fix: check " + FULL + ")");
        } else {
            if (args.contains(SOLUTIONS_VERIFIED)) {
                System.out.println("1/5  ./mvnw -Psolutions verify   (every solution must pass): its reports, from the"
                        + " run just before this one");
            } else {
                System.out.println("1/5  ./mvnw -Psolutions verify   (every solution must pass)");
                Maven.Run solutions = Maven.run("check-solutions", List.of("-Psolutions", "verify"), null);
                if (solutions.exitCode() != 0) {
                    problems.add("./mvnw -Psolutions verify failed (exit " + solutions.exitCode() + "); see "
                            + Workspace.ROOT.relativize(solutions.logFile()) + Maven.errors(solutions.log()));
                }
                mark = lap(took, "solutions through Maven", mark);
            }
            for (String lesson : lessons) {
                solutionsAll.put(lesson, Outcome.read(lesson, "solution"));
            }
            System.out.println("2/5  ./mvnw test                 (every exercise must fail on its race assertion)");
            // The harness's, the runner's and the tool's own tests ran with the solutions; they do not depend on the
            // variant.
            Maven.run("check-exercises", List.of("test", "-pl", "!harness-tests,!tools/runner,!tools/cli",
                    "-Dmaven.test.failure.ignore=true"), null);
            for (String lesson : lessons) {
                exercises.put(lesson, Outcome.read(lesson, "exercise"));
            }
            mark = lap(took, "exercises through Maven", mark);
            System.out.println("     the exercises through the fast path as watch and progress run them, up to the"
                    + " first failing test, on 2 CPUs: the same verdicts and tests as Maven's");
            problems.addAll(failFastAgrees(lessons, exercises, runner));
            mark = lap(took, "exercises up to the first failure", mark);
        }
        List<Variant> fastVariants = new ArrayList<>();
        for (String lesson : lessons) {
            fastVariants.add(Variant.exercise(lesson));
            fastVariants.add(Variant.solution(lesson));
        }
        Map<String, Outcome> exercisesFast = new LinkedHashMap<>();
        Map<String, Outcome> solutionsFast = new LinkedHashMap<>();
        System.out.println("     every test of the exercises and solutions through the fast path, " + (pinned
                ? "pinned to one CPU (" + pinning() + ")" : "on all CPUs (" + NO_TASKSET.strip() + ")")
                + (secondJdk ? "" : "; each solution as Maven judged it"));
        Map<Variant, Outcome> fast = pinned ? pinned(fastVariants, runner, false)
                : FastPath.runFast(fastVariants, runner);
        fast.forEach((v, o) -> (v.kind() == Variant.Kind.EXERCISE ? exercisesFast : solutionsFast).put(v.lesson(), o));
        for (String lesson : solutionsAll.keySet()) {
            Outcome maven = solutionsAll.get(lesson);
            problems.addAll(disagreement(Variant.solution(lesson), maven, passes(maven), solutionsFast.get(lesson),
                    passes(solutionsFast.get(lesson))));
        }
        String fastWhere = pinned ? "on one CPU: " : "through the fast path: ";
        mark = lap(took, "both " + (pinned ? "on 1 CPU" : "on all CPUs"), mark);

        System.out.println();
        String cpus = !pinned ? "" : secondJdk ? " (1 CPU)" : " (1 and 2 CPUs)";
        System.out.printf("  %-28s %-22s %-22s %s%n", "lesson", "exercise fails?", "solution passes?", "");
        for (String lesson : lessons) {
            List<String> exerciseVerdicts = new ArrayList<>();
            List<String> solutionVerdicts = new ArrayList<>();
            judgeExercise(lesson, "", exercises.get(lesson), exerciseVerdicts);
            judgeExercise(lesson, fastWhere, exercisesFast.get(lesson), exerciseVerdicts);
            for (String where : List.of("", fastWhere)) {
                Outcome o = (where.isEmpty() ? solutionsAll : solutionsFast).get(lesson);
                if (o != null && !passes(o).isRight()) {
                    solutionVerdicts.add(where + passes(o));
                }
            }
            String exerciseWhy = String.join("; ", exerciseVerdicts);
            String solutionWhy = String.join("; ", solutionVerdicts);
            System.out.printf("  %-28s %-22s %-22s %s%n", lesson, (exerciseWhy.isEmpty() ? "yes" : "NO") + cpus,
                    (solutionWhy.isEmpty() ? "yes" : "NO") + cpus,
                    (exerciseWhy + " " + solutionWhy).strip());
            exerciseVerdicts.forEach(v -> problems.add(lesson + ": exercise " + v));
            solutionVerdicts.forEach(v -> problems.add(lesson + ": solution " + v));
        }

        int wrongFixes = 0;
        int rightFixes = 0;
        if (fixes) {
            Set<RunCondition> conditions = conditionsForFixes(full, pinned);
            System.out.println();
            System.out.println("3/5  every wrong fix in wrong-fixes/ is caught by the test it names, "
                    + say(conditions)
                    + (full ? "; the fast path agrees with Maven" : ", through the fast path, running only the tests"
                            + " it names (they alone decide its verdict)"));
            wrongFixes = checkFixes(Fix.Kind.WRONG, List.of(), conditions, full, problems);
            mark = lap(took, "wrong fixes", mark);

            System.out.println();
            System.out.println("4/5  every right fix in right-fixes/ passes every test, " + say(conditions)
                    + ", through the fast path");
            rightFixes = checkFixes(Fix.Kind.RIGHT, List.of(), conditions, false, problems);
            mark = lap(took, "right fixes", mark);
        }

        if (!secondJdk) { // files are the same on every JDK
            System.out.println();
            System.out.println("5/5  code quoted in READMEs matches the files; each lesson's catalogue (lesson.properties)"
                    + " agrees with its code; the CI, Classroom 50 and IDE files are current and name only commands"
                    + " that exist");
            problems.addAll(QuotedCode.check());
            for (String lesson : lessons) {
                problems.addAll(Lesson.agreesWithTheCode(lesson));
            }
            problems.addAll(CiFiles.check());
            problems.addAll(IdeFiles.check(false));
            lap(took, "files", mark);
        }

        System.out.println();
        System.out.println("time: " + seconds(took) + "; load average " + Text.loadAverage());
        if (problems.isEmpty()) {
            System.out.println("check passed: " + lessons.size() + " exercises fail as intended and "
                    + lessons.size() + " solutions pass" + (secondJdk ? (pinned ? " on one CPU" : "")
                    + " through the fast path (" + SECOND_JDK + ": no Maven, no fixes, no files check)" : (pinned
                    ? " (each on 2 CPUs and on 1)" : " (taskset missing: not on 1 CPU)") + ", the fast path agrees"
                    + " with Maven on every exercise and solution" + (full ? " and wrong fix" : "") + "; " + wrongFixes
                    + " wrong fixes are caught and " + rightFixes + " right fixes pass, " + (full && pinned
                    ? "each on 2 CPUs and on 1" : pinned ? "each on 1 CPU (check --full: on 2 CPUs too, and through"
                    + " Maven)" : "each on all CPUs")) + (secondJdk ? "." : "; quoted code and CI files are current."));
            return 0;
        }
        System.out.println("check FAILED:");
        problems.forEach(p -> System.out.println("  - " + p));
        return 1;
    }

    /**
     * Each exercise run as watch runs it after a save (fail fast): it must fail, on a race assertion, with one failure
     * and the tests after it reported not run, the same tests as Maven's; otherwise the problems.
     */
    static List<String> failFastAgrees(List<String> lessons, Map<String, Outcome> maven, PreparedRunner runner)
            throws Exception {
        List<Variant> variants = lessons.stream()
                .map(l -> Variant.exercise(l).under(RunCondition.WATCH)).toList();
        Map<Variant, Outcome> ran = FastPath.runFast(variants, runner);
        List<String> problems = new ArrayList<>();
        for (Variant v : variants) {
            Outcome o = ran.get(v);
            String what = v.lesson() + " exercise, up to the first failure: ";
            Verdict why = o.failsForTheRightReason();
            if (!why.isRight()) {
                problems.add(what + why);
                continue;
            }
            int first = o.testNames().indexOf(o.failures().get(0).test());
            if (o.failures().size() != 1 || !o.notRun().equals(o.testNames().subList(first + 1, o.tests()))) {
                problems.add(what + "expected one failure and the tests after it not run; failed "
                        + o.failures().stream().map(Failure::test).toList() + ", not run " + o.notRun() + " of "
                        + o.testNames());
            }
            Outcome byMaven = maven.get(v.lesson());
            problems.addAll(disagreement(v, byMaven, byMaven.failsForTheRightReason(), o, why));
        }
        return problems;
    }

    /** Adds why the exercise did not fail as intended, unless a test skipped on this JDK explains it. */
    static void judgeExercise(String lesson, String where, Outcome o, List<String> verdicts) {
        if (o == null) {
            return;
        }
        Verdict verdict = o.failsForTheRightReason();
        if (verdict.isRight()) {
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

    /** Right when every test ran and passed. */
    static Verdict passes(Outcome o) {
        return o.passed() ? Verdict.RIGHT : Verdict.wrong(o.compiled() ? (o.failures().size() + " of " + o.tests()
                + " tests fail: " + o.failures().stream().map(Failure::test).collect(Collectors.joining(", ")))
                : "no tests ran");
    }

    /** Notes the seconds since {@code mark} under {@code step}, and returns now. */
    static long lap(Map<String, Long> took, String step, long mark) {
        long now = System.nanoTime();
        took.put(step, Math.round((now - mark) / 1e9));
        return now;
    }

    /** "wrong fixes 139 s, right fixes 165 s": the steps noted by {@link #lap}, in order. */
    static String seconds(Map<String, Long> took) {
        return took.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " s")
                .collect(Collectors.joining(", "));
    }

    static final String ONE_CPU = "0";
    static final String FULL = "--full";
    /** CI's second JDK: the exercises and solutions through the fast path, pinned; Maven and fixes run nightly. */
    static final String SECOND_JDK = "--second-jdk";
    static final String SOLUTIONS_VERIFIED = "--solutions-verified";
    static final List<String> OPTIONS = List.of(FULL, SECOND_JDK, SOLUTIONS_VERIFIED);

    /**
     * Where fixes run: on one CPU, where taskset exists (where wrong fixes were accepted before: striped locks, an
     * unsynchronized get; and where a right fix runs slowest); with {@code full}, on all CPUs too.
     */
    static Set<RunCondition> conditionsForFixes(boolean full, boolean pinned) {
        return !pinned ? Set.of(RunCondition.ALL_CPUS) : full ? Set.of(RunCondition.ALL_CPUS, RunCondition.ONE_CPU)
                : Set.of(RunCondition.ONE_CPU);
    }

    static String say(Set<RunCondition> conditions) {
        return conditions.size() == 2 ? "on 2 CPUs and on 1" : conditions.contains(RunCondition.ONE_CPU) ? "on 1 CPU"
                : "on all CPUs";
    }
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
    static int fixesOnly(Fix.Kind kind, List<String> names) throws Exception {
        List<String> lessons = new ArrayList<>();
        for (String name : names) {
            String lesson = Workspace.lessonNamed(List.of(name));
            if (lesson == null) {
                return 2;
            }
            lessons.add(lesson);
        }
        List<String> problems = new ArrayList<>();
        Set<RunCondition> conditions = conditionsForFixes(true, canPin());
        int count = checkFixes(kind, lessons, conditions, kind == Fix.Kind.WRONG, problems);
        System.out.println();
        if (problems.isEmpty()) {
            System.out.println("all " + count + " " + kind.folder + " " + kind.verdict + ".");
            return 0;
        }
        problems.forEach(p -> System.out.println("  - " + p));
        return 1;
    }

    /**
     * Tests the lesson against each fix of one kind through the fast path, under each of {@code conditions}, and adds
     * a problem for every wrong verdict. With {@code maven} (wrong fixes, under --full), each fix also goes through
     * Maven, which the fast path must agree with on all CPUs.
     */
    static int checkFixes(Fix.Kind kind, List<String> lessons, Set<RunCondition> conditions, boolean maven,
            List<String> problems) throws Exception {
        List<Fix> fixes = new ArrayList<>(Fix.all(kind).stream()
                .filter(f -> lessons.isEmpty() || lessons.contains(f.lesson())).toList());
        if (!canPin()) {
            System.out.println(NO_TASKSET);
        }
        boolean onAll = conditions.contains(RunCondition.ALL_CPUS);
        boolean onOne = conditions.contains(RunCondition.ONE_CPU);
        PreparedRunner runner = PreparedRunner.prepare();
        // Compared with Maven, a fix runs every test, as Maven runs it; otherwise a wrong fix runs the tests it names.
        // A fix whose change no longer applies to its exercise is a problem that names it; the others still run.
        Map<Fix, Variant> variants = new LinkedHashMap<>();
        Map<Fix, Variant> toRun = new LinkedHashMap<>();
        for (Fix fix : List.copyOf(fixes)) {
            try {
                variants.put(fix, maven ? fix.toRunEveryTest() : fix.toRun());
                toRun.put(fix, fix.toRun());
            } catch (Fix.DoesNotApply e) {
                System.out.println("  " + e.getMessage());
                problems.add(e.getMessage());
                fixes.remove(fix);
            }
        }
        List<Variant> all = List.copyOf(variants.values());
        // First every fix on all CPUs; then through Maven; then all of them pinned to one CPU (see pinned).
        Map<String, Long> took = new LinkedHashMap<>();
        long mark = System.nanoTime();
        Map<Variant, Outcome> fastOnAll = Map.of();
        if (onAll) {
            fastOnAll = FastPath.runFast(all, runner);
            mark = lap(took, "on 2 CPUs", mark);
        }
        Map<Fix, List<String>> disagreeing = new LinkedHashMap<>();
        if (maven && onAll) {
            for (Fix fix : fixes) {
                List<String> build = new ArrayList<>(List.of("test", "-pl", fix.lesson(), "-am",
                        "-Dmaven.test.failure.ignore=true"));
                build.addAll(fix.properties());
                Maven.run(fix.lesson() + "-" + fix.variant(), build, null);
                Outcome byMaven = Outcome.read(fix.lesson(), fix.variant());
                Outcome fast = fastOnAll.get(variants.get(fix));
                disagreeing.put(fix, disagreement(variants.get(fix), byMaven, fix.judge(byMaven), fast,
                        fix.judge(fast)));
                problems.addAll(disagreeing.get(fix));
            }
            mark = lap(took, "through Maven", mark);
        }
        Map<Variant, Outcome> fastOnOne = Map.of();
        if (onOne) {
            fastOnOne = pinned(List.copyOf(toRun.values()), runner, false);
            lap(took, "on 1 CPU", mark);
        }
        System.out.printf("  %-28s %-40s %-9s %-9s %-9s %6s  %s%n", "lesson", kind.folder, "2 CPUs", "1 CPU",
                "vs Maven", "tests", "");
        for (Fix fix : fixes) {
            Verdict verdictOnAll = onAll ? fix.judge(fastOnAll.get(variants.get(fix))) : Verdict.RIGHT;
            Verdict verdictOnOne = onOne ? fix.judge(fastOnOne.get(toRun.get(fix))) : Verdict.RIGHT;
            List<String> disagreements = disagreeing.getOrDefault(fix, List.of());
            String detail = verdictOnAll.isRight() && verdictOnOne.isRight()
                    ? (kind == Fix.Kind.WRONG ? "by " + String.join(", ", fix.caughtBy()) : "")
                    : ((verdictOnAll.isRight() ? "" : "2 CPUs: " + verdictOnAll + " ")
                            + (verdictOnOne.isRight() ? "" : "1 CPU: " + verdictOnOne)).strip();
            Outcome timed = onOne ? fastOnOne.get(toRun.get(fix)) : fastOnAll.get(variants.get(fix));
            System.out.printf(java.util.Locale.ROOT, "  %-28s %-40s %-9s %-9s %-9s %5.1fs  %s%n", fix.lesson(),
                    fix.name(), onAll ? mark(verdictOnAll) : "-", onOne ? mark(verdictOnOne) : "-",
                    !disagreeing.containsKey(fix) ? "-" : disagreements.isEmpty() ? "agrees" : "DIFFERS",
                    timed == null ? 0 : timed.seconds(), detail);
            if (!verdictOnAll.isRight()) {
                problems.add(fix.lesson() + ": " + kind.prefix + "fix " + fix.name() + " on all CPUs: "
                        + verdictOnAll);
            }
            if (!verdictOnOne.isRight()) {
                problems.add(fix.lesson() + ": " + kind.prefix + "fix " + fix.name() + " on one CPU: "
                        + verdictOnOne);
            }
        }
        System.out.println("  (" + fixes.size() + " " + kind.folder + ": " + seconds(took) + ")");
        return fixes.size();
    }

    /**
     * Problems when the fast path (tools/runner) and Maven's surefire disagree on a variant: other tests, or another
     * verdict (solved or not, and the judgement check gives it).
     */
    static List<String> disagreement(Variant v, Outcome maven, Verdict judgedByMaven, Outcome fast,
            Verdict judgedFast) {
        List<String> problems = new ArrayList<>();
        String what = v.lesson() + " " + v.name() + ": the fast path and Maven disagree: ";
        if (!new java.util.TreeSet<>(maven.testNames()).equals(new java.util.TreeSet<>(fast.testNames()))) {
            problems.add(what + "Maven ran " + maven.testNames() + ", the fast path " + fast.testNames()
                    + (fast.errors().isEmpty() ? "" : " (" + fast.errors().get(0) + ")"));
        }
        if (maven.passed() != fast.passed() || judgedByMaven.isRight() != judgedFast.isRight()) {
            problems.add(what + "Maven says " + maven.state() + (judgedByMaven.isRight() ? "" : " (" + judgedByMaven
                    + ")") + ", the fast path " + fast.state() + (judgedFast.isRight() ? "" : " (" + judgedFast + ")"));
        }
        return problems;
    }

    /**
     * Runs each variant pinned to one CPU, through the fast path (see {@link FastPath#oneCpuEach}), in folders of its
     * own ({@link Variant#folder}: {@code <name>-on-1-cpu}), so that the reports of its run on all CPUs stay readable.
     */
    static Map<Variant, Outcome> pinned(List<Variant> variants, PreparedRunner runner, boolean failFast)
            throws Exception {
        Map<Variant, Variant> onOneCpu = new LinkedHashMap<>();
        variants.forEach(v -> onOneCpu.put(v, v.under(new RunCondition(true, failFast))));
        Map<Variant, Outcome> ran = FastPath.runFast(List.copyOf(onOneCpu.values()), runner);
        Map<Variant, Outcome> outcomes = new LinkedHashMap<>();
        onOneCpu.forEach((v, pinned) -> outcomes.put(v, ran.get(pinned)));
        return outcomes;
    }

    static String pinning() {
        return Runtime.getRuntime().availableProcessors() > 1 ? "taskset -c 0 and -c 1, a test JVM on each"
                : "taskset -c " + ONE_CPU;
    }

    static String mark(Verdict verdict) {
        return verdict.isRight() ? "ok" : "WRONG";
    }
}
