package workbook.harness.picture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The picture of a test's journal of calls, as the lockstep tests keep one: one lane per thread, a switch wherever the
 * journal goes on with another thread (where the text timeline prints {@code <context switch>}), and the marks that
 * {@link CallMarks} reads from the calls themselves. The maps in such a journal carry the names the test gave them.
 * A thread's last call before a switch is marked with the line of the student's code that made it, where the journal
 * knows it: that is where the thread was when the other one went on.
 */
public final class JournalPicture {

    /**
     * One call in the journal: who made it, what it was (as the text timeline prints it), and the frame of the
     * student's code that made it ({@link StudentsCode#frame()} on the calling thread), or null.
     */
    public record Entry(String thread, String call, StackTraceElement where) {
    }

    private JournalPicture() {
    }

    /**
     * Draws {@code journal}, then {@code main}'s line when not null, as the picture of the running test, when the JVM
     * ends; returns the line that names it, or "" outside a lesson's test.
     */
    public static String draw(String title, String verdict, List<Entry> journal, String main) {
        return Pictures.currentTest().map(test -> {
            Path picture = test.picture("");
            Pictures.drawLater(picture, () -> new Race(title, verdict, CallMarks.mark(steps(test, journal, main), true),
                    null));
            return Pictures.seeIt(picture);
        }).orElse("");
    }

    static List<RaceStep> steps(Pictures.Test test, List<Entry> journal, String main) {
        List<RaceStep> steps = new ArrayList<>();
        for (int i = 0; i < journal.size(); i++) {
            Entry call = journal.get(i);
            if (i > 0 && !journal.get(i - 1).thread().equals(call.thread())) {
                steps.add(RaceStep.contextSwitch(journal.get(i - 1).thread(), call.thread()));
            }
            boolean switchedOut = i + 1 < journal.size() && !journal.get(i + 1).thread().equals(call.thread());
            List<Mark> marks = switchedOut && call.where() != null ? List.of(yourCode(test, call)) : List.of();
            steps.add(RaceStep.step(call.thread(), call.call(), 0, marks, List.of()));
        }
        if (main != null) {
            steps.add(RaceStep.step("main", main, 0, List.of(), List.of()));
        }
        return steps;
    }

    private static Mark yourCode(Pictures.Test test, Entry call) {
        String file = call.where().getFileName();
        int line = call.where().getLineNumber();
        return new Mark(Mark.Kind.YOUR_CODE, call.thread() + " made this call from this line, and was switched out"
                + " after it" + test.exerciseLine(file, line).map(code -> " (" + code + ")").orElse(""),
                file + ":" + line);
    }
}
