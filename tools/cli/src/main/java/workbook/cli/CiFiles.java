package workbook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CI files part of check (ci-files): the maintainers' and the students' GitHub Actions workflows and the
 * Classroom 50 tests file.
 */
final class CiFiles {

    static final Path WORKFLOW = Path.of(".github/workflows/ci.yml");
    static final Path STUDENT_WORKFLOW = Handout.STUDENT_WORKFLOW;
    /** Classroom 50's declarative tests: a bare JSON array, as gh teacher assignment add --tests reads it. */
    static final Path CLASSROOM50_TESTS = Path.of("docs/classroom50/tests.json");
    /** Seconds per command (Classroom 50 allows 1-600): the first, report, also downloads Maven and the libraries. */
    static final int REPORT_TIMEOUT_SECONDS = 600;
    static final int LESSON_TIMEOUT_SECONDS = 300;
    static final int POINTS_PER_LESSON = 10;
    static final String REPORT = "java tools/Workbook.java report --out grading";
    static final String CHECK_LESSON = "java tools/Workbook.java check-lesson";

    /**
     * Checks that the workflows and the Classroom 50 tests parse, name only commands that exist, and grade every
     * lesson once; runs one graded command to prove it runs. With --write, first writes the tests file afresh from
     * the root pom's lessons.
     */
    static int command(List<String> args) throws Exception {
        if (args.contains("--write")) {
            Files.createDirectories(Workspace.ROOT.resolve(CLASSROOM50_TESTS).getParent());
            Files.writeString(Workspace.ROOT.resolve(CLASSROOM50_TESTS), classroom50Tests());
            System.out.println("wrote " + CLASSROOM50_TESTS);
        }
        List<String> problems = check();
        problems.forEach(p -> System.out.println("  - " + p));
        return problems.isEmpty() ? 0 : 1;
    }

    /**
     * A 0-point test that runs the whole report first (it fails, without changing the score, only when grading
     * cannot run), then one 10-point test per lesson, which passes on check-lesson's exit 0 only and finds the
     * verdict the report left.
     */
    static String classroom50Tests() throws IOException {
        StringBuilder out = new StringBuilder("[\n  {\"name\": \"grading ran\", \"type\": \"run\", \"run\": ")
                .append(Text.quote(REPORT)).append(", \"timeout\": ").append(REPORT_TIMEOUT_SECONDS)
                .append(", \"points\": 0}");
        for (String lesson : Workspace.lessons()) {
            out.append(",\n  {\"name\": ").append(Text.quote(lesson)).append(", \"type\": \"run\", \"run\": ")
                    .append(Text.quote(CHECK_LESSON + " " + lesson)).append(", \"timeout\": ")
                    .append(LESSON_TIMEOUT_SECONDS).append(", \"points\": ").append(POINTS_PER_LESSON).append("}");
        }
        return out.append("\n]\n").toString();
    }

    static List<String> check() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> lessons = Workspace.lessons();
        // The Classroom 50 tests: exactly what classroom50Tests() writes for these lessons.
        List<String> graded = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        try {
            String tests = Files.readString(Workspace.ROOT.resolve(CLASSROOM50_TESTS));
            for (Object test : (List<?>) new Json(tests).value()) {
                String run = (String) ((Map<?, ?>) test).get("run");
                commands.add(run);
                if (run.startsWith(CHECK_LESSON + " ")) {
                    graded.add(run.substring(CHECK_LESSON.length() + 1).strip());
                }
            }
            if (!tests.equals(classroom50Tests())) {
                problems.add(CLASSROOM50_TESTS + " is not what ci-files --write makes for " + lessons
                        + " (java tools/Workbook.java ci-files --write)");
            }
        } catch (IOException | RuntimeException e) {
            problems.add(CLASSROOM50_TESTS + " does not parse as Classroom 50's tests: " + e);
        }
        // The workflows: YAML (parsed where Python's yaml module is installed), every run line a known command.
        List<String> runs = new ArrayList<>();
        for (Path workflow : List.of(WORKFLOW, STUDENT_WORKFLOW)) {
            runs.addAll(yamlRunLines(Workspace.ROOT.resolve(workflow), problems));
        }
        commands.addAll(runs);
        for (String command : commands) {
            String why = unknownCommand(command, lessons);
            if (!why.isEmpty()) {
                problems.add("'" + command + "': " + why);
            }
        }
        System.out.println("  " + WORKFLOW + " and " + STUDENT_WORKFLOW + ": " + runs.size() + " commands; "
                + CLASSROOM50_TESTS + ": " + graded.size() + " graded lessons");
        if (!graded.isEmpty() && problems.isEmpty()) {
            // One graded command, run as a grader runs it: it must give a verdict, not a usage error.
            Maven.Run run = runJava("grading-" + graded.get(0), List.of(CHECK_LESSON.split(" ")), graded.get(0));
            // The verdict is a line of its own; a first run may print "Preparing the test runner…" before it.
            if (run.exitCode() > 1 || run.log().lines().noneMatch(l -> l.startsWith(graded.get(0) + " "))) {
                problems.add("'" + CHECK_LESSON + " " + graded.get(0) + "' gave no verdict (exit " + run.exitCode()
                        + "); see " + Workspace.ROOT.relativize(run.logFile()));
            }
        }
        return problems;
    }

    /** The run: lines of a workflow; the file is parsed as YAML first where python3 with yaml is installed. */
    static List<String> yamlRunLines(Path workflow, List<String> problems) throws Exception {
        if (!Files.exists(workflow)) {
            problems.add(Workspace.ROOT.relativize(workflow) + " is missing");
            return List.of();
        }
        String script = "import sys, yaml\n"
                + "doc = yaml.safe_load(open(sys.argv[1]))\n"
                + "for job in doc['jobs'].values():\n"
                + "    for step in job['steps']:\n"
                + "        if 'run' in step: print(step['run'].strip().replace('\\n', ' ; '))\n";
        try {
            Process p = new ProcessBuilder("python3", "-c", script, workflow.toString()).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) {
                return out.lines().toList();
            }
            if (!out.contains("No module named 'yaml'")) {
                problems.add(Workspace.ROOT.relativize(workflow) + " does not parse as YAML: " + Text.tail(out, 3));
                return List.of();
            }
        } catch (IOException noPython) {
            // Falls through to the plain reading below.
        }
        System.out.println("  note: no python3 with yaml here, so " + Workspace.ROOT.relativize(workflow)
                + " is read line by line, not parsed");
        return Files.readAllLines(workflow).stream().map(String::strip).filter(l -> l.startsWith("run: "))
                .map(l -> l.substring(5)).toList();
    }

    /** Empty when a CI command is one the workbook documents and its lesson names exist; otherwise why not. */
    static String unknownCommand(String command, List<String> lessons) {
        String first = command.split(" ;| &&| \\|\\|")[0].strip();
        List<String> words = List.of(first.split("\\s+"));
        List<String> named = new ArrayList<>();
        if (first.startsWith("java tools/Workbook.java")) {
            String sub = words.size() > 2 ? words.get(2) : "progress";
            if (!WorkbookCli.COMMANDS.containsKey(sub) && !MaintainerCommands.COMMANDS.containsKey(sub)
                    && !sub.startsWith("--")) {
                return "Workbook.java has no command " + sub;
            }
            if (sub.equals("check-lesson")) {
                named.add(words.size() > 3 ? words.get(3) : "(none)");
            }
        } else if (words.get(0).equals("./mvnw") || words.get(0).equals("mvnw.cmd")) {
            int pl = words.indexOf("-pl");
            if (pl >= 0) {
                named.addAll(List.of(words.get(pl + 1).split(",")));
            }
        } else if (words.get(0).equals("test") || words.get(0).equals("exit")) {
            return ""; // a shell test of the exit code before it
        } else if (!words.get(0).equals(".ci/run")) {
            return "not a command the README gives (java tools/Workbook.java, ./mvnw, mvnw.cmd, .ci/run)";
        } else if (!Files.isExecutable(Workspace.ROOT.resolve(".ci/run"))) {
            return ".ci/run is missing or not executable";
        }
        for (String lesson : named) {
            if (!lessons.contains(lesson)) {
                return "names " + lesson + ", which is not a lesson module";
            }
        }
        return "";
    }

    /** Runs java with the given arguments (the first is "java"), as a separate process, output to a log. */
    static Maven.Run runJava(String name, List<String> javaCommand, String lastArgument) throws Exception {
        Files.createDirectories(Workspace.LOGS);
        Path log = Workspace.LOGS.resolve(name + ".log");
        List<String> command = new ArrayList<>(javaCommand);
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(lastArgument);
        Process p = new ProcessBuilder(command).directory(Workspace.ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        return new Maven.Run(exit, Files.readString(log, StandardCharsets.UTF_8), log);
    }
}
