import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The progress table (java tools/Workbook.java), its --json form and check-lesson for graders, and one
 * lesson's verdict as progress and watch print it.
 */
final class Progress {

    static int show(List<String> args) throws Exception {
        boolean json = args.contains("--json");
        List<String> lessons = Workspace.lessons();
        Map<String, Outcome> outcomes = RememberedProgress.currentOutcomes(lessons, json, json);
        if (json) {
            System.out.println(progressJson(outcomes));
            return 0;
        }
        System.out.println();
        System.out.printf("  %-28s %-10s %s%n", "lesson", "state", "tests");
        for (Outcome o : outcomes.values()) {
            System.out.printf("  %-28s %-10s %s%n", o.lesson(), o.state(), o.compiled()
                    ? o.passedCount() + " of " + o.tests() + " pass" + (o.notRun().isEmpty() ? ""
                    : ", " + o.notRun().size() + " not run after the first failure") : "does not compile");
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
        StringBuilder out = new StringBuilder("{\n  \"java\": " + Text.quote(System.getProperty("java.version"))
                + ",\n  \"lessons\": [");
        String separator = "\n";
        for (Outcome o : outcomes.values()) {
            String firstFailure = o.failures().isEmpty() ? null : o.failures().get(0).test() + ": "
                    + o.failures().get(0).message().strip().lines().findFirst().orElse("");
            out.append(separator).append("    {\"lesson\": ").append(Text.quote(o.lesson()))
                    .append(", \"state\": ").append(Text.quote(o.state()))
                    .append(", \"solved\": ").append(o.passed())
                    .append(", \"passed\": ").append(o.passedCount())
                    .append(", \"tests\": ").append(o.tests())
                    .append(", \"firstFailure\": ").append(firstFailure == null ? "null" : Text.quote(firstFailure))
                    .append(", \"fingerprint\": ").append(Text.quote(FileTrees.fingerprint(
                            Workspace.ROOT.resolve(o.lesson()).resolve("src/main/java")))).append("}");
            separator = ",\n";
        }
        return out.append("\n  ]\n}").toString();
    }

    /** The grader's exit code for one lesson: 0 when solved, 1 when not, 2 when the lesson does not exist. */
    static int checkLesson(List<String> args) throws Exception {
        String lesson = Workspace.lessonNamed(args);
        if (lesson == null) {
            return 2;
        }
        Outcome o = RememberedProgress.currentOutcomes(List.of(lesson), true, false).get(lesson);
        System.out.println(verdictLine(o));
        if (!o.failures().isEmpty()) {
            Failure first = o.failures().get(0);
            System.out.println("  first failure: " + first.test() + ": "
                    + first.message().strip().lines().findFirst().orElse(""));
        }
        o.errors().stream().limit(3).forEach(e -> System.out.println("  " + e));
        return o.passed() ? 0 : 1;
    }

    /** The verdict of one lesson as progress and watch show it: each failure once, then the verdict line. */
    static String report(Outcome o) {
        StringBuilder out = new StringBuilder();
        if (!o.errors().isEmpty()) {
            out.append("It does not compile:\n");
            o.errors().stream().limit(10).forEach(e -> out.append("  ").append(e).append('\n'));
        }
        for (Failure f : o.failures()) {
            out.append("\n✗ ").append(f.test()).append(f.isError() ? " (" + Text.simpleName(f.type()) + ")" : "")
                    .append('\n').append(Text.indent(Text.firstLines(f.message(), 30))).append('\n');
        }
        return out.append('\n').append(verdictLine(o)).toString();
    }

    static String verdictLine(Outcome o) {
        return o.lesson() + " " + o.state() + (o.compiled() ? ": " + o.passedCount() + " of " + o.tests()
                + " tests pass" + (o.notRun().isEmpty() ? "" : ", " + o.notRun().size() + " not run after the first"
                + " failure") : ": does not compile");
    }

    static String firstUnsolved(Map<String, Outcome> outcomes) {
        return outcomes.values().stream().filter(o -> !o.passed()).map(Outcome::lesson).findFirst().orElse(null);
    }
}
