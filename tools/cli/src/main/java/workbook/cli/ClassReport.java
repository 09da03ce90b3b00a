package workbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * class-report FOLDER: the class at a glance, from the students' report.json files only (it never runs their code).
 * FOLDER holds one sub-folder per student, as {@code gh run download} leaves the students' grading artifacts (or one
 * STUDENT.json file per student). Per lesson: how many solved it and how many are stuck, the commonest first failures
 * (by test and message, its numbers left out), and which reports ran edited tests or come from another edition. A
 * report that is missing, truncated, not JSON or of another schema version is named, and the rest of the class is
 * still counted. Writes class-report.csv and class-report.md into FOLDER (or --out DIR).
 */
final class ClassReport {

    /** One student's report, or why it could not be read (then {@code report} is null). */
    record Student(String name, Map<?, ?> report, String problem) { }

    static int command(List<String> args) throws Exception {
        if (args.isEmpty() || !Files.isDirectory(Path.of(args.get(0)))) {
            System.err.println("Usage: java tools/Workbook.java class-report FOLDER [--out DIR] (FOLDER: one folder"
                    + " or STUDENT.json per student)");
            return 2;
        }
        Path folder = Path.of(args.get(0));
        int at = args.indexOf("--out");
        Path out = at >= 0 && at + 1 < args.size() ? Path.of(args.get(at + 1)) : folder;
        List<Student> students = read(folder);
        Summary s = summarize(students, Workspace.lessons(), Edition.testsFingerprint());
        Files.createDirectories(out);
        Files.writeString(out.resolve("class-report.csv"), s.csv());
        Files.writeString(out.resolve("class-report.md"), s.markdown());
        System.out.print(s.markdown());
        System.out.println("\nwrote " + out.resolve("class-report.csv") + " and " + out.resolve("class-report.md"));
        return 0;
    }

    /** Every student of the folder: a sub-folder (its report.json, anywhere inside) or a .json file. */
    static List<Student> read(Path folder) throws IOException {
        List<Student> students = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> all = Files.list(folder)) {
            entries = all.filter(p -> !p.getFileName().toString().startsWith("class-report.")).sorted().toList();
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                Path report;
                try (Stream<Path> inside = Files.walk(entry)) {
                    report = inside.filter(p -> p.getFileName().toString().equals("report.json")).findFirst()
                            .orElse(null);
                }
                students.add(report == null ? new Student(name, null, "no report.json (missing)")
                        : parse(name, report));
            } else if (name.endsWith(".json")) {
                students.add(parse(name.substring(0, name.length() - ".json".length()), entry));
            }
        }
        return students;
    }

    static Student parse(String name, Path file) throws IOException {
        String text = Files.readString(file);
        Object json;
        try {
            json = new Json(text).value();
        } catch (RuntimeException e) {
            String why = e.getMessage() != null && e.getMessage().startsWith("unexpected end")
                    || text.strip().startsWith("{") && !text.strip().endsWith("}")
                    ? "truncated (" + e.getMessage() + ")" : "not JSON (" + e.getMessage() + ")";
            return new Student(name, null, why);
        }
        if (!(json instanceof Map<?, ?> report) || !(report.get("lessons") instanceof List)) {
            return new Student(name, null, "not a workbook report (no lessons)");
        }
        Object version = report.get("schemaVersion");
        if (!(version instanceof Double v) || v.intValue() != Report.SCHEMA_VERSION) {
            return new Student(name, null, "schema version " + (version instanceof Double v ? v.intValue()
                    : version == null ? "missing" : version) + ", not " + Report.SCHEMA_VERSION + " (another edition"
                    + " of the tool)");
        }
        return new Student(name, report, null);
    }

    /** The counts per lesson and the lists of students, as printed and written. */
    record Summary(List<String> lessons, Map<String, int[]> counts, Map<String, Map<String, Integer>> firstFailures,
            List<String> unreadable, List<String> editedTests, List<String> otherEdition, int counted) {

        /** counts: solved, stuck (failing or does not compile), not graded, no result. */
        String csv() {
            StringBuilder out = new StringBuilder("lesson,solved,stuck,not graded,no result,commonest first failure,"
                    + "students with it\n");
            for (String lesson : lessons) {
                int[] c = counts.get(lesson);
                Map.Entry<String, Integer> top = firstFailures.get(lesson).entrySet().stream().findFirst().orElse(null);
                out.append(lesson).append(',').append(c[0]).append(',').append(c[1]).append(',').append(c[2])
                        .append(',').append(c[3]).append(',').append(csvCell(top == null ? "" : top.getKey()))
                        .append(',').append(top == null ? "" : String.valueOf(top.getValue())).append('\n');
            }
            return out.toString();
        }

        String markdown() {
            StringBuilder out = new StringBuilder("# Class report\n\n" + counted + " report(s) counted"
                    + (unreadable.isEmpty() ? "" : ", " + unreadable.size() + " could not be read") + ".\n\n"
                    + "| lesson | solved | stuck | not graded | no result |\n|---|---|---|---|---|\n");
            for (String lesson : lessons) {
                int[] c = counts.get(lesson);
                out.append("| ").append(lesson).append(" | ").append(c[0]).append(" | ").append(c[1]).append(" | ")
                        .append(c[2]).append(" | ").append(c[3]).append(" |\n");
            }
            out.append("\n## The commonest first failures\n");
            for (String lesson : lessons) {
                if (firstFailures.get(lesson).isEmpty()) {
                    continue;
                }
                out.append("\n").append(lesson).append(":\n");
                firstFailures.get(lesson).entrySet().stream().limit(3).forEach(e -> out.append("- ")
                        .append(e.getValue()).append(" × ").append(e.getKey().replace("|", "\\|")).append('\n'));
            }
            section(out, "Reports that could not be read", unreadable);
            section(out, "Edited tests (the tests they ran are not the ones handed out)", editedTests);
            section(out, "Another edition (handed-out tests that are not this workbook's)", otherEdition);
            return out.toString();
        }

        private static void section(StringBuilder out, String title, List<String> names) {
            out.append("\n## ").append(title).append(": ").append(names.size()).append('\n');
            names.forEach(n -> out.append("- ").append(n).append('\n'));
        }

        private static String csvCell(String text) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
    }

    /**
     * A failure message with its numbers as N: "lost 3,412 of 1,000,000 puts" and "lost 12 of 1,000,000 puts" are one
     * misconception, whatever the counts of one run.
     */
    static String withoutNumbers(String message) {
        return message.replaceAll("\\d[\\d,.]*\\d|\\d", "N");
    }

    static Summary summarize(List<Student> students, List<String> lessons, String ourTests) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> failures = new LinkedHashMap<>();
        lessons.forEach(l -> {
            counts.put(l, new int[4]);
            failures.put(l, new TreeMap<>());
        });
        List<String> unreadable = new ArrayList<>();
        List<String> edited = new ArrayList<>();
        List<String> other = new ArrayList<>();
        int counted = 0;
        for (Student s : students) {
            if (s.report() == null) {
                unreadable.add(s.name() + ": " + s.problem());
                continue;
            }
            counted++;
            if (s.report().get("testsFingerprint") instanceof Map<?, ?> tests) {
                if (Boolean.FALSE.equals(tests.get("match"))) {
                    edited.add(s.name() + ": ran " + tests.get("ran") + ", handed out " + tests.get("handedOut"));
                }
                if (tests.get("handedOut") != null && !ourTests.equals(tests.get("handedOut"))) {
                    other.add(s.name() + ": handed out " + tests.get("handedOut"));
                }
            }
            Map<String, Map<?, ?>> byLesson = new LinkedHashMap<>();
            for (Object l : (List<?>) s.report().get("lessons")) {
                if (l instanceof Map<?, ?> lesson && lesson.get("lesson") instanceof String name) {
                    byLesson.put(name, lesson);
                }
            }
            for (String lesson : lessons) {
                Map<?, ?> l = byLesson.get(lesson);
                int[] c = counts.get(lesson);
                String state = l == null ? null : String.valueOf(l.get("state"));
                if (state == null) {
                    c[3]++;
                } else if (state.equals("solved")) {
                    c[0]++;
                } else if (state.equals("failing") || state.equals("does-not-compile")) {
                    c[1]++;
                    String key = state.equals("does-not-compile") ? "does not compile"
                            : l.get("firstFailure") instanceof Map<?, ?> f ? f.get("test") + ": "
                            + withoutNumbers(String.valueOf(f.get("message"))) : "no failure named";
                    failures.get(lesson).merge(key, 1, Integer::sum);
                } else {
                    c[2]++;
                }
            }
        }
        Map<String, Map<String, Integer>> sorted = new LinkedHashMap<>();
        failures.forEach((lesson, byFailure) -> {
            Map<String, Integer> ordered = new LinkedHashMap<>();
            byFailure.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            sorted.put(lesson, ordered);
        });
        return new Summary(lessons, counts, sorted, unreadable, edited, other, counted);
    }
}
