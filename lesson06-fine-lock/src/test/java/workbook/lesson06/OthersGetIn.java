package workbook.lesson06;

import static workbook.harness.Format.count;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import workbook.harness.instrumented.AuditedLock;
import workbook.harness.instrumented.ForcedSwitch;

/**
 * Watches what this lesson is about: with the lock taken once per removal, other workers get in between two
 * removals of one call. Every hold that removed an entry is numbered; a call whose next removal is not the very next
 * one numbered was entered by another worker in between. Code that keeps the others out for a whole call some other
 * way (a second lock, a monitor around the method) still lets go of the given lock after each removal, but no other
 * worker ever removes in between.
 *
 * <p>So that correct code shows it on every run, on one CPU as on many, the first worker that is about to take the
 * lock again after a removal of its own is held (see {@link ForcedSwitch}) until another worker has removed an
 * entry. A worker that holds a lock or monitor of its own there is not held: nobody could get in.
 *
 * <p>Each worker thread makes one call, so a thread stands for its call.
 */
final class OthersGetIn {

    private final ForcedSwitch forced = new ForcedSwitch(1);
    private final AtomicLong removalHolds = new AtomicLong();
    private final ThreadLocal<Long> lastRemovalHold = new ThreadLocal<>();
    private final Set<String> callsWithTwoRemovals = ConcurrentHashMap.newKeySet();
    private final Set<String> callsEnteredBetween = ConcurrentHashMap.newKeySet();

    /** Watches {@code lock}; the test reports each hold's removals through {@link #released(long)}. */
    OthersGetIn(AuditedLock lock) {
        lock.beforeAcquiring(this::letOthersIn);
    }

    /** The calling thread, which holds the lock and is about to let go of it, removed {@code removals} entries. */
    void released(long removals) {
        if (removals == 0) {
            return;
        }
        long number = removalHolds.incrementAndGet();
        Long last = lastRemovalHold.get();
        if (last != null) {
            String call = Thread.currentThread().getName();
            callsWithTwoRemovals.add(call);
            if (number - last > 1) {
                callsEnteredBetween.add(call);
            }
        }
        lastRemovalHold.set(number);
    }

    /** What went wrong, in numbers and words, when calls removed twice or more and no other worker ever got in. */
    Optional<String> nobodyGotIn(int calls) {
        if (!callsEnteredBetween.isEmpty() || callsWithTwoRemovals.isEmpty()) {
            return Optional.empty();
        }
        List<String> story = forced.story();
        return Optional.of("In none of " + count(calls) + " calls did another worker remove an entry between two"
                + " removals of the call (" + count(callsWithTwoRemovals.size()) + " calls removed two or more):"
                + " each call's removals ran as one block, although the lock was let go after each one.\n"
                + (story.isEmpty() ? "" : "The test held the first worker that was about to take the lock again"
                        + " after a removal, to let others in:\n  " + String.join("\n  ", story) + "\n")
                + "Something else kept the other workers out for the whole call, such as a second lock or a"
                + " synchronized method around it. That is lesson 05's coarse lock again: this lesson lets others"
                + " in between any two removals.");
    }

    private void letOthersIn() {
        if (lastRemovalHold.get() == null) {
            return; // no removal in this call yet
        }
        long before = removalHolds.get();
        forced.hold("removed an entry and is about to take the lock again", "another worker removed an entry",
                () -> removalHolds.get() > before);
    }
}
