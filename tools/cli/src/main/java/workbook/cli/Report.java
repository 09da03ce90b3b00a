package workbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The grader's report: {@code progress --json} prints it, {@code report --out DIR} writes it with a Markdown table and
 * the surefire XML. Its shape is docs/report.schema.json, version {@link #SCHEMA_VERSION}; the tool's tests validate
 * real output against that schema.
 */
final class Report {

    /** Raise it with every change of the report's shape, and the schema's "const" with it. */
    static final int SCHEMA_VERSION = 1;

    static final Path SCHEMA = Path.of("docs", "report.schema.json");

    /** A lesson's state in the report: a grade (solved, failing, does-not-compile) or not-graded. */
    static String state(Outcome o) {
        if (!Grading.whyNotGraded(o).isEmpty()) {
            return "not-graded";
        }
        return o.passed() ? "solved" : o.compiled() ? "failing" : "does-not-compile";
    }

    static String json(Map<String, Outcome> outcomes) throws Exception {
        String handedOut = Edition.handedOutTestsFingerprint();
        String tests = Edition.testsFingerprint();
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"schemaVersion\": ").append(SCHEMA_VERSION).append(",\n");
        out.append("  \"edition\": ").append(Text.quote(Edition.name())).append(",\n");
        out.append("  \"commit\": ").append(quoteOrNull(commit())).append(",\n");
        out.append("  \"time\": ").append(Text.quote(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))
                .append(",\n");
        out.append("  \"jdk\": {\"version\": ").append(Text.quote(System.getProperty("java.version")))
                .append(", \"vendor\": ").append(Text.quote(System.getProperty("java.vendor"))).append("},\n");
        out.append("  \"sourcesFingerprint\": ").append(Text.quote(Edition.sourcesFingerprint())).append(",\n");
        out.append("  \"testsFingerprint\": {\"ran\": ").append(Text.quote(tests)).append(", \"handedOut\": ")
                .append(quoteOrNull(handedOut)).append(", \"match\": ")
                .append(handedOut == null ? "null" : String.valueOf(handedOut.equals(tests))).append("},\n");
        out.append("  \"lessons\": [");
        String separator = "\n";
        for (Outcome o : outcomes.values()) {
            out.append(separator).append(lesson(o));
            separator = ",\n";
        }
        return out.append("\n  ]\n}\n").toString();
    }

    private static String lesson(Outcome o) throws IOException {
        StringBuilder out = new StringBuilder("    {\"lesson\": ").append(Text.quote(o.lesson()))
                .append(", \"state\": ").append(Text.quote(state(o)))
                .append(", \"solved\": ").append(o.passed())
                .append(", \"tests\": ").append(o.tests())
                .append(", \"passed\": ").append(o.passedCount())
                .append(", \"failed\": ").append(o.failures().size())
                .append(", \"skipped\": ").append(o.skipped().size())
                .append(", \"notRun\": ").append(o.notRun().size())
                .append(", \"sourcesFingerprint\": ").append(Text.quote(FileTrees.fingerprint(
                        Workspace.ROOT.resolve(o.lesson()).resolve("src/main/java"))));
        String notGraded = Grading.whyNotGraded(o);
        out.append(",\n      \"whyNotGraded\": ").append(notGraded.isEmpty() ? "null" : Text.quote(notGraded));
        out.append(",\n      \"firstFailure\": ");
        if (o.failures().isEmpty()) {
            out.append("null");
        } else {
            Failure f = o.failures().get(0);
            out.append("{\"test\": ").append(Text.quote(f.test())).append(", \"message\": ")
                    .append(Text.quote(Grading.firstLine(f.message()))).append("}");
        }
        out.append(",\n      \"compileErrors\": [");
        out.append(String.join(", ", o.errors().stream().limit(10).map(Text::quote).toList())).append("]");
        out.append(",\n      \"results\": [");
        String separator = "\n";
        for (String test : o.testNames()) {
            String status = o.status(test);
            out.append(separator).append("        {\"test\": ").append(Text.quote(test)).append(", \"status\": ")
                    .append(Text.quote(status)).append(", \"message\": ").append(quoteOrNull(message(o, test)))
                    .append("}");
            separator = ",\n";
        }
        return out.append(o.testNames().isEmpty() ? "]}" : "\n      ]}").toString();
    }

    /** The first line of a failure's message, or why a test was skipped or not run; null for a passed test. */
    static String message(Outcome o, String test) {
        for (Failure f : o.failures()) {
            if (f.test().equals(test)) {
                return Grading.firstLine(f.message());
            }
        }
        if (o.whySkipped().containsKey(test)) {
            return o.whySkipped().get(test);
        }
        return o.notRun().contains(test) ? Outcome.NOT_RUN : null;
    }

    /** The per-lesson table of the job summary: Markdown. */
    static String markdown(Map<String, Outcome> outcomes) {
        StringBuilder out = new StringBuilder("| lesson | state | passed | failed | skipped | first failure |\n"
                + "|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes.values()) {
            String first = o.failures().isEmpty() ? "" : o.failures().get(0).test() + ": "
                    + Grading.firstLine(o.failures().get(0).message());
            String notGraded = Grading.whyNotGraded(o);
            out.append("| ").append(o.lesson()).append(" | ").append(state(o)).append(" | ")
                    .append(o.passedCount()).append(" of ").append(o.tests()).append(" | ")
                    .append(o.failures().size()).append(" | ").append(o.skipped().size()).append(" | ")
                    .append(cell(notGraded.isEmpty() ? first : notGraded)).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /**
     * report --out DIR: every lesson's every test, then DIR/report.json, DIR/summary.md (appended to the job summary
     * when GITHUB_STEP_SUMMARY is set) and DIR/surefire/LESSON/ (the reports). Exit 0 when every lesson was graded,
     * solved or not; 2 when grading itself could not run for a lesson (its row says why).
     */
    static int command(List<String> args) throws Exception {
        String summary = System.getenv("GITHUB_STEP_SUMMARY");
        return command(args, () -> RememberedProgress.currentOutcomes(Workspace.lessons(), true, true),
                summary == null || summary.isBlank() ? null : Path.of(summary));
    }

    /** How the class of lessons is graded: every test of every lesson, in the tool; fixtures in its tests. */
    interface Grader {
        Map<String, Outcome> gradeEveryLesson() throws Exception;
    }

    /** As {@link #command(List)}, graded by {@code grader}, the table appended to {@code jobSummary} unless null. */
    static int command(List<String> args, Grader grader, Path jobSummary) throws Exception {
        int at = args.indexOf("--out");
        Path dir = Workspace.ROOT.resolve(at >= 0 && at + 1 < args.size() ? args.get(at + 1) : "target/grading");
        Map<String, Outcome> outcomes;
        try {
            outcomes = grader.gradeEveryLesson();
        } catch (Exception e) {
            System.out.println("could not grade: " + e.getMessage());
            return Grading.COULD_NOT_GRADE;
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.json"), json(outcomes));
        String table = markdown(outcomes);
        Files.writeString(dir.resolve("summary.md"), "## Workbook grade\n\n" + table);
        Files.createDirectories(dir.resolve("surefire")); // the artifact's folder, also when no lesson left reports
        for (String lesson : outcomes.keySet()) {
            FileTrees.deleteTree(dir.resolve("surefire").resolve(lesson));
            FileTrees.copyTree(Workspace.STATE.resolve("results").resolve(lesson),
                    dir.resolve("surefire").resolve(lesson));
        }
        if (jobSummary != null) {
            Files.writeString(jobSummary, "## Workbook grade\n\n" + table + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        System.out.print(table);
        System.out.println("wrote " + Workspace.ROOT.relativize(dir.resolve("report.json")) + ", summary.md and"
                + " surefire/");
        List<String> notGraded = new ArrayList<>();
        outcomes.values().stream().filter(o -> !Grading.whyNotGraded(o).isEmpty())
                .forEach(o -> notGraded.add(o.lesson() + ": " + Grading.whyNotGraded(o)));
        notGraded.forEach(n -> System.out.println("could not grade " + n));
        return notGraded.isEmpty() ? 0 : Grading.COULD_NOT_GRADE;
    }

    /** The commit the report was made at (git rev-parse HEAD), or null outside a git checkout. */
    static String commit() {
        try {
            return StudentCommands.git("rev-parse", "HEAD").strip();
        } catch (Exception e) {
            return null;
        }
    }

    private static String quoteOrNull(String text) {
        return text == null ? "null" : Text.quote(text);
    }

}
