package workbook.harness;

import java.util.Collection;

/**
 * Thrown by {@link Stress} when workers were still running at the deadline: a deadlock, a lock never released,
 * or a loop that never ends. The message is the diagnosis; exceptions that workers threw before are attached as
 * suppressed, because they often explain the hang (a worker that died holding a lock).
 */
public final class WorkersStuck extends AssertionError {

    WorkersStuck(String diagnosis, Collection<Stress.WorkerFailure> earlierFailures) {
        super(diagnosis);
        earlierFailures.stream().limit(3).forEach(f -> addSuppressed(f.error()));
    }
}
