import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The workbook's own command line. Needs only a JDK 17+: run it with {@code java tools/Workbook.java [command]}.
 *
 * <pre>
 *   students
 *   (no command)  progress [--json]
 *                            every lesson's verdict, remembered in .workbook/ and re-run only where its code changed;
 *                            --json: per lesson solved or not, tests passed, first failure, sources' fingerprint
 *   watch [lesson]           re-run a lesson's tests on every save (default: the first unsolved lesson)
 *   hint [lesson]            the lesson README's next folded hint
 *   reset lesson             the exercise as shipped; the replaced code is kept in .workbook/backups/
 *   solution lesson [--anyway]
 *                            the reference solution as a diff against yours, once the lesson is solved
 *   check-lesson lesson      graders: exit 0 when the lesson is solved, 1 when not, 2 when it could not be graded
 *   report [--out DIR]       graders: every test of every lesson; DIR/report.json (docs/report.schema.json),
 *                            DIR/summary.md (also to the GitHub job summary), DIR/surefire/; exit 2 only when
 *                            grading could not run
 *
 *   maintainers and CI
 *   check                    every solution passes and every exercise fails on its race assertion: through Maven
 *                            (all CPUs); through the fast path (tools/runner) pinned to one CPU with taskset (where
 *                            it exists), and the exercises up to their first failing test on all CPUs, as watch runs
 *                            them; the fast path must agree with Maven; every wrong fix in wrong-fixes/ is caught by
 *                            the tests it names and every right fix in right-fixes/ passes, pinned to one CPU (on all
 *                            CPUs where taskset is missing); code quoted in READMEs matches the files; the CI,
 *                            Classroom 50 and IDE files are current. What CI runs on every change.
 *   check --full             the same, and every fix on all CPUs too, every wrong fix through Maven as well (the
 *                            fast path must agree): the whole matrix, run on a schedule
 *   check --second-jdk       only the exercises and solutions, through the fast path, pinned (CI's second JDK)
 *   check --solutions-verified
 *                            read the reports of the ./mvnw -Psolutions verify that just ran instead of running it
 *                            again (CI's first step is that command)
 *   wrong-fixes [lesson…]    only the wrong-fixes part of check --full
 *   right-fixes [lesson…]    only the right-fixes part of check --full
 *   ci-files [--write]       only the CI files part (--write: docs/classroom50/tests.json afresh)
 *   ide-files [--write]      only the IDE files part (--write: .run/ and .vscode/tasks.json afresh)
 *   handout DIR              the student edition in DIR: no solutions or fixes, no maintainers' CI or commands, the
 *                            students' workflow and README, the handed-out tests' fingerprint
 *   class-report FOLDER      a class's reports (report.json files, as downloaded from the students' workflow):
 *                            per lesson solved and stuck, the commonest first failures, edited tests; CSV and Markdown
 *   rates [--runs N] [--cpus LIST] [--lessons a,b] [--fixes] [--only label,…]
 *                            run each exercise and solution (--fixes: and every fix of those lessons) N times, each
 *                            in a fresh test JVM through the fast path (--cpus: pinned with taskset), and print how
 *                            often each got its right verdict, with median test times and the load average
 * </pre>
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
        System.exit(status);
    }

    /**
     * A maintainers' command, from MaintainerCommands where this edition has it (a student edition does not); 2 for
     * a command that does not exist or is not in this edition.
     */
    static int maintainers(String command, List<String> args) throws Exception {
        Class<?> maintainers;
        try {
            maintainers = Class.forName("MaintainerCommands");
        } catch (ClassNotFoundException studentEdition) {
            maintainers = null;
        }
        @SuppressWarnings("unchecked")
        Set<String> known = maintainers == null ? Set.of()
                : (Set<String>) maintainers.getDeclaredField("COMMANDS").get(null);
        if (!known.contains(command)) {
            System.err.println("Unknown command '" + command + "'. Commands: " + String.join(", ",
                    new java.util.TreeSet<>(COMMANDS)) + (maintainers == null ? " (this is the student edition: the"
                    + " maintainers' commands are not part of it)" : ", " + String.join(", ",
                    new java.util.TreeSet<>(known))));
            return 2;
        }
        var run = maintainers.getDeclaredMethod("run", String.class, List.class);
        run.setAccessible(true);
        try {
            return (int) run.invoke(null, command, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The Maven or test JVMs running now, so that Ctrl-C can end them. */
    static final Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The student commands, in every edition; the maintainers' are MaintainerCommands.COMMANDS. */
    static final Set<String> COMMANDS = Set.of("progress", "check-lesson", "report", "watch", "hint", "reset",
            "solution");
}
