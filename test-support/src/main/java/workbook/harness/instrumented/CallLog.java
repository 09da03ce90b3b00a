package workbook.harness.instrumented;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import workbook.harness.Format;

/**
 * The first calls a {@link GuardedMap} let through, in the order they were made, for a failure's timeline: one line
 * per run of calls by one thread ("worker-7: containsKey(0), remove(0), containsKey(1), remove(1), … 200 calls"),
 * a context-switch line where another thread took over. Only the thread holding the map's lock records.
 */
final class CallLog {

    private static final int FIRST_RUNS = 10;
    private static final int CALLS_SHOWN = 4;
    private static final String CONTEXT_SWITCH = " ".repeat(14) + "<context switch>";

    /** A run of calls by one thread, with no other thread's call in between. */
    private static final class Run {
        final String thread;
        final List<String> shown = new ArrayList<>();
        long calls;

        Run(String thread) {
            this.thread = thread;
        }

        @Override
        public String toString() {
            return String.join(", ", shown) + (calls > shown.size() ? ", … " + Format.count(calls) + " calls" : "");
        }
    }

    private final List<Run> runs = new ArrayList<>();
    private boolean complete;

    /** Records a call of {@code units} operations by the calling thread, until {@link #FIRST_RUNS} runs are logged. */
    void record(Call call, long units) {
        if (complete) {
            return;
        }
        String thread = Thread.currentThread().getName();
        Run latest = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (latest == null || !latest.thread.equals(thread)) {
            if (runs.size() == FIRST_RUNS) {
                complete = true;
                return;
            }
            latest = new Run(thread);
            runs.add(latest);
        }
        latest.calls++;
        if (latest.shown.size() < CALLS_SHOWN) {
            latest.shown.add(call + (units > 1 ? " (" + Format.count(units) + " operations)" : ""));
        }
    }

    /** The timeline, ending with the call that went over the budget, if one did ("worker-7 called …"). */
    List<String> lines(Optional<String> callOverBudget) {
        List<String> lines = new ArrayList<>();
        for (Run run : runs) {
            if (!lines.isEmpty()) {
                lines.add(CONTEXT_SWITCH);
            }
            lines.add(String.format("%-14s%s", run.thread + ":", run));
        }
        if (callOverBudget.isPresent()) {
            String over = callOverBudget.get();
            if (!lines.isEmpty() && !over.startsWith(runs.get(runs.size() - 1).thread + " ")) {
                lines.add(CONTEXT_SWITCH);
            }
            lines.add("and then " + over + ": refused, over budget");
        } else if (complete) {
            lines.add("…");
        }
        return lines;
    }
}
