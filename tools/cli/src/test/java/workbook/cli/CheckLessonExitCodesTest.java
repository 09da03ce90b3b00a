package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check-lesson's three exit codes, each provoked: 0 solved, 1 not solved (a failed test, code that does not compile),
 * 2 could not grade (the runner did not build, no test ran, every test skipped, no such lesson), with its message.
 */
class CheckLessonExitCodesTest {

    static final String LESSON = "lesson01-atomic-puts";

    @TempDir
    Path reports;

    record Run(int exitCode, String output) { }

    static Run checkLesson(List<String> args, Grading.Grader grader) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Run(Grading.checkLesson(args, grader), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void aSolvedLessonExitsZero() throws Exception {
        Outcome solved = SurefireFixtures.outcome(reports, LESSON, SurefireFixtures.Case.passed("a"),
                SurefireFixtures.Case.passed("b"));
        Run run = checkLesson(List.of(LESSON), lesson -> solved);
        assertThat(run.exitCode()).isEqualTo(Grading.SOLVED).isZero();
        assertThat(run.output()).contains(LESSON + " solved: 2 of 2 tests pass");
    }

    @Test
    void aFailedTestExitsOneWithTheFirstFailure() throws Exception {
        Outcome failing = SurefireFixtures.outcome(reports, LESSON, SurefireFixtures.Case.failed("a",
                "lost 3 of 10 puts\nmore"), SurefireFixtures.Case.passed("b"));
        Run run = checkLesson(List.of(LESSON), lesson -> failing);
        assertThat(run.exitCode()).isEqualTo(Grading.NOT_SOLVED).isOne();
        assertThat(run.output()).contains("first failure: a: lost 3 of 10 puts").doesNotContain("more");
    }

    @Test
    void codeThatDoesNotCompileIsAGradeExitOne() throws Exception {
        Run run = checkLesson(List.of(LESSON), lesson -> Outcome.broken(lesson,
                List.of("SharedStore.java:12: ';' expected")));
        assertThat(run.exitCode()).isOne();
        assertThat(run.output()).contains("does not compile", "';' expected");
    }

    @Test
    void aRunnerThatDidNotBuildExitsTwoAndSaysSo() throws Exception {
        Run run = checkLesson(List.of(LESSON), lesson -> {
            throw new IllegalStateException("the runner did not build; see target/workbook/runner.log");
        });
        assertThat(run.exitCode()).isEqualTo(Grading.COULD_NOT_GRADE).isEqualTo(2);
        assertThat(run.output()).startsWith("could not grade " + LESSON + ": the runner did not build");
    }

    @Test
    void noTestRunExitsTwoNotOne() throws Exception {
        Outcome nothingRan = Outcome.read(LESSON, reports.resolve("empty"));
        Run run = checkLesson(List.of(LESSON), lesson -> nothingRan);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).startsWith("could not grade " + LESSON + ": no test ran although the code compiled");
    }

    @Test
    void everyTestSkippedExitsTwo() throws Exception {
        Outcome skipped = SurefireFixtures.outcome(reports, LESSON, SurefireFixtures.Case.skipped("a",
                "skipped: on Java 99 the model checker cannot see inside HashMap"));
        Run run = checkLesson(List.of(LESSON), lesson -> skipped);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("every test was skipped", "cannot see inside HashMap");
    }

    @Test
    void aLessonThatDoesNotExistExitsTwo() throws Exception {
        Run run = checkLesson(List.of("lesson99"), lesson -> {
            throw new AssertionError("no lesson should be graded");
        });
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).startsWith("could not grade: 'lesson99' names no single lesson");
    }

    @Test
    void aSkippedTestIsNotCountedAsPassedAndSaysWhy() throws Exception {
        Outcome o = SurefireFixtures.outcome(reports, LESSON, SurefireFixtures.Case.passed("a"),
                SurefireFixtures.Case.skipped("b", "skipped: the model checker cannot see inside HashMap"));
        assertThat(o.passedCount()).isOne();
        assertThat(o.status("b")).isEqualTo("skipped");
        Run run = checkLesson(List.of(LESSON), lesson -> o);
        assertThat(run.output()).contains("1 of 2 tests pass, 1 skipped",
                "skipped, not passed: b: skipped: the model checker cannot see inside HashMap");
        assertThat(Progress.report(o)).contains("b skipped, not counted as passed");
    }
}
