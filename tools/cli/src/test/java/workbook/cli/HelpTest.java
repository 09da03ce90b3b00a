package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** java tools/Workbook.java help: every command of the edition, a line each, as every CLI has. */
class HelpTest {

    @Test
    void listsEveryCommandOnALineOfItsOwn() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkbookCli.help(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        for (String command : List.of("progress", "watch", "hint", "reset", "solution", "check-lesson", "report",
                "check", "wrong-fixes", "right-fixes", "rates", "handout", "class-report", "ci-files", "ide-files")) {
            assertThat(lines).as(command).filteredOn(line -> line.startsWith("  " + command + " ")).hasSize(1);
        }
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
        assertThat(WorkbookCli.HELP).containsExactlyInAnyOrder("help", "-h", "--help");
    }
}
