package workbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the workbook is: its root folder, its logs, the student's state (ignored by git), its lessons.
 */
final class Workspace {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path LOGS = ROOT.resolve("target/workbook");

    /** Where the student's own state lives (ignored by git): progress, hints shown, backups made by reset. */
    static final Path STATE = ROOT.resolve(".workbook");

    /** A properties file of the student's state, .workbook/NAME; empty when there is none yet. */
    static Properties readState(String name) throws IOException {
        Properties p = new Properties();
        Path file = STATE.resolve(name);
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    static void writeState(String name, Properties p, String comment) throws IOException {
        Files.createDirectories(STATE);
        try (var out = Files.newBufferedWriter(STATE.resolve(name))) {
            p.store(out, comment);
        }
    }

    /** The lesson modules, in the order the root pom lists them. */
    static List<String> lessons() throws IOException {
        Matcher m = Pattern.compile("<module>(lesson\\d\\d-[a-z0-9-]+)</module>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> lessons = new ArrayList<>();
        while (m.find()) {
            lessons.add(m.group(1));
        }
        return lessons;
    }

    /** True when a test of {@code lesson} uses the harness's model checker (its catalogue says so: Lesson). */
    static boolean usesTheModelChecker(String lesson) {
        return Lesson.of(lesson).modelChecker();
    }

    /** True when the lesson's tests start an embedded Hazelcast cluster (its catalogue says so: Lesson). */
    static boolean usesACluster(String lesson) {
        return Lesson.of(lesson).cluster();
    }

    /** Where Maven's surefire leaves the reports of one lesson variant (exercise, solution, wrong-NAME, right-NAME). */
    static Path surefireReports(String lesson, String variant) {
        return ROOT.resolve(lesson).resolve("target").resolve(variant).resolve("surefire-reports");
    }

    /** The lesson module the first argument names (a prefix such as lesson01 will do), or null after saying why. */
    static String lessonNamed(List<String> args) throws IOException {
        List<String> lessons = lessons();
        List<String> named = args.isEmpty() ? List.of() : lessons.stream().filter(l -> l.startsWith(args.get(0)))
                .toList();
        if (named.size() != 1) {
            System.err.println("Name one lesson: " + String.join(", ", lessons));
            return null;
        }
        return named.get(0);
    }
}
