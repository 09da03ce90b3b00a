package workbook.harness.instrumented;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import workbook.harness.picture.Mark;
import workbook.harness.picture.Pictures;
import workbook.harness.picture.Race;
import workbook.harness.picture.RaceStep;

/**
 * A thread that a {@link ForcedSwitch} held, and the picture of it: the held thread's lane and the lane of the thread
 * it waited for, the switch there and back. The step where it was held is marked with the student's line that
 * called into the test's map, and, when the other thread did what was awaited, as a stale read.
 *
 * @param where the frame of the student's code that made the call the thread was held in, or null
 */
record HeldThread(String thread, String step, String awaited, boolean happened, StackTraceElement where) {

    private static final String OTHER = "another thread";

    /** The picture of {@code held}, drawn when the JVM ends, as the line that names it; empty outside a test. */
    static Optional<String> picture(List<HeldThread> held) {
        if (held.isEmpty()) {
            return Optional.empty();
        }
        return Pictures.currentTest().map(test -> {
            Path picture = test.picture("");
            Pictures.drawLater(picture, () -> race(test, held));
            return Pictures.seeIt(picture);
        });
    }

    private static Race race(Pictures.Test test, List<HeldThread> held) {
        List<RaceStep> steps = new ArrayList<>();
        for (HeldThread h : held) {
            List<Mark> marks = new ArrayList<>();
            if (h.where() != null) {
                String file = h.where().getFileName();
                int line = h.where().getLineNumber();
                marks.add(new Mark(Mark.Kind.YOUR_CODE, h.thread() + " was held here, in the call this line makes"
                        + test.exerciseLine(file, line).map(code -> " (" + code + ")").orElse(""), file + ":" + line));
            }
            if (h.happened()) {
                marks.add(new Mark(Mark.Kind.STALE_READ, "what " + h.thread() + " had found no longer held when it"
                        + " went on: " + h.awaited()));
            }
            steps.add(RaceStep.step(h.thread(), h.step(), 0, marks, List.of()));
            steps.add(RaceStep.contextSwitch(h.thread(), OTHER));
            steps.add(RaceStep.step(OTHER, h.happened() ? h.awaited()
                    : "(after " + ForcedSwitch.LIMIT.toMillis() + " ms still not: " + h.awaited() + ")", 0, List.of(),
                    List.of()));
            steps.add(RaceStep.contextSwitch(OTHER, h.thread()));
            steps.add(RaceStep.step(h.thread(), "resumed: goes on with what it had found", 0, List.of(), List.of()));
        }
        return new Race(test.type().getSimpleName() + "." + test.method(), "the test failed; its message says how."
                + " To show the race on every run, the test held a thread at the point where the race needs a context"
                + " switch, until another thread had done what the race needs:", steps, null);
    }
}
