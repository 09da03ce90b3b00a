package workbook.harness.picture;

import java.util.List;

/**
 * One line of a {@link Race}: a step of the thread of {@code lane}, or a context switch from that lane to {@code to}.
 *
 * @param lane the thread that made the step, or that was switched out
 * @param text what it did, as the text timeline prints it
 * @param contextSwitch true for a switch
 * @param to for a switch, the thread that runs next (null when the trace does not say)
 * @param depth 0 for a thread's own call, 1 for a step inside it
 * @param marks what the step is marked as
 * @param folded the steps inside this one that the text timeline leaves out (JDK internals), indented by depth
 */
public record RaceStep(String lane, String text, boolean contextSwitch, String to, int depth, List<Mark> marks,
        List<String> folded) {

    public RaceStep {
        marks = List.copyOf(marks);
        folded = List.copyOf(folded);
    }

    /** A step of {@code lane}. */
    public static RaceStep step(String lane, String text, int depth, List<Mark> marks, List<String> folded) {
        return new RaceStep(lane, text, false, null, depth, marks, folded);
    }

    /** A context switch from {@code from} to {@code to}. */
    public static RaceStep contextSwitch(String from, String to) {
        return new RaceStep(from, "<context switch>", true, to, 0, List.of(), List.of());
    }
}
