package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report, the students' workflow's step: exit 0 whenever grading ran, unsolved lessons included, with the report, the
 * job summary's table and the surefire XML written; exit 2, the only red, when grading could not run.
 */
class ReportCommandTest {

    @TempDir
    Path work;

    record Run(int exitCode, String output) { }

    Run report(Report.Grader grader, Path jobSummary) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = Report.command(List.of("--out", work.resolve("grading").toString()), grader, jobSummary);
            return new Run(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void anUnsolvedLessonIsAGradeExitZeroWithEverythingWritten() throws Exception {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("lesson01-atomic-puts", SurefireFixtures.outcome(work, "lesson01-atomic-puts",
                SurefireFixtures.Case.passed("a")));
        outcomes.put("lesson02-putall", SurefireFixtures.outcome(work, "lesson02-putall",
                SurefireFixtures.Case.failed("b", "lost 3 of 10 puts")));
        Path summary = work.resolve("step-summary.md");
        Run run = report(() -> outcomes, summary);
        assertThat(run.exitCode()).isZero();
        Path grading = work.resolve("grading");
        assertThat(ReportSchema.problems(Files.readString(grading.resolve("report.json")))).isEmpty();
        assertThat(Files.readString(summary)).startsWith("## Workbook grade")
                .contains("| lesson01-atomic-puts | solved | 1 of 1 |",
                        "| lesson02-putall | failing | 0 of 1 | 1 | 0 | b: lost 3 of 10 puts |");
        assertThat(grading.resolve("summary.md")).exists();
        assertThat(grading.resolve("surefire")).isDirectory();
    }

    @Test
    void aLessonThatCouldNotBeGradedExitsTwoAndNamesIt() throws Exception {
        Map<String, Outcome> outcomes = Map.of("lesson01-atomic-puts", Outcome.read("lesson01-atomic-puts",
                work.resolve("no-reports")));
        Run run = report(() -> outcomes, null);
        assertThat(run.exitCode()).isEqualTo(Grading.COULD_NOT_GRADE);
        assertThat(run.output()).contains("| lesson01-atomic-puts | not-graded |",
                "could not grade lesson01-atomic-puts: no test ran although the code compiled");
    }

    @Test
    void gradingThatCannotStartExitsTwoAndSaysWhy() throws Exception {
        Run run = report(() -> {
            throw new IllegalStateException("the runner did not build; see target/workbook/runner.log");
        }, null);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).startsWith("could not grade: the runner did not build");
    }
}
