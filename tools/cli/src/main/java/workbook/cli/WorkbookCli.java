package workbook.cli;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The workbook's own command line. Needs only a JDK 17+: run it with {@code java tools/Workbook.java [command]};
 * {@code help} lists the commands, a line each ({@link #COMMANDS} here, MaintainerCommands.COMMANDS for the
 * maintainers' ones).
 *
 * Maven is the reference: every verdict here either comes from surefire's reports or from tools/runner, which runs
 * the same test classes in a JVM with surefire's flags and class path, and which check compares with Maven on every
 * exercise and solution (check --full: and every wrong fix).
 */
public class WorkbookCli {

    public static void main(String[] args) throws Exception {
        if (!Files.exists(Workspace.ROOT.resolve("pom.xml")) || !Files.isDirectory(Workspace.ROOT.resolve("tools"))) {
            System.err.println("Run this from the workbook's root folder: java tools/Workbook.java");
            System.exit(2);
        }
        if (args.length > 0 && HELP.contains(args[0])) {
            help(System.out);
            System.exit(0);
        }
        if (args.length == 0 || args[0].startsWith("--")) {
            List<String> progress = new ArrayList<>(List.of("progress"));
            progress.addAll(List.of(args));
            args = progress.toArray(String[]::new);
        }
        String command = args[0];
        // Ctrl-C (or any end) takes the Maven or test JVMs running now with it, and their children.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process p : RUNNING) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }));
        List<String> rest = List.of(args).subList(1, args.length);
        int status = switch (command) {
            case "progress" -> Progress.show(rest);
            case "check-lesson" -> Grading.checkLesson(rest);
            case "report" -> Report.command(rest);
            case "watch" -> Watch.run(rest);
            case "hint" -> StudentCommands.hint(rest);
            case "reset" -> StudentCommands.reset(rest);
            case "solution" -> StudentCommands.solution(rest);
            default -> maintainers(command, rest);
        };
        TestJvm.awaitEnding(); // the test JVMs that finished their tests draw their pictures as they end
        System.exit(status);
    }

    /**
     * A maintainers' command, from MaintainerCommands where this edition has it (a student edition does not); 2 for
     * a command that does not exist or is not in this edition.
     */
    static int maintainers(String command, List<String> args) throws Exception {
        if (!maintainersHelp().containsKey(command)) {
            System.err.println("Unknown command '" + command + "'. The commands, a line each: java tools/Workbook.java"
                    + " help");
            return 2;
        }
        var run = Class.forName("workbook.cli.MaintainerCommands").getDeclaredMethod("run", String.class, List.class);
        run.setAccessible(true);
        try {
            return (int) run.invoke(null, command, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The Maven or test JVMs running now, so that Ctrl-C can end them. */
    static final Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The student commands, in every edition, each with its one line of help; the maintainers' are in
     * MaintainerCommands.COMMANDS. */
    static final java.util.Map<String, String> COMMANDS = lines(
            "progress", "[--json]  every lesson's verdict (the default command); re-runs only changed lessons",
            "watch", "[lesson]  re-runs a lesson's tests on every save (default: the first unsolved lesson)",
            "hint", "[lesson]  the lesson README's next folded hint",
            "reset", "lesson  the exercise as shipped; your code is kept in .workbook/backups/",
            "solution", "lesson [--anyway]  the reference solution as a diff against yours, once solved",
            "check-lesson", "lesson  for graders: exit 0 when solved, 1 when not, 2 when it could not be graded",
            "report", "[--out DIR]  for graders: every test, as report.json, summary.md and surefire XML");

    static final Set<String> HELP = Set.of("help", "-h", "--help");

    /** Pairs of command and help line, in order. */
    static java.util.Map<String, String> lines(String... commandsAndLines) {
        java.util.Map<String, String> lines = new java.util.LinkedHashMap<>();
        for (int i = 0; i < commandsAndLines.length; i += 2) {
            lines.put(commandsAndLines[i], commandsAndLines[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(lines);
    }

    /** The help screen: every command of this edition, a line each. */
    static void help(java.io.PrintStream out) throws Exception {
        out.println("java tools/Workbook.java [command] [arguments]");
        out.println();
        out.println("students");
        COMMANDS.forEach((command, line) -> out.printf("  %-13s %s%n", command, line));
        java.util.Map<String, String> maintainers = maintainersHelp();
        if (maintainers.isEmpty()) {
            out.println();
            out.println("This is the student edition: the maintainers' commands are not part of it.");
            return;
        }
        out.println();
        out.println("maintainers and teachers");
        maintainers.forEach((command, line) -> out.printf("  %-13s %s%n", command, line));
    }

    /** MaintainerCommands.COMMANDS where this edition has that class, else empty. */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, String> maintainersHelp() throws Exception {
        try {
            return (java.util.Map<String, String>) Class.forName("workbook.cli.MaintainerCommands")
                    .getDeclaredField("COMMANDS")
                    .get(null);
        } catch (ClassNotFoundException studentEdition) {
            return java.util.Map.of();
        }
    }
}
