package workbook.harness.picture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An interleaving as a picture sees it: one lane per thread, the steps in the order they happened, the context
 * switches between lanes, and the marks. Built from the same data as the failure's text timeline.
 *
 * @param title what the test tried, e.g. "lesson01 two threads put different keys"
 * @param verdict what went wrong, in the test's own words
 * @param steps the timeline, top to bottom
 * @param fullTrace where the text trace is, or null
 */
public record Race(String title, String verdict, List<RaceStep> steps, String fullTrace) {

    public Race {
        steps = List.copyOf(steps);
    }

    /** The threads in the order they first appear, each a lane; main first when it appears at all. */
    public List<String> lanes() {
        Set<String> lanes = new LinkedHashSet<>();
        steps.stream().filter(s -> s.lane().equals("main")).findAny().ifPresent(s -> lanes.add("main"));
        for (RaceStep step : steps) {
            lanes.add(step.lane());
            if (step.to() != null) {
                lanes.add(step.to());
            }
        }
        return new ArrayList<>(lanes);
    }

    public long switches() {
        return steps.stream().filter(RaceStep::contextSwitch).count();
    }

    /** The words of every mark of {@code kind}, in order. */
    public List<String> marked(Mark.Kind kind) {
        return steps.stream().flatMap(s -> s.marks().stream()).filter(m -> m.kind() == kind).map(Mark::words)
                .toList();
    }
}
