package workbook.harness.instrumented;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import workbook.harness.Format;

/**
 * The "guarded by" rule of a {@link GuardedMap}: a call is let through only on the thread that holds the given lock.
 * A call from any other thread throws an {@link AssertionError} naming the thread and the call ("worker-17 called
 * remove(4711) without holding the lock") and is recorded, so that the test can report it even when the code under
 * test swallows the error. Calls without the lock may come from many threads at once; the record is thread-safe.
 */
final class LockCheck {

    private final ReentrantLock lock;
    private final AtomicLong unguardedCalls = new AtomicLong();
    private final Set<String> unguardedThreads = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> firstUnguardedCall = new AtomicReference<>();

    LockCheck(ReentrantLock lock) {
        this.lock = lock;
    }

    /** Throws, and records the call, unless the calling thread holds the lock. */
    void check(Call call) {
        if (lock.isHeldByCurrentThread()) {
            return;
        }
        String thread = Thread.currentThread().getName();
        String violation = thread + " called " + call + " without holding the lock";
        if (Thread.holdsLock(lock)) {
            violation += " (it is inside synchronized (lock), which takes the lock object's built-in monitor, a"
                    + " different lock from lock.lock())";
        }
        unguardedCalls.incrementAndGet();
        unguardedThreads.add(thread);
        firstUnguardedCall.compareAndSet(null, violation);
        throw new AssertionError(violation);
    }

    Optional<String> firstUnguardedCall() {
        return Optional.ofNullable(firstUnguardedCall.get());
    }

    long unguardedCalls() {
        return unguardedCalls.get();
    }

    int unguardedThreads() {
        return unguardedThreads.size();
    }

    /** Fails when any call was made without the lock, naming the first one and counting the rest. */
    void assertEveryCallGuarded(String hints) {
        String first = firstUnguardedCall.get();
        if (first != null) {
            throw new AssertionError(first + ".\n"
                    + Format.count(unguardedCalls()) + " calls by " + Format.count(unguardedThreads())
                    + " threads were made without the lock (each was refused). Every read and write of the shared"
                    + " map must happen between lock.lock() and lock.unlock() on the lock the map was handed with:"
                    + " only then can no other thread's change land in the middle of it.\n" + hints);
        }
    }
}
