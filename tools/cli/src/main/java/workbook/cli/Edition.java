package workbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Which edition of the workbook this is: the full one (the maintainers', with solutions and fixes) or a student
 * edition written by {@code handout}, which records in {@link #FILE} the fingerprint of the tests it handed out.
 */
final class Edition {

    static final Path FILE = Path.of("tools", "edition.properties");

    static Properties recorded() throws IOException {
        Properties p = new Properties();
        Path file = Workspace.ROOT.resolve(FILE);
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    /** "student" in an edition written by handout, "full" in the maintainers' workbook. */
    static String name() throws IOException {
        return recorded().getProperty("edition", "full");
    }

    static boolean hasSolutions() {
        return Files.isDirectory(Workspace.ROOT.resolve("solutions"));
    }

    /**
     * What decides a verdict besides the student's code: every lesson's tests and pom, the harness and the runner.
     * A report whose fingerprint differs from the handed-out one ran edited tests.
     */
    static String testsFingerprint() throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (String lesson : Workspace.lessons()) {
            inputs.add(Workspace.ROOT.resolve(lesson).resolve("src/test"));
            inputs.add(Workspace.ROOT.resolve(lesson).resolve("pom.xml"));
        }
        inputs.add(Workspace.ROOT.resolve("test-support/src"));
        inputs.add(Workspace.ROOT.resolve("tools/runner/src"));
        return FileTrees.fingerprint(inputs);
    }

    /** The students' code: every lesson's src/main/java. */
    static String sourcesFingerprint() throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (String lesson : Workspace.lessons()) {
            inputs.add(Workspace.ROOT.resolve(lesson).resolve("src/main/java"));
        }
        return FileTrees.fingerprint(inputs);
    }

    /** The tests' fingerprint recorded when the edition was handed out; null in the full workbook. */
    static String handedOutTestsFingerprint() throws IOException {
        return recorded().getProperty("testsFingerprint");
    }
}
