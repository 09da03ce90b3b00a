package workbook.harness.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rules that mark a picture's steps, read from the calls alone (CallMarks) and from the journal of a lockstep
 * test (JournalPicture): each rule marks what happened, and nothing where it did not happen.
 */
@DisplayName("A picture marks the stale read, the lost write, the repeated removal and the student's line")
class MarkingRulesTest {

    private static final Pictures.Test TEST = new Pictures.Test(MarkingRulesTest.class, "rules",
            Path.of("target", "no-such-build", "pictures"));
    private static final StackTraceElement KEY_COUNTERS_LINE_27 = new StackTraceElement("workbook.lesson07.KeyCounters",
            "increment", "KeyCounters.java", 27);

    @Test
    @DisplayName("two threads read a key, then both put: one read went stale, and the second put loses the first")
    void lostUpdate() {
        List<RaceStep> steps = CallMarks.mark(JournalPicture.steps(TEST, List.of(
                entry("Thread 1", "counts.get(\"a\") → 0"),
                entry("Thread 2", "counts.get(\"a\") → 0"),
                entry("Thread 2", "counts.put(\"a\", 1)"),
                entry("Thread 1", "counts.put(\"a\", 1), replacing 1")), null), true);

        assertThat(kinds(steps)).containsExactly(List.of(Mark.Kind.STALE_READ), List.of(), List.of(), List.of(),
                List.of(), List.of(Mark.Kind.LOST_WRITE));
    }

    @Test
    @DisplayName("calls one after the other, each thread's read before its own write, are marked with nothing")
    void noRaceNoMarks() {
        List<RaceStep> steps = CallMarks.mark(JournalPicture.steps(TEST, List.of(
                entry("Thread 1", "counts.get(\"a\") → 0"),
                entry("Thread 1", "counts.put(\"a\", 1)"),
                entry("Thread 2", "counts.get(\"a\") → 1"),
                entry("Thread 2", "counts.put(\"a\", 2), replacing 1")), null), true);

        assertThat(steps).allSatisfy(step -> assertThat(step.marks()).isEmpty());
    }

    @Test
    @DisplayName("a removal made again on the strength of a stale look-up is marked repeated")
    void repeatedRemoval() {
        List<RaceStep> steps = CallMarks.mark(JournalPicture.steps(TEST, List.of(
                entry("Thread 1", "jobs.containsKey(7) → true"),
                entry("Thread 2", "jobs.containsKey(7) → true"),
                entry("Thread 2", "jobs.remove(7) → job 7"),
                entry("Thread 1", "jobs.remove(7) → null")), null), true);

        assertThat(steps.get(steps.size() - 1).marks()).extracting(Mark::kind).containsExactly(Mark.Kind.REPEATED);
    }

    @Test
    @DisplayName("the student's line marks a thread's last call before the other thread goes on, and only that one")
    void studentsLineWhereTheThreadWasSwitchedOut() {
        List<RaceStep> steps = JournalPicture.steps(TEST, List.of(
                new JournalPicture.Entry("Thread 1", "locks.get(\"c\") → null", null),
                new JournalPicture.Entry("Thread 1", "locks.get(\"c\") → null", KEY_COUNTERS_LINE_27),
                new JournalPicture.Entry("Thread 2", "locks.get(\"c\") → null", KEY_COUNTERS_LINE_27),
                new JournalPicture.Entry("Thread 2", "locks.put(\"c\", lock #2)", KEY_COUNTERS_LINE_27)), "main: done");

        List<List<Mark>> marks = steps.stream().map(RaceStep::marks).toList();
        assertThat(marks).hasSize(6); // four calls, a switch, main's line
        assertThat(steps.get(1).marks()).singleElement().satisfies(mark -> {
            assertThat(mark.kind()).isEqualTo(Mark.Kind.YOUR_CODE);
            assertThat(mark.where()).isEqualTo("KeyCounters.java:27");
            assertThat(mark.words()).startsWith("Thread 1 made this call from this line, and was switched out");
        });
        assertThat(steps.get(2).contextSwitch()).isTrue();
        // Thread 2's last call is not followed by a switch (main's line ends the picture), and its first is not its
        // last before one: neither is marked.
        assertThat(marks.get(0)).isEmpty();
        assertThat(marks.get(3)).isEmpty();
        assertThat(marks.get(4)).isEmpty();
        assertThat(marks.get(5)).isEmpty();
    }

    private static JournalPicture.Entry entry(String thread, String call) {
        return new JournalPicture.Entry(thread, call, null);
    }

    private static List<List<Mark.Kind>> kinds(List<RaceStep> steps) {
        return steps.stream().map(s -> s.marks().stream().map(Mark::kind).toList()).toList();
    }
}
