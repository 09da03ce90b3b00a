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
 * class-report over a folder of reports made by the tool (Report.json) for several students in several states, laid
 * out as gh run download leaves them, plus a truncated one, one of another schema version, one that is not JSON and a
 * student without a report: the counts are right and each bad report is named.
 */
class ClassReportTest {

    @TempDir
    Path work;

    static final String L1 = "lesson01-atomic-puts";
    static final String L2 = "lesson02-putall";
    static final String LOST = "thousandThreads";

    String report(Outcome l1, Outcome l2) throws Exception {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        outcomes.put(L1, l1);
        outcomes.put(L2, l2);
        return Report.json(outcomes);
    }

    Outcome solved(String lesson) throws Exception {
        return SurefireFixtures.outcome(work, lesson, SurefireFixtures.Case.passed(LOST));
    }

    Outcome failing(String lesson, String message) throws Exception {
        return SurefireFixtures.outcome(work, lesson, SurefireFixtures.Case.failed(LOST, message));
    }

    void student(Path folder, String name, String reportJson) throws Exception {
        SurefireFixtures.writeString(folder.resolve(name).resolve("workbook-report/report.json"), reportJson);
    }

    @Test
    void countsTheClassAndNamesEveryReportItCannotRead() throws Exception {
        Path folder = work.resolve("class");
        String lost = "round 1 of up to 3: lost 252,400 of 1,000,000 puts";
        String lostAnyNumber = "round N of up to N: lost N of N puts";
        student(folder, "ada", report(solved(L1), solved(L2)));
        student(folder, "ben", report(solved(L1), failing(L2, lost)));
        student(folder, "cai", report(failing(L1, lost.replace("252,400", "17")), failing(L2, lost)));
        student(folder, "dee", report(failing(L1, lost), Outcome.broken(L2, List.of("X.java:1: ';' expected"))));
        student(folder, "eve", report(failing(L1, "a reader found 3 of 5 keys"), solved(L2))
                .replaceFirst("\"handedOut\": null, \"match\": null", "\"handedOut\": \"sha256:"
                        + "0".repeat(64) + "\", \"match\": false"));
        String whole = report(solved(L1), solved(L2));
        student(folder, "fay", whole.substring(0, whole.length() / 2));
        student(folder, "gus", whole.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));
        student(folder, "hal", "<html>rate limited</html>");
        Files.createDirectories(folder.resolve("ivy"));

        List<ClassReport.Student> students = ClassReport.read(folder);
        ClassReport.Summary s = ClassReport.summarize(students, List.of(L1, L2), Edition.testsFingerprint());

        assertThat(s.counted()).isEqualTo(5);
        assertThat(s.counts().get(L1)).containsExactly(2, 3, 0, 0); // solved, stuck, not graded, no result
        assertThat(s.counts().get(L2)).containsExactly(2, 3, 0, 0);
        assertThat(s.firstFailures().get(L1)).containsExactly(Map.entry(LOST + ": " + lostAnyNumber, 2),
                Map.entry(LOST + ": a reader found N of N keys", 1));
        assertThat(s.firstFailures().get(L2)).containsEntry(LOST + ": " + lostAnyNumber, 2)
                .containsEntry("does not compile", 1);
        assertThat(s.unreadable()).hasSize(4);
        assertThat(s.unreadable().get(0)).startsWith("fay: truncated");
        assertThat(s.unreadable().get(1)).startsWith("gus: schema version 2, not 1");
        assertThat(s.unreadable().get(2)).startsWith("hal: not JSON");
        assertThat(s.unreadable().get(3)).startsWith("ivy: no report.json (missing)");
        assertThat(s.editedTests()).singleElement().asString().startsWith("eve: ran sha256:");
        assertThat(s.otherEdition()).singleElement().asString().startsWith("eve: handed out sha256:0000");

        assertThat(s.csv()).startsWith("lesson,solved,stuck,not graded,no result,")
                .contains(L1 + ",2,3,0,0,\"" + LOST + ": " + lostAnyNumber + "\",2");
        assertThat(s.markdown()).contains("| " + L1 + " | 2 | 3 | 0 | 0 |", "5 report(s) counted, 4 could not be read",
                "- 2 × " + LOST + ": " + lostAnyNumber, "## Edited tests", "- fay: truncated");
    }

    @Test
    void theCommandWritesTheCsvAndTheMarkdownPage() throws Exception {
        Path folder = work.resolve("class");
        student(folder, "ada", report(solved(L1), solved(L2)));
        Path out = work.resolve("out");
        assertThat(ClassReport.command(List.of(folder.toString(), "--out", out.toString()))).isZero();
        assertThat(Files.readString(out.resolve("class-report.csv"))).contains(L1 + ",1,0,0,0,");
        assertThat(Files.readString(out.resolve("class-report.md"))).contains("1 report(s) counted.");
    }
}
