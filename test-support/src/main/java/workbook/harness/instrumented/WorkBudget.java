package workbook.harness.instrumented;

import java.util.Optional;
import workbook.harness.Format;

/**
 * The work a {@link GuardedMap} has done under its lock, counted by kind, and the budget that stops a run as soon as
 * the work exceeds it: a quadratic algorithm fails in milliseconds, with the counts, instead of running for minutes.
 * Only the thread holding the map's lock counts; the test reads the counts after the workers have been joined.
 */
final class WorkBudget {

    private long limit = Long.MAX_VALUE;
    private long keysRead;
    private long slotsWalked;
    private long keyChecks;
    private long removeCalls;
    private long removals;
    private long writes;
    private volatile Work workAtLimit;
    private volatile String callOverLimit;

    void limit(long operations) {
        limit = operations;
    }

    /** Once the budget has run out, every call is refused: the run stops at once. */
    void refuseOnceSpent() {
        if (workAtLimit != null) {
            throw new AssertionError("the work budget of " + Format.count(limit)
                    + " map operations is used up; the run is stopped");
        }
    }

    /** Throws, naming the call, if {@code units} more would take the total past the limit; counts nothing. */
    void charge(Call call, long units) {
        Work work = work();
        if (work.total() + units > limit) {
            workAtLimit = work;
            callOverLimit = Thread.currentThread().getName() + " called " + call
                    + (units == 1 ? "" : ", " + Format.count(units) + " operations");
            throw new AssertionError("the work budget of " + Format.count(limit) + " map operations ran out when "
                    + callOverLimit);
        }
    }

    void keysRead(long n) {
        keysRead += n;
    }

    void slotsWalked(long n) {
        slotsWalked += n;
    }

    void keyCheck() {
        keyChecks++;
    }

    void removeCall() {
        removeCalls++;
    }

    void removals(long n) {
        removals += n;
    }

    void write() {
        writes++;
    }

    long removals() {
        return removals;
    }

    Work work() {
        return new Work(keysRead, slotsWalked, keyChecks, removeCalls, removals, writes);
    }

    Optional<Work> workAtLimit() {
        return Optional.ofNullable(workAtLimit);
    }

    Optional<String> callOverLimit() {
        return Optional.ofNullable(callOverLimit);
    }
}
