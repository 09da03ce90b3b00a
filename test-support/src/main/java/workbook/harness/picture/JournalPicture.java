package workbook.harness.picture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The picture of a test's journal of calls, as the lockstep tests keep one: one lane per thread, a switch wherever the
 * journal goes on with another thread (where the text timeline prints {@code <context switch>}), and the marks that
 * {@link CallMarks} reads from the calls themselves. The maps in such a journal carry the names the test gave them.
 */
public final class JournalPicture {

    private JournalPicture() {
    }

    /**
     * Draws {@code journal} (who, what it called), then {@code main}'s line when not null, as the picture of the
     * running test, when the JVM ends; returns the line that names it, or "" outside a lesson's test.
     */
    public static String draw(String title, String verdict, List<Map.Entry<String, String>> journal, String main) {
        List<RaceStep> steps = new ArrayList<>();
        String previous = null;
        for (Map.Entry<String, String> call : journal) {
            if (previous != null && !previous.equals(call.getKey())) {
                steps.add(RaceStep.contextSwitch(previous, call.getKey()));
            }
            steps.add(RaceStep.step(call.getKey(), call.getValue(), 0, List.of(), List.of()));
            previous = call.getKey();
        }
        if (main != null) {
            steps.add(RaceStep.step("main", main, 0, List.of(), List.of()));
        }
        return Pictures.currentTest().map(test -> {
            Path picture = test.picture("");
            Pictures.drawLater(picture, () -> new Race(title, verdict, CallMarks.mark(steps, true), null));
            return Pictures.seeIt(picture);
        }).orElse("");
    }
}
