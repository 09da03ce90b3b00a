package workbook.harness.stress;


/**
 * What {@link Stress} throws when the run itself went wrong rather than the test's assertions: workers that threw
 * ({@link WorkerFailed}), never finished ({@link WorkersStuck}), or were still advancing but too slowly to finish in
 * time ({@link WorkersTooSlow}).
 */
public abstract sealed class StressFailed extends AssertionError permits WorkerFailed, WorkersStuck, WorkersTooSlow {

    StressFailed(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * When the failure happened inside a class whose name starts with {@code classPrefix} (e.g.
     * {@code "java.util.HashMap"}), it is a symptom of the race, a table corrupted by concurrent writes: returns an
     * assertion failure that says so, prefixed with {@code context} and followed by {@code hints}, with this as its
     * cause. Otherwise returns this, unchanged. Use as {@code throw failed.asCorruption(…)}.
     */
    public abstract AssertionError asCorruption(String classPrefix, String context, String hints);
}
