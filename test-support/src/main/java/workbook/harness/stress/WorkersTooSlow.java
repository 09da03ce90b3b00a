package workbook.harness.stress;

import java.util.Collection;
import workbook.harness.Format;

/**
 * Thrown by {@link Stress} when a run was still advancing, but had not finished by its {@link Patience#limit()}: its
 * {@link Progress} kept ticking or its workers kept finishing until the end, so nothing was stuck. The message says
 * how far it got and how fast, and what makes correct code that slow; it never calls the run stuck or hung.
 */
public final class WorkersTooSlow extends StressFailed {

    WorkersTooSlow(String text, Collection<Stress.WorkerFailure> earlierFailures) {
        super(text, null);
        earlierFailures.stream().limit(3).forEach(f -> addSuppressed(f.error()));
    }

    /** The first lines of the message: how far the run got, and that it was advancing until it was stopped. */
    static String describe(RunWatch watch, int running) {
        String pace = watch.pace();
        return "Advancing, but slowly: " + watch.workDone() + " in " + Format.duration(watch.elapsed())
                + (pace.isEmpty() ? "" : " (" + pace + ")") + ". The run was still advancing at its "
                + Format.duration(watch.patience().deadline()) + " deadline, so it was given more time, up to "
                + Format.duration(watch.patience().limit()) + ", and then stopped with " + Format.count(running)
                + " workers still at work.\n"
                + "Work kept getting done until the end, so this is no deadlock, no lost wake-up and no endless"
                + " loop. The code may be correct, but it is too slow for this many threads. What makes correct code"
                + " this slow:\n"
                + "  - a fair lock (new ReentrantLock(true)) hands itself to the longest waiter at every unlock, so"
                + " every call waits for a sleeping thread to wake up: a context switch, some microseconds, per call;\n"
                + "  - a spin (a loop around tryLock() or compareAndSet until it succeeds) burns the CPU time that the"
                + " thread holding the lock needs to finish and let go;\n"
                + "  - a lock taken per call is cheap while the thread that lets go may take it again at once"
                + " (synchronized, new ReentrantLock()); it is each hand-over to another thread that costs.\n";
    }

    /** Never: a run that was still advancing did not corrupt anything into an endless loop. */
    @Override
    public AssertionError asCorruption(String classPrefix, String context, String hints) {
        return this;
    }
}
