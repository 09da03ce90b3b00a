package workbook.lesson07;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import workbook.harness.picture.JournalPicture;
import workbook.harness.picture.StudentsCode;

/**
 * Runs two threads in lockstep through the maps a test hands to {@link KeyCounters}. After every lookup a thread is
 * held until the other thread has made the same lookup, so that both act on the same result: the tutorial's
 * "&lt;context switch&gt;" at the worst moment. Then they take turns: the thread that got there first goes on until
 * its next lookup, and only then the other. The interleaving is the same on every run and any number of CPUs.
 *
 * <p>A held thread also goes on when the other one waits for a lock, is done, or is held at a lookup this one never
 * makes, so code that is correct is never stuck. A thread that spins counts as waiting: one that keeps calling a
 * non-blocking acquire (tryLock() on a lock the held thread has, a compare-and-set that keeps failing) waits as
 * surely as one parked in lock(), only it stays runnable. It is seen by its CPU time, which grows while it makes no
 * call on the maps; a thread that does real work between two calls of these small methods uses a few microseconds.
 * Every call on the maps goes into a journal, with what it returned and which locks the thread held as it made it;
 * the journal becomes the failure's timeline.
 */
final class Lockstep implements WatchedMap.Watcher {

    /** A safety net only: neither the exercise nor a correct solution is ever held this long. */
    private static final long PATIENCE_NANOS = 2_000_000_000L;
    /**
     * CPU time a thread may use in the code under test without a call on the maps before it counts as spinning. The
     * calls of increment are microseconds apart (class loading and linking are over by the lockstep tests, which run
     * after the stress test), so 20 ms is thousands of times that; a spinner on a shared CPU uses it within tens of
     * milliseconds, far less than PATIENCE_NANOS.
     */
    private static final long SPIN_CPU_NANOS = 20_000_000L;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private record Step(String thread, String call, StackTraceElement where) {
    }

    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    /**
     * Per thread: odd while it runs this class's own code (journal, hold), where it may block for a moment on a bin
     * of these maps or on a class being loaded; even while it runs the code under test. See waitsForALock.
     */
    private final Map<Thread, AtomicLong> bookkeeping = new ConcurrentHashMap<>();
    /** Per thread: its CPU time as it left its last call on the maps (or started). */
    private final Map<Thread, Long> cpuAtLastCall = new ConcurrentHashMap<>();
    private final Set<Thread> seenSpinning = ConcurrentHashMap.newKeySet();
    private final Map<Thread, String> labels = new ConcurrentHashMap<>();
    private final AtomicInteger labelled = new AtomicInteger();
    private final Set<Thread> finished = ConcurrentHashMap.newKeySet();
    private final Map<Thread, String> heldAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> timesMade = new ConcurrentHashMap<>();
    private final Set<String> made = ConcurrentHashMap.newKeySet();
    private final Map<String, Thread> firstToMake = new ConcurrentHashMap<>();
    private final Queue<Step> journal = new ConcurrentLinkedQueue<>();
    private final Map<Object, Integer> lockNumbers = new IdentityHashMap<>();
    private final Map<Object, Integer> keyObjects = new IdentityHashMap<>();

    /** Runs {@code body} on the calling thread, one of the two in lockstep. */
    void run(Runnable body) {
        Thread me = Thread.currentThread();
        bookkeeping.put(me, new AtomicLong());
        cpuAtLastCall.put(me, CPU.getCurrentThreadCpuTime());
        threads.add(me);
        try {
            body.run();
        } finally {
            finished.add(me);
        }
    }

    @Override
    public void called(WatchedMap.Call call) {
        Thread me = Thread.currentThread();
        if (!threads.contains(me)) {
            return; // the test's own set-up or check
        }
        AtomicLong myBookkeeping = bookkeeping.get(me);
        myBookkeeping.incrementAndGet();
        try {
            if (call.lookup()) {
                holdAfter(me, call);
            } else {
                note(describe(call) + holdings(call));
            }
        } finally {
            cpuAtLastCall.put(me, CPU.getCurrentThreadCpuTime());
            myBookkeeping.incrementAndGet();
        }
    }

    /** Journals {@code call}, a lookup, and holds this thread until the other one has made the same lookup. */
    private void holdAfter(Thread me, WatchedMap.Call call) {
        String lookup;
        // One step, so that the journal, the labels and who was first to make a lookup always agree: the thread
        // that comes first in the timeline is "Thread 1", and goes on first.
        synchronized (this) {
            note(describe(call) + holdings(call));
            // The n-th time a thread makes this lookup waits for the other thread's n-th time.
            String made = invocation(call);
            lookup = made + " #" + timesMade.merge(made + " by " + me.getName(), 1, Integer::sum);
            this.made.add(lookup + " by " + me.getName());
            firstToMake.putIfAbsent(lookup, me);
            heldAt.put(me, lookup);
        }
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!mayGoOn(me, lookup) && System.nanoTime() < deadline) {
            Thread.yield();
        }
        heldAt.remove(me);
    }

    /** The journal as a timeline, with a "&lt;context switch&gt;" line wherever the other thread takes over. */
    List<String> timeline() {
        List<String> lines = new ArrayList<>();
        String previous = null;
        for (Step step : journal) {
            if (previous != null && !previous.equals(step.thread())) {
                lines.add(" ".repeat(10) + "<context switch>");
            }
            lines.add(String.format("%-10s%s", step.thread() + ":", step.call()));
            previous = step.thread();
        }
        return lines;
    }

    /** The journal as a picture, then {@code main}'s last step; the line that names it (see JournalPicture). */
    String picture(String verdict, String main) {
        return JournalPicture.draw("lesson07 two threads in lockstep", verdict,
                journal.stream().map(s -> new JournalPicture.Entry(s.thread(), s.call(), s.where())).toList(), main);
    }

    private boolean mayGoOn(Thread me, String lookup) {
        for (Thread other : threads) {
            if (other != me) {
                if (finished.contains(other) || waitsForALock(other) || spins(other)) {
                    return true;
                }
                String otherHeldAt = heldAt.get(other);
                if (made.contains(lookup + " by " + other.getName())) {
                    // Both have made this lookup: the first one goes on, the second waits for its next stop.
                    return firstToMake.get(lookup) == me || otherHeldAt != null && !otherHeldAt.equals(lookup);
                }
                // Held at a lookup that this thread never made: waiting for each other would last forever.
                return otherHeldAt != null && !made.contains(otherHeldAt + " by " + me.getName());
            }
        }
        return false; // the other thread has not started yet
    }

    /**
     * Whether {@code thread} waits in the code under test (for a lock, most likely). A thread can also block for a
     * moment in this class's own code (on a bin of one of its ConcurrentHashMaps, or while another thread loads a
     * class they both need), and that must not count: it would let a held thread go on too early, and the race
     * would go unseen. So the state only counts when the thread was in the code under test both before and after
     * it was read (its bookkeeping counter is even and unchanged).
     */
    private boolean waitsForALock(Thread thread) {
        AtomicLong itsBookkeeping = bookkeeping.get(thread);
        long before = itsBookkeeping.get();
        Thread.State state = thread.getState();
        boolean waits = state == Thread.State.BLOCKED || state == Thread.State.WAITING
                || state == Thread.State.TIMED_WAITING;
        return waits && before % 2 == 0 && itsBookkeeping.get() == before;
    }

    /**
     * Whether {@code thread} spins in the code under test: runnable, and it has used {@link #SPIN_CPU_NANOS} of CPU
     * time since its last call on the maps without making another. Read as in {@link #waitsForALock}: only while its
     * bookkeeping counter is even and unchanged. The first time, the journal says so.
     */
    private boolean spins(Thread thread) {
        AtomicLong itsBookkeeping = bookkeeping.get(thread);
        long before = itsBookkeeping.get();
        if (before % 2 != 0 || thread.getState() != Thread.State.RUNNABLE) {
            return false;
        }
        long cpuSinceLastCall = CPU.getThreadCpuTime(thread.getId()) - cpuAtLastCall.get(thread);
        boolean spins = cpuSinceLastCall >= SPIN_CPU_NANOS && itsBookkeeping.get() == before;
        if (spins && seenSpinning.add(thread)) {
            note(thread, String.format("… spins: %d ms of CPU time without a call on the maps, waiting as if in"
                    + " lock()", cpuSinceLastCall / 1_000_000));
        }
        return spins;
    }

    /** Journals {@code call}; the thread that makes the first call is "Thread 1". */
    private void note(String call) {
        note(Thread.currentThread(), call);
    }

    private synchronized void note(Thread caller, String call) {
        String thread = labels.computeIfAbsent(caller, t -> "Thread " + labelled.incrementAndGet());
        journal.add(new Step(thread, call, caller == Thread.currentThread() ? StudentsCode.frame() : null));
    }

    /** {@code locks.putIfAbsent("c", lock #2) → lock #1}; a put says what it replaced, if anything. */
    private String describe(WatchedMap.Call call) {
        if (call.method().equals("put")) {
            return invocation(call) + (call.returned() == null ? "" : ", replacing " + describe(call.returned()));
        }
        return invocation(call) + " → " + describe(call.returned());
    }

    /** {@code locks.putIfAbsent("c", lock #2)}: the call without its result. */
    private String invocation(WatchedMap.Call call) {
        List<String> arguments = new ArrayList<>();
        arguments.add(quoted(call.arguments().get(0)));
        call.arguments().stream().skip(1).forEach(argument -> arguments.add(describe(argument)));
        return call.map() + "." + call.method() + "(" + String.join(", ", arguments) + ")";
    }

    /**
     * What the calling thread holds as it makes {@code call}: any lock that has passed through the maps, and the
     * monitor of any key object passed to them (for {@code synchronized (key)}, where two equal keys can be two
     * objects); "" when it holds none of them.
     */
    private String holdings(WatchedMap.Call call) {
        List<String> held = new ArrayList<>();
        synchronized (lockNumbers) {
            lockNumbers.forEach((lock, number) -> {
                if (lock instanceof ReentrantLock r ? r.isHeldByCurrentThread() : Thread.holdsLock(lock)) {
                    held.add("lock #" + number);
                }
            });
        }
        Object key = call.arguments().get(0);
        synchronized (keyObjects) {
            // Numbered among the equal keys: "a" object #1, "a" object #2.
            keyObjects.computeIfAbsent(key, k -> (int) keyObjects.keySet().stream().filter(k::equals).count() + 1);
            keyObjects.forEach((object, number) -> {
                if (Thread.holdsLock(object)) {
                    held.add("the monitor of " + quoted(object) + " object #" + number);
                }
            });
        }
        return held.isEmpty() ? "" : "   [holding " + String.join(" and ", held) + "]";
    }

    /** A lock as "lock #1", "lock #2" in the order they appear; anything else as itself. */
    private String describe(Object value) {
        if (value instanceof Lock) {
            synchronized (lockNumbers) {
                return "lock #" + lockNumbers.computeIfAbsent(value, v -> lockNumbers.size() + 1);
            }
        }
        return String.valueOf(value);
    }

    private static String quoted(Object key) {
        return key instanceof String ? "\"" + key + "\"" : String.valueOf(key);
    }
}
