package workbook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * handout DIR: the repository students get. The lessons, the harness, the runner, the student commands, the Maven
 * wrapper, the IDE files without the solutions' entry, a README for students and their grading workflow; no
 * solutions, fixes, benchmarks, harness self-tests, maintainers' CI, docs or commands. It records the handed-out tests'
 * fingerprint in tools/edition.properties, so that every report says whether the tests a student ran are these.
 */
final class Handout {

    /** Tracked paths that stay out of the edition (a prefix of a path relative to the root). */
    static final List<String> LEFT_OUT = List.of("solutions/", "right-fixes/", "wrong-fixes/", "benchmarks/",
            "harness-tests/", ".ci/", ".github/", "docs/", "CONTRIBUTING.md", "README.md", "tools/cli/pom.xml",
            "tools/cli/src/test/", "tools/watch-timing.sh", ".run/solutions.run.xml",
            Edition.FILE.toString().replace('\\', '/'));

    /** The students' README and workflow, kept in the full workbook. */
    static final Path STUDENT_README = Path.of("docs", "student-edition", "README.md");
    static final Path STUDENT_WORKFLOW = Path.of(".github", "workflows", "grade.yml");

    static int command(List<String> args) throws Exception {
        if (args.size() != 1) {
            System.err.println("Usage: java tools/Workbook.java handout DIR (a new or empty folder)");
            return 2;
        }
        Path dir = Path.of(args.get(0)).toAbsolutePath();
        if (Files.exists(dir) && (!Files.isDirectory(dir) || Files.list(dir).findAny().isPresent())) {
            System.err.println(dir + " exists and is not empty; the edition needs a folder of its own.");
            return 2;
        }
        if (dir.startsWith(Workspace.ROOT)) {
            System.err.println(dir + " is inside the workbook; write the edition elsewhere.");
            return 2;
        }
        List<String> copied = write(dir);
        System.out.println("Wrote the student edition to " + dir + ": " + copied.size() + " files, tests fingerprint "
                + Edition.testsFingerprint() + ".");
        System.out.println("Next: cd " + dir + " && git init && git add -A && git commit -m 'Workbook'");
        return 0;
    }

    static List<String> write(Path dir) throws Exception {
        List<String> copied = new ArrayList<>();
        for (String file : StudentCommands.git("ls-files").lines().toList()) {
            if (LEFT_OUT.stream().anyMatch(file::startsWith) || maintainersSource(file)) {
                continue;
            }
            Path from = Workspace.ROOT.resolve(file);
            if (!Files.exists(from)) {
                continue; // deleted in the work tree, not yet in git
            }
            Path to = dir.resolve(file);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            copied.add(file);
        }
        Files.writeString(dir.resolve("pom.xml"), studentPom(Files.readString(Workspace.ROOT.resolve("pom.xml"))));
        Path tasks = dir.resolve(".vscode/tasks.json");
        if (Files.exists(tasks)) {
            Files.writeString(tasks, withoutSolutionsTask(Files.readString(tasks)));
        }
        Files.copy(Workspace.ROOT.resolve(STUDENT_README), dir.resolve("README.md"));
        Files.createDirectories(dir.resolve(STUDENT_WORKFLOW).getParent());
        Files.copy(Workspace.ROOT.resolve(STUDENT_WORKFLOW), dir.resolve(STUDENT_WORKFLOW));
        Files.writeString(dir.resolve(Edition.FILE), "# The student edition of the workbook, written by"
                + " java tools/Workbook.java handout.\n# Reports compare the tests they ran with testsFingerprint.\n"
                + "edition=student\nmadeFrom=" + Report.commit() + "\ntestsFingerprint=" + Edition.testsFingerprint()
                + "\n");
        return copied;
    }

    static final String SOURCES = "tools/cli/src/main/java/workbook/cli/";

    /** The tool's maintainers' and teachers' parts: MaintainerCommands and every class only it uses. */
    static boolean maintainersSource(String file) {
        return List.of("Check", "Fix", "FixView", "Rates", "CiFiles", "IdeFiles", "QuotedCode", "Handout",
                "ClassReport", "MaintainerCommands").stream().anyMatch(c -> file.equals(SOURCES + c + ".java"));
    }

    /** The root pom without the modules and profiles that the edition leaves out. */
    static String studentPom(String pom) {
        String out = pom.replaceAll("\\s*<module>(harness-tests|tools/cli)</module>", "");
        for (String profile : List.of("benchmarks", "solutions")) {
            out = Pattern.compile("\\s*(<!--(?:(?!-->).)*-->\\s*)?<profile>\\s*(<!--(?:(?!-->).)*-->\\s*)?<id>"
                    + profile + "</id>.*?</profile>", Pattern.DOTALL).matcher(out).replaceFirst("");
        }
        return out;
    }

    static String withoutSolutionsTask(String tasks) {
        List<String> lines = new ArrayList<>(tasks.lines().filter(l -> !l.contains("\"solutions: verify\"")).toList());
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i + 1).strip().startsWith("]") && lines.get(i).stripTrailing().endsWith(",")) {
                String l = lines.get(i).stripTrailing();
                lines.set(i, l.substring(0, l.length() - 1));
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
