import java.util.List;
import java.util.Set;

/**
 * The maintainers' and teachers' commands, which a student edition (handout) leaves out: WorkbookCli finds this class
 * by name, so that the student commands compile without it.
 */
final class MaintainerCommands {

    static final Set<String> COMMANDS = Set.of("check", "wrong-fixes", "right-fixes", "ci-files", "ide-files", "rates",
            "handout", "class-report");

    static int run(String command, List<String> args) throws Exception {
        return switch (command) {
            case "check" -> Check.all(args);
            case "wrong-fixes" -> Check.fixesOnly(Fix.Kind.WRONG, args);
            case "right-fixes" -> Check.fixesOnly(Fix.Kind.RIGHT, args);
            case "ide-files" -> IdeFiles.command(args);
            case "ci-files" -> CiFiles.command(args);
            case "rates" -> Rates.run(args);
            case "handout" -> Handout.command(args);
            case "class-report" -> ClassReport.command(args);
            default -> throw new IllegalArgumentException(command);
        };
    }
}
