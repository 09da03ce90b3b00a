package workbook.harness.stress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import workbook.harness.Format;

/**
 * Thrown by {@link Stress} when workers threw. The first worker's exception is the cause, so its original stack
 * trace is printed; the message counts the failures by type and shows where the first one was thrown.
 */
public final class WorkerFailed extends StressFailed {

    private static final int FRAMES_SHOWN = 12;

    private final transient List<Stress.WorkerFailure> failures;

    WorkerFailed(int threads, List<Stress.WorkerFailure> failures) {
        super(describe(threads, failures), failures.get(0).error());
        this.failures = failures;
    }

    /** Applies when every worker's exception was thrown inside {@code classPrefix}. */
    @Override
    public AssertionError asCorruption(String classPrefix, String context, String hints) {
        boolean allInside = failures.stream().allMatch(f -> f.error().getStackTrace().length > 0
                && f.error().getStackTrace()[0].getClassName().startsWith(classPrefix));
        if (!allInside) {
            return this;
        }
        return new AssertionError(context + Format.count(failures.size()) + " workers' calls threw inside "
                + classPrefix + " (first: " + getCause() + "): concurrent writes corrupted its table, which then breaks"
                + " the next call that walks it.\n" + hints, this);
    }

    /** Every failure, in the order the workers reported them. */
    public List<Stress.WorkerFailure> failures() {
        return failures;
    }

    private static String describe(int threads, List<Stress.WorkerFailure> failures) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (Stress.WorkerFailure f : failures) {
            byType.merge(f.error().getClass().getName(), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder(Format.count(failures.size()) + " of " + Format.count(threads)
                + " workers threw an exception:");
        byType.forEach((type, n) -> text.append("\n  ").append(Format.count(n)).append(" × ").append(type));
        Stress.WorkerFailure first = failures.get(0);
        text.append("\nFirst: ").append(first.threadName()).append(" threw ").append(first.error()).append('\n');
        // Surefire trims the cause's stack trace to the test class's own frames, so the worker's frames (the
        // student's code, where it went wrong) are copied here.
        workerFrames(first.error()).forEach(frame -> text.append("      at ").append(frame).append('\n'));
        text.append("(Its whole stack trace follows as the cause.)");
        return text.toString();
    }

    /** The frames of the worker's own code: everything above the harness's thread plumbing. */
    private static List<String> workerFrames(Throwable error) {
        return Format.frames(error.getStackTrace()).stream()
                .takeWhile(frame -> !frame.startsWith(Stress.class.getName() + "."))
                .limit(FRAMES_SHOWN)
                .collect(Collectors.toList());
    }
}
