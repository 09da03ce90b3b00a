package workbook.harness;

import java.util.Collection;
import java.util.List;

/**
 * Thrown by {@link Stress} when workers were still running at the deadline: a deadlock, a lock never released,
 * or a loop that never ends. The message is the diagnosis; exceptions that workers threw before are attached as
 * suppressed, because they often explain the hang (a worker that died holding a lock).
 */
public final class WorkersStuck extends StressFailed {

    /** Where each stuck worker was at the deadline: its innermost frame, "class.method". */
    private final transient List<String> innermostFrames;

    WorkersStuck(String diagnosis, List<String> innermostFrames, Collection<Stress.WorkerFailure> earlierFailures) {
        super(diagnosis, null);
        this.innermostFrames = List.copyOf(innermostFrames);
        earlierFailures.stream().limit(3).forEach(f -> addSuppressed(f.error()));
    }

    /**
     * Applies when every stuck worker was running (not waiting) inside {@code classPrefix}: concurrent writes left a
     * loop in the table, and every call that walks it goes round forever.
     */
    @Override
    public AssertionError asCorruption(String classPrefix, String context, String hints) {
        if (innermostFrames.isEmpty() || !innermostFrames.stream().allMatch(f -> f.startsWith(classPrefix))) {
            return this;
        }
        return new AssertionError(context + Format.count(innermostFrames.size()) + " workers never came back from "
                + classPrefix + " (first: " + innermostFrames.get(0) + "): concurrent writes left a loop in its table,"
                + " and every call that walks it goes round forever.\n" + hints, this);
    }
}
