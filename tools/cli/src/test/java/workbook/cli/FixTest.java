package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fix is its header plus its change against the exercise: built into a whole source folder under target/, named
 * when its change no longer applies, shown beside the exercise.
 */
class FixTest {

    static final String STRIPED = "lesson01-atomic-puts/striped-locks";

    @Test
    void buildsTheExerciseWithTheChangeAndTheHeaderOnTop() throws Exception {
        Fix fix = Fix.named(STRIPED).orElseThrow();

        Path built = fix.sources().resolve("workbook/lesson01/SharedStore.java");

        String code = Files.readString(built);
        assertThat(code).contains("/*\n * Wrong fix · lesson 01 · striped locks around one shared HashMap\n *\n",
                " * Caught by: readersDuringPutsFindEveryStoredKey, fewThreadsKeepEveryPut\n */\npublic class SharedStore",
                "private final ReentrantLock[] locks").doesNotContain("Lesson 01 · Atomic puts");
        assertThat(fix.caughtBy()).containsExactly("readersDuringPutsFindEveryStoredKey", "fewThreadsKeepEveryPut");
        assertThat(fix.toRun().tests()).containsExactlyInAnyOrder("readersDuringPutsFindEveryStoredKey",
                "fewThreadsKeepEveryPut");
        assertThat(Fix.named("lesson01-atomic-puts/fair-lock").orElseThrow().toRun().tests()).isEmpty();
    }

    @Test
    void aChangeThatNoLongerAppliesNamesTheFix(@TempDir Path dir) throws Exception {
        Fix real = Fix.named(STRIPED).orElseThrow();
        Path stale = dir.resolve("stale.diff");
        // The exercise "changed": the line the change replaces is no longer there.
        Files.writeString(stale, Files.readString(real.change()).replace("-        entries.put(key, value);",
                "-        entries.put(key, value); // not in the exercise"));
        Fix fix = new Fix(Fix.Kind.WRONG, "lesson01-atomic-puts", "stale-for-a-test", stale);

        assertThatThrownBy(fix::sources).isInstanceOf(Fix.DoesNotApply.class)
                .hasMessageStartingWith("wrong-fixes/lesson01-atomic-puts/stale-for-a-test.diff no longer applies to"
                        + " lesson01-atomic-puts's exercise: ");
    }

    @Test
    void showsTheChangeBesideTheExercise() {
        List<String> rows = FixView.sideBySide(List.of("--- a/workbook/X.java", "+++ b/workbook/X.java",
                "@@ -1,3 +1,3 @@", " class X {", "-    int n;", "+    volatile int n;", "+    int m;", " }"));

        assertThat(rows).containsExactly(
                String.format("%-58s   %s", "exercise: workbook/X.java", "fix"),
                String.format("%-58s   %s", "···· @@ -1,3 +1,3 @@", "····"),
                String.format("%-58s   %s", "class X {", "class X {"),
                String.format("%-58s | %s", "    int n;", "    volatile int n;"),
                String.format("%-58s > %s", "", "    int m;"),
                String.format("%-58s   %s", "}", "}"));
    }
}
