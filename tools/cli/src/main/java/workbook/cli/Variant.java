package workbook.cli;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * One lesson built against one source folder, under one run condition: the exercise, the solution or a fix (its
 * {@code kind}; {@code name} tells fixes apart), run on all CPUs or pinned, to the end or up to the first failure.
 * Its tests are run all, or only the test methods named in {@code tests} (a wrong fix's verdict reads only the tests it
 * names). Each variant compiles and reports into a folder of its own ({@link #out}), named after all of that, so that
 * the same sources run under two conditions keep two sets of reports.
 */
record Variant(String lesson, Kind kind, String name, Path sources, Set<String> tests, RunCondition condition) {

    /** What the sources are. */
    enum Kind {
        EXERCISE, SOLUTION, RIGHT_FIX, WRONG_FIX
    }

    /**
     * How the tests run: {@code pinned}, each test JVM on one CPU (taskset; see {@link FastPath#oneCpuEach}), else on
     * all CPUs; {@code failFast}, each lesson's tests stop at its first failure, as watch runs them after a save.
     */
    record RunCondition(boolean pinned, boolean failFast) {

        static final RunCondition ALL_CPUS = new RunCondition(false, false);
        static final RunCondition ONE_CPU = new RunCondition(true, false);
        static final RunCondition WATCH = new RunCondition(false, true);

        /** The suffix of a variant's folder under this condition: none for the plain run. */
        String folderSuffix() {
            return (failFast ? "-fail-fast" : "") + (pinned ? "-on-1-cpu" : "");
        }
    }

    Variant {
        tests = Set.copyOf(tests);
    }

    Variant(String lesson, Kind kind, String name, Path sources) {
        this(lesson, kind, name, sources, Set.of(), RunCondition.ALL_CPUS);
    }

    /** This variant, running only the test methods {@code names}. */
    Variant only(Collection<String> names) {
        return new Variant(lesson, kind, name, sources, Set.copyOf(names), condition);
    }

    /** This variant, run under {@code other} instead. */
    Variant under(RunCondition other) {
        return new Variant(lesson, kind, name, sources, tests, other);
    }

    static final Path FAST = Workspace.LOGS.resolve("fast");

    static Variant exercise(String lesson) {
        return new Variant(lesson, Kind.EXERCISE, "exercise", Workspace.ROOT.resolve(lesson).resolve("src/main/java"));
    }

    static Variant solution(String lesson) {
        return new Variant(lesson, Kind.SOLUTION, "solution",
                Workspace.ROOT.resolve("solutions").resolve(lesson).resolve("src/main/java"));
    }

    /** The name of this variant's folders: its name, and its run condition's unless it is the plain run. */
    String folder() {
        return name + condition.folderSuffix();
    }

    Path out() {
        return FAST.resolve(folder()).resolve(lesson);
    }

    Path reports() {
        return out().resolve("reports");
    }
}
