import java.nio.file.Path;

/** One lesson built against one source folder: the exercise, the solution or a fix. */
record Variant(String lesson, String name, Path sources) {

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
