package workbook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Running the Maven wrapper in batch mode, with its output in a log under target/workbook/.
 */
final class Maven {

    record Run(int exitCode, String log, Path logFile) {
    }

    /** Runs the Maven wrapper in batch mode with its output in target/workbook/NAME.log. */
    static Run run(String name, List<String> goals, String cpus) throws Exception {
        Files.createDirectories(Workspace.LOGS);
        int pl = goals.indexOf("-pl");
        deleteStaleReports(goals.stream().filter(g -> g.startsWith("-Dworkbook.variant=")).findFirst()
                .map(g -> g.substring(g.indexOf('=') + 1))
                .orElse(goals.contains("-Psolutions") ? "solution" : "exercise"),
                pl >= 0 && !goals.get(pl + 1).startsWith("!") ? List.of(goals.get(pl + 1).split(","))
                        : Workspace.lessons());
        Path log = Workspace.LOGS.resolve(name + ".log");
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Workspace.ROOT.resolve(windows ? "mvnw.cmd" : "mvnw").toString());
        command.add("-B");
        command.addAll(goals);
        Process p = new ProcessBuilder(command).directory(Workspace.ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        WorkbookCli.RUNNING.add(p);
        int exit;
        try {
            exit = p.waitFor();
        } finally {
            WorkbookCli.RUNNING.remove(p);
        }
        return new Run(exit, Files.readString(log, StandardCharsets.UTF_8), log);
    }

    /** Maven's own [ERROR] lines (what failed and why), without its advice trailer, each on a line of its own. */
    static String errors(String log) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (String line : log.split("\\R")) {
            String message = line.startsWith("[ERROR]") ? line.substring("[ERROR]".length()).strip() : null;
            if (message == null || message.isEmpty() || message.startsWith("->")
                    || message.startsWith("To see the full") || message.startsWith("Re-run Maven")
                    || message.startsWith("For more information")
                    || message.startsWith("[Help") || message.startsWith("After correcting")
                    || message.startsWith("mvn <args>")) {
                continue;
            }
            if (shown++ == 30) {
                out.append("\n      …");
                break;
            }
            out.append("\n      ").append(message);
        }
        return out.toString();
    }

    /** Reports left by an earlier run must not be mistaken for this run's (e.g. when a lesson no longer compiles). */
    static void deleteStaleReports(String variant, List<String> modules) throws IOException {
        for (String lesson : Workspace.lessons().stream().filter(modules::contains).toList()) {
            Path reports = Workspace.surefireReports(lesson, variant);
            if (Files.isDirectory(reports)) {
                FileTrees.deleteTree(reports);
            }
        }
    }
}
