import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CI files part of check (ci-files): the GitHub Actions workflow and the Classroom autograding file.
 */
final class CiFiles {

    static final Path WORKFLOW = Path.of(".github/workflows/ci.yml");
    static final Path AUTOGRADING = Path.of(".github/classroom/autograding.json");
    /** Minutes GitHub Classroom gives each graded test. */
    static final int GRADING_TIMEOUT_MINUTES = 10;
    static final int POINTS_PER_LESSON = 10;

    /**
     * Checks that the GitHub Actions workflow and the Classroom autograding file parse, name only commands that
     * exist, and grade every lesson once; runs one graded command to prove it runs. With --write, first writes the
     * autograding file afresh from the root pom's lessons.
     */
    static int command(List<String> args) throws Exception {
        if (args.contains("--write")) {
            Files.createDirectories(Workspace.ROOT.resolve(AUTOGRADING).getParent());
            Files.writeString(Workspace.ROOT.resolve(AUTOGRADING), autograding());
            System.out.println("wrote " + AUTOGRADING);
        }
        List<String> problems = check();
        problems.forEach(p -> System.out.println("  - " + p));
        return problems.isEmpty() ? 0 : 1;
    }

    static String autograding() throws IOException {
        StringBuilder out = new StringBuilder("{\n  \"tests\": [");
        String separator = "\n";
        for (String lesson : Workspace.lessons()) {
            out.append(separator).append("    {\"name\": ").append(Text.quote(lesson))
                    .append(", \"setup\": \"\", \"run\": ").append(Text.quote(CHECK_LESSON + " " + lesson))
                    .append(", \"input\": \"\", \"output\": \"\", \"comparison\": \"included\", \"timeout\": ")
                    .append(GRADING_TIMEOUT_MINUTES).append(", \"points\": ").append(POINTS_PER_LESSON).append("}");
            separator = ",\n";
        }
        return out.append("\n  ]\n}\n").toString();
    }

    static final String CHECK_LESSON = "java tools/Workbook.java check-lesson";

    static List<String> check() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> lessons = Workspace.lessons();
        // The autograding file: JSON, one test per lesson, each calling check-lesson for it.
        List<String> graded = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        try {
            Object json = new Json(Files.readString(Workspace.ROOT.resolve(AUTOGRADING))).value();
            for (Object test : (List<?>) ((Map<?, ?>) json).get("tests")) {
                String run = (String) ((Map<?, ?>) test).get("run");
                commands.add(run);
                if (run.startsWith(CHECK_LESSON + " ")) {
                    graded.add(run.substring(CHECK_LESSON.length() + 1).strip());
                } else {
                    problems.add(AUTOGRADING + ": a graded test runs '" + run + "', not " + CHECK_LESSON);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(AUTOGRADING + " does not parse as the autograding file: " + e);
        }
        if (!graded.equals(lessons)) {
            problems.add(AUTOGRADING + " grades " + graded + ", but the lessons are " + lessons
                    + " (java tools/Workbook.java ci-files --write)");
        }
        // The workflow: YAML (parsed where Python's yaml module is installed), every run line a known command.
        Path workflow = Workspace.ROOT.resolve(WORKFLOW);
        List<String> runs = yamlRunLines(workflow, problems);
        commands.addAll(runs);
        for (String command : commands) {
            String why = unknownCommand(command, lessons);
            if (!why.isEmpty()) {
                problems.add("'" + command + "': " + why);
            }
        }
        System.out.println("  " + WORKFLOW + ": " + runs.size() + " commands; " + AUTOGRADING + ": " + graded.size()
                + " graded lessons");
        if (!graded.isEmpty() && problems.isEmpty()) {
            // One graded command, run as Classroom runs it: it must give a verdict, not a usage error.
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
            if (!WorkbookCli.COMMANDS.contains(sub) && !sub.startsWith("--")) {
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
