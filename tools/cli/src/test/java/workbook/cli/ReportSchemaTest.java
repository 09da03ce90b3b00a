package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report that progress --json prints and report writes (Report.json) conforms to docs/report.schema.json, for
 * lessons in every state and tests of every status; a report of another shape does not. With
 * -Dworkbook.report=FILE, a report made by a real run is validated too (CI: the student edition's).
 */
class ReportSchemaTest {

    @TempDir
    Path reports;

    Map<String, Outcome> everyState() throws Exception {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put("lesson01-atomic-puts", SurefireFixtures.outcome(reports, "lesson01-atomic-puts",
                SurefireFixtures.Case.passed("thousandThreads"), SurefireFixtures.Case.skipped("modelChecked",
                        "skipped: on Java 99 the model checker cannot see inside HashMap")));
        outcomes.put("lesson02-putall", SurefireFixtures.outcome(reports, "lesson02-putall",
                SurefireFixtures.Case.failed("readers", "a reader found 3 of 5 keys \"gone\"\nline two"),
                new SurefireFixtures.Case("twoWriters", "error", "boom"), SurefireFixtures.Case.notRun("last")));
        outcomes.put("lesson03-unsafe-remove", Outcome.broken("lesson03-unsafe-remove",
                List.of("lesson03-unsafe-remove/src/main/java/X.java:3: ';' expected")));
        outcomes.put("lesson04-check-then-remove", Outcome.read("lesson04-check-then-remove",
                reports.resolve("nothing-ran")));
        return outcomes;
    }

    @Test
    void theReportOfEveryStateConformsToTheSchema() throws Exception {
        String json = Report.json(everyState());
        assertThat(ReportSchema.problems(json)).isEmpty();
        assertThat(json).contains("\"schemaVersion\": " + Report.SCHEMA_VERSION, "\"state\": \"solved\"",
                "\"state\": \"failing\"", "\"state\": \"does-not-compile\"", "\"state\": \"not-graded\"",
                "\"status\": \"skipped\", \"message\": \"skipped: on Java 99", "\"status\": \"notRun\"",
                "\"status\": \"error\"", "\"passed\": 1, \"failed\": 0, \"skipped\": 1");
    }

    @Test
    void aReportOfAnotherVersionOrShapeDoesNot() throws Exception {
        String json = Report.json(everyState());
        assertThat(ReportSchema.problems(json.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"))).isNotEmpty();
        assertThat(ReportSchema.problems(json.replace("\"status\": \"skipped\"", "\"status\": \"passed-ish\"")))
                .isNotEmpty();
        assertThat(ReportSchema.problems(json.replaceFirst("\"commit\": [^,]*,", ""))).isNotEmpty();
    }

    @Test
    void aReportMadeByARealRunConforms() throws Exception {
        String file = System.getProperty("workbook.report");
        org.junit.jupiter.api.Assumptions.assumeTrue(file != null && !file.isBlank(),
                "no -Dworkbook.report=FILE given: there is no real report to validate in this run");
        String json = Files.readString(Path.of(file));
        assertThat(ReportSchema.problems(json)).as(file).isEmpty();
    }
}
