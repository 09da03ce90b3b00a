package workbook.cli;

import java.nio.file.Path;
import java.util.Set;

/**
 * One lesson built against one source folder: the exercise, the solution or a fix; its tests are run all, or only the
 * test methods named in {@code tests} (a wrong fix's verdict reads only the tests it names).
 */
record Variant(String lesson, String name, Path sources, Set<String> tests) {

    Variant {
        tests = Set.copyOf(tests);
    }

    Variant(String lesson, String name, Path sources) {
        this(lesson, name, sources, Set.of());
    }

    /** This variant, running only the test methods {@code names}. */
    Variant only(java.util.Collection<String> names) {
        return new Variant(lesson, name, sources, Set.copyOf(names));
    }

    static final Path FAST = Workspace.LOGS.resolve("fast");

    static Variant exercise(String lesson) {
        return new Variant(lesson, "exercise", Workspace.ROOT.resolve(lesson).resolve("src/main/java"));
    }

    static Variant solution(String lesson) {
        return new Variant(lesson, "solution",
                Workspace.ROOT.resolve("solutions").resolve(lesson).resolve("src/main/java"));
    }

    Path out() {
        return FAST.resolve(name).resolve(lesson);
    }

    Path reports() {
        return out().resolve("reports");
    }
}
