package workbook.cli;

import java.util.List;

/**
 * check-lesson, the grader's command: one lesson's verdict as an exit code that tells a grade from a failure to grade.
 * <pre>
 *   0  solved: every test that ran passed (a skipped test is not counted as passed)
 *   1  not solved: a test failed, or the student's code does not compile: a grade
 *   2  could not grade: the runner did not build, no test ran, the lesson does not exist: not a grade
 * </pre>
 */
final class Grading {

    static final int SOLVED = 0;
    static final int NOT_SOLVED = 1;
    static final int COULD_NOT_GRADE = 2;

    /** How a lesson is graded: the fast path in the tool, something else in the tool's tests. */
    interface Grader {
        Outcome grade(String lesson) throws Exception;
    }

    /** The real grader: every test of the lesson, through the fast path, remembered where nothing changed. */
    static final Grader FAST_PATH = lesson -> RememberedProgress.currentOutcomes(List.of(lesson), true, false)
            .get(lesson);

    static int checkLesson(List<String> args) throws Exception {
        return checkLesson(args, FAST_PATH);
    }

    static int checkLesson(List<String> args, Grader grader) throws Exception {
        String lesson = Workspace.lessonNamed(args);
        if (lesson == null) {
            System.out.println("could not grade: " + (args.isEmpty() ? "no lesson named" : "'" + args.get(0)
                    + "' names no single lesson"));
            return COULD_NOT_GRADE;
        }
        Outcome o;
        try {
            o = grader.grade(lesson);
        } catch (Exception e) {
            System.out.println("could not grade " + lesson + ": " + e.getMessage());
            return COULD_NOT_GRADE;
        }
        String notGraded = whyNotGraded(o);
        if (!notGraded.isEmpty()) {
            System.out.println("could not grade " + lesson + ": " + notGraded);
            return COULD_NOT_GRADE;
        }
        System.out.println(Progress.verdictLine(o));
        if (!o.failures().isEmpty()) {
            Failure first = o.failures().get(0);
            System.out.println("  first failure: " + first.test() + ": " + firstLine(first.message()));
        }
        o.whySkipped().forEach((test, why) -> System.out.println("  skipped, not passed: " + test + ": " + why));
        o.errors().stream().limit(3).forEach(e -> System.out.println("  " + e));
        return o.passed() ? SOLVED : NOT_SOLVED;
    }

    /**
     * Empty when the outcome is a grade; otherwise why it is not: no test ran although the code compiled (the test JVM
     * could not start or ended before it reported), or every test was skipped (nothing was proved either way).
     */
    static String whyNotGraded(Outcome o) {
        if (o == null) {
            return "no outcome";
        }
        if (o.tests() == 0 && o.errors().isEmpty()) {
            return "no test ran although the code compiled (the test JVM did not start or ended before it reported;"
                    + " its log is in target/workbook/)";
        }
        if (o.tests() > 0 && o.tests() == o.skipped().size()) {
            return "every test was skipped on this JDK: " + String.join("; ", o.whySkipped().values());
        }
        return "";
    }

    static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
