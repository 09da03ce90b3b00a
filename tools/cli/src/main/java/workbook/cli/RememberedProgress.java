package workbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Remembered progress: each lesson's last verdict, kept in .workbook/ with a fingerprint of what it
 * depends on, so that only lessons whose code changed run again.
 */
final class RememberedProgress {

    /** What a lesson's verdict depends on: its sources and tests, the harness, the poms and the JDK. */
    static String verdictInputs(String lesson) throws IOException {
        Path folder = Workspace.ROOT.resolve(lesson);
        return FileTrees.fingerprint(List.of(folder.resolve("src"), folder.resolve("pom.xml"),
                Workspace.ROOT.resolve("test-support/src"), Workspace.ROOT.resolve("pom.xml"))) + " java "
                + System.getProperty("java.version");
    }

    /** The last verdicts: lesson -> the inputs they were given for; reports kept in .workbook/results/LESSON. */
    static Properties remembered() throws IOException {
        return Workspace.readState("progress.properties");
    }

    static void remember(Variant v, Outcome o) throws IOException {
        Properties p = remembered();
        Path kept = Workspace.STATE.resolve("results").resolve(v.lesson());
        FileTrees.deleteTree(kept);
        Files.createDirectories(kept);
        if (o.errors().isEmpty() && Files.isDirectory(v.reports())) {
            try (Stream<Path> files = Files.list(v.reports())) {
                for (Path f : files.toList()) {
                    Files.copy(f, kept.resolve(f.getFileName()));
                }
            }
        } else {
            Files.writeString(kept.resolve("compile-errors.txt"), String.join("\n", o.errors()));
        }
        p.setProperty(v.lesson(), verdictInputs(v.lesson()));
        Workspace.writeState("progress.properties", p,
                "The last verdict of each lesson and what it was given for (java tools/Workbook.java)");
    }

    /**
     * Each lesson's outcome: remembered where nothing changed, otherwise run now (several lessons per test JVM), up
     * to each lesson's first failing test. {@code everyTest}: a result of every test is wanted (the grader's JSON):
     * a remembered result that stopped at a failure does not do, and lessons run every test.
     */
    static Map<String, Outcome> currentOutcomes(List<String> lessons, boolean quiet, boolean everyTest)
            throws Exception {
        Properties p = remembered();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<Variant> stale = new ArrayList<>();
        for (String lesson : lessons) {
            Path kept = Workspace.STATE.resolve("results").resolve(lesson);
            Outcome remembered = null;
            if (verdictInputs(lesson).equals(p.getProperty(lesson)) && Files.isDirectory(kept)) {
                Path errors = kept.resolve("compile-errors.txt");
                remembered = Files.exists(errors)
                        ? Outcome.broken(lesson, Files.readAllLines(errors)) : Outcome.read(lesson, kept);
            }
            if (remembered != null && (!everyTest || remembered.notRun().isEmpty())) {
                outcomes.put(lesson, remembered);
            } else {
                stale.add(Variant.exercise(lesson));
                outcomes.put(lesson, null);
            }
        }
        if (!stale.isEmpty()) {
            if (!quiet) {
                System.out.println("Running " + stale.size() + " lesson(s) whose code changed since the last run…");
            }
            PreparedRunner runner = PreparedRunner.prepare();
            for (Map.Entry<Variant, Outcome> e : FastPath.runFast(stale, runner, FastPath.allCpus(),
                    !everyTest).entrySet()) {
                remember(e.getKey(), e.getValue());
                outcomes.put(e.getKey().lesson(), e.getValue());
            }
        }
        return outcomes;
    }
}
