package workbook.cli;

import java.util.List;
import java.util.Map;

/**
 * The maintainers' and teachers' commands, which a student edition (handout) leaves out: WorkbookCli finds this class
 * by name, so that the student commands compile without it.
 */
final class MaintainerCommands {

    /** Each command with its one line of help (java tools/Workbook.java help). */
    static final Map<String, String> COMMANDS = WorkbookCli.lines(
            "check", "[--full | --second-jdk] [--solutions-verified]  every verdict, as CI proves it"
                    + " (CONTRIBUTING.md)",
            "wrong-fixes", "[lesson…]  only the wrong fixes, as check --full judges them",
            "right-fixes", "[lesson…]  only the right fixes, as check --full judges them",
            "fix", "LESSON/NAME [--diff]  a right or wrong fix beside the exercise, or as its change",
            "rates", "[--runs N] [--cpus L] [--lessons a,b] [--fixes] [--only …]  how often each verdict holds",
            "handout", "DIR  the student edition: no solutions, fixes or maintainers' CI and commands",
            "class-report", "FOLDER  a class's reports: solved, stuck, commonest failures; CSV and Markdown",
            "ci-files", "[--write]  the CI files part of check (--write: docs/classroom50/tests.json afresh)",
            "ide-files", "[--write]  the IDE files part of check (--write: .run/, .vscode/tasks.json afresh)");

    static int run(String command, List<String> args) throws Exception {
        return switch (command) {
            case "check" -> Check.all(args);
            case "wrong-fixes" -> Check.fixesOnly(Fix.Kind.WRONG, args);
            case "right-fixes" -> Check.fixesOnly(Fix.Kind.RIGHT, args);
            case "ide-files" -> IdeFiles.command(args);
            case "ci-files" -> CiFiles.command(args);
            case "rates" -> Rates.run(args);
            case "fix" -> FixView.command(args);
            case "handout" -> Handout.command(args);
            case "class-report" -> ClassReport.command(args);
            default -> throw new IllegalArgumentException(command);
        };
    }
}
