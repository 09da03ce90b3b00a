package workbook.cli;

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
            System.out.print(Report.json(outcomes));
            return 0;
        }
        System.out.println();
        System.out.printf("  %-28s %-10s %s%n", "lesson", "state", "tests");
        for (Outcome o : outcomes.values()) {
            System.out.printf("  %-28s %-10s %s%n", o.lesson(), o.state(), o.compiled()
                    ? o.passedCount() + " of " + o.tests() + " pass" + (o.skipped().isEmpty() ? "" : ", "
                    + o.skipped().size() + " skipped") + (o.notRun().isEmpty() ? ""
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

    static final String ALL_DONE = "All lessons are solved: the workbook is done. " + (Edition.hasSolutions()
            ? "Compare yours with solutions/ (java tools/Workbook.java solution LESSON), then read the instructor"
            + " guide's discussion questions (docs/instructor-guide.md)." : "Push your work: your course's workflow"
            + " grades it.");

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
        o.whySkipped().forEach((test, why) -> out.append("\n- ").append(test)
                .append(" skipped, not counted as passed: ").append(why).append('\n'));
        return out.append('\n').append(verdictLine(o)).toString();
    }

    static String verdictLine(Outcome o) {
        return o.lesson() + " " + o.state() + (o.compiled() ? ": " + o.passedCount() + " of " + o.tests()
                + " tests pass" + (o.skipped().isEmpty() ? "" : ", " + o.skipped().size() + " skipped")
                + (o.notRun().isEmpty() ? "" : ", " + o.notRun().size() + " not run after the first failure")
                : o.errors().isEmpty() ? ": no test ran" : ": does not compile");
    }

    static String firstUnsolved(Map<String, Outcome> outcomes) {
        return outcomes.values().stream().filter(o -> !o.passed()).map(Outcome::lesson).findFirst().orElse(null);
    }
}
