package workbook.harness.stress;

import java.util.Collection;
import java.util.List;
import workbook.harness.Format;

/**
 * Thrown by {@link Stress} when workers were still running at the deadline and the run was not advancing (see
 * {@link Patience}): a deadlock, a lock never released, a lost wake-up, or a loop that never ends. The message is the
 * diagnosis; exceptions that workers threw before are attached as
 * suppressed, because they often explain the hang (a worker that died holding a lock).
 */
public final class WorkersStuck extends StressFailed {

    /** Where each running stuck worker was at the deadline: its innermost frame, "class.method". */
    private final transient List<String> innermostFrames;
    /** How many other stuck workers only waited for a lock that one of the running ones held. */
    private final int waitingForThem;

    WorkersStuck(StuckThreads.Diagnosis diagnosis, String leftovers, Collection<Stress.WorkerFailure> earlierFailures) {
        super(diagnosis.text() + leftovers, null);
        this.innermostFrames = List.copyOf(diagnosis.innermostRunningFrames());
        this.waitingForThem = diagnosis.waitingForThem();
        earlierFailures.stream().limit(3).forEach(f -> addSuppressed(f.error()));
    }

    /**
     * Applies when every stuck worker was running (not waiting) inside {@code classPrefix}, or waiting for a lock that
     * such a worker held: concurrent writes left a loop in the table, and every call that walks it goes round forever.
     */
    @Override
    public AssertionError asCorruption(String classPrefix, String context, String hints) {
        if (innermostFrames.isEmpty() || !innermostFrames.stream().allMatch(f -> f.startsWith(classPrefix))) {
            return this;
        }
        return new AssertionError(context + Format.count(innermostFrames.size()) + " workers never came back from "
                + classPrefix + " (first: " + innermostFrames.get(0) + "): concurrent writes left a loop in its table,"
                + " and every call that walks it goes round forever."
                + (waitingForThem == 0 ? "" : " " + Format.count(waitingForThem) + " more waited for locks those"
                        + " workers held.") + "\n" + hints, this);
    }
}
