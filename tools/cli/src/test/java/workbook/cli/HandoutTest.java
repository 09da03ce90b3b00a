package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * handout writes the student edition: the lessons, the harness and the student commands, without solutions, fixes,
 * maintainers' CI or commands, with the students' README and workflow and the tests' fingerprint; its tool compiles
 * without the maintainers' classes. (CI builds and grades a whole edition from a fresh git init: .ci/run.)
 */
class HandoutTest {

    @TempDir
    static Path work;

    static Path edition;

    @BeforeAll
    static void writeTheEdition() throws Exception {
        edition = work.resolve("edition");
        Handout.write(edition);
    }

    @Test
    void leavesOutTheAnswersAndTheMaintainersParts() {
        for (String gone : List.of("solutions", "right-fixes", "wrong-fixes", "benchmarks", "harness-tests", ".ci",
                "docs", "CONTRIBUTING.md", ".github/workflows/ci.yml", "tools/cli/pom.xml", "tools/cli/src/test",
                Handout.SOURCES + "Check.java", Handout.SOURCES + "Handout.java", Handout.SOURCES + "ClassReport.java",
                Handout.SOURCES + "MaintainerCommands.java", Handout.SOURCES + "FixView.java",
                ".run/solutions.run.xml")) {
            assertThat(edition.resolve(gone)).as(gone).doesNotExist();
        }
    }

    @Test
    void hasTheLessonsTheHarnessTheWrapperAndTheStudentsFiles() throws Exception {
        for (String kept : List.of("lesson01-atomic-puts/src/main/java", "lesson01-atomic-puts/lesson.properties",
                "lesson08-cluster-counters/src/test/java",
                "test-support/src/main/java", "tools/runner/pom.xml", "tools/Workbook.java",
                Handout.SOURCES + "WorkbookCli.java", "mvnw", "mvnw.cmd",
                ".mvn/wrapper/maven-wrapper.properties", ".github/workflows/grade.yml", "README.md")) {
            assertThat(edition.resolve(kept)).as(kept).exists();
        }
        assertThat(Files.isExecutable(edition.resolve("mvnw"))).isTrue();
        assertThat(Files.readString(edition.resolve("README.md")))
                .isEqualTo(Files.readString(Workspace.ROOT.resolve(Handout.STUDENT_README)));
        assertThat(Files.readString(edition.resolve(".vscode/tasks.json"))).doesNotContain("solutions")
                .contains("lesson08-cluster-counters: test\"");
    }

    @Test
    void itsPomHasNeitherTheSolutionsProfileNorTheMaintainersModules() throws Exception {
        String pom = Files.readString(edition.resolve("pom.xml"));
        assertThat(pom).doesNotContain("<id>solutions</id>", "<id>benchmarks</id>", "harness-tests",
                "<module>tools/cli</module>", "../solutions")
                .contains("<module>tools/runner</module>", "<id>jdk23-plus</id>");
    }

    @Test
    void recordsTheFingerprintOfTheTestsItHandsOut() throws Exception {
        String recorded = Files.readString(edition.resolve(Edition.FILE));
        assertThat(recorded).contains("edition=student", "testsFingerprint=" + Edition.testsFingerprint());
    }

    @Test
    void itsToolCompilesWithoutTheMaintainersClasses() throws Exception {
        List<String> sources;
        try (Stream<Path> all = Files.walk(edition.resolve("tools/cli"))) {
            sources = all.map(Path::toString).filter(p -> p.endsWith(".java")).sorted().toList();
        }
        // An empty class path: the compiler API's default is this JVM's, where every class of the tool is.
        Path nothing = Files.createDirectories(work.resolve("empty-class-path"));
        List<String> javac = new java.util.ArrayList<>(List.of("--release", "17", "-nowarn", "-cp", nothing.toString(),
                "-d", work.resolve("classes").toString()));
        javac.addAll(sources);
        javac.add(edition.resolve("tools/runner/src/main/java/workbook/runner/Protocol.java").toString());
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(String[]::new)))
                .isZero();
    }
}
