package workbook.lesson08;

import static workbook.harness.Format.count;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import workbook.harness.picture.JournalPicture;
import workbook.harness.picture.StudentsCode;

/**
 * Runs one thread on member 1 and one on member 2 in lockstep through the map views a test hands to each member's
 * {@link KeyCounters}. The two take turns at the map: member 1's thread goes first, and after every read (a
 * {@code get}, {@code getOrDefault}, {@code containsKey} or {@code getEntryView}) the turn passes to the other. So
 * each thread reads before the other writes what it read: the tutorial's "&lt;context switch&gt;" at the worst
 * moment, on every run and any number of CPUs. A thread waits for its turn only before it calls the map, never in
 * its own code.
 *
 * <p>A thread whose turn it is not goes on anyway when the other thread is done, or waits for it: inside a map call
 * for a key this thread has locked with the map's {@code lock} (a call that waits for that lock: not a read, nor a
 * {@code tryLock(key)}, which answers at once); in a spin, making the same failed attempt again (a
 * {@code tryLock(key)} that answers false, a {@code replace(key, old, new)} or {@code putIfAbsent} that stores
 * nothing), which is a wait as much as {@code lock} is; inside Hazelcast, on another of the cluster's objects; or
 * outside the map, on a lock of this JVM that this thread holds. Correct code is never held up.
 *
 * <p>Locks that run out are let run out: a lock whose lease ends within {@link #RUNS_OUT_WITHIN} holds its holder
 * (it does not go on while the other waits for the lock) until the lease has ended and the other has the lock; and
 * the first timed wait ({@code tryLock(key, time, unit)}) of a thread for a key the other holds holds the other until
 * the wait gives up, a wait longer than {@link #RUNS_OUT_WITHIN} being shortened to it. Then the lockstep goes on
 * and the count shows what the code did next.
 *
 * <p>Each member has its own copy of the code under test ({@link MemberClassLoader}), so a static field or a class's
 * monitor is not shared. An interned String or a JDK object is: a wait for such a lock that the other thread holds
 * is journalled, and {@link #unguardedJvmLockWait()} says whether only that lock kept the two apart: whether the
 * holder stored the key without the map's lock on it and not through one of the map's atomic operations.
 *
 * <p>Every call goes into a journal ({@link #journal()}), which becomes the failure's timeline.
 */
final class Lockstep implements WatchedMap.Watcher {

    /** A safety net only: neither the exercise nor a correct solution waits this long for its turn. */
    private static final long PATIENCE_NANOS = 5_000_000_000L;
    /**
     * How long a lock may take to run out and still be let run out. A lease this short can end in the middle of an
     * update (an increment here takes milliseconds, a pause of the JVM can take longer); a longer one is taken as one
     * that outlasts the update, as a plain {@code lock} does. A timed wait longer than this is shortened to it: the
     * code must handle a wait that gives up whatever its length, and the test does not wait longer for it. Well below
     * {@link #PATIENCE_NANOS}, so that the held thread is never let go by the safety net instead.
     */
    static final Duration RUNS_OUT_WITHIN = Duration.ofSeconds(1);
    private static final Set<String> READS = Set.of("get", "getOrDefault", "containsKey", "getEntryView");

    /**
     * One line of the journal: who did what, {@code times} times in a row, and from which line of the student's code
     * (null when not known, or when the other thread journalled it).
     */
    record Step(String who, String what, int times, StackTraceElement where) {
    }

    /** Stops a thread that spins on an attempt that can no longer succeed; {@link #run} catches it. */
    private static final class StuckInASpin extends Error {
        StuckInASpin() {
            super(null, null, false, false);
        }
    }

    /**
     * A map call a thread is inside: its key; whether it waits while another thread holds the map's lock on that
     * key (see {@link #mayWait}); whether it is a timed wait, for a key the other holds, that the other must let give
     * up first. One object, so that the other thread reads the three together.
     */
    private record InCall(Object key, boolean waitsForTheKeysLock, boolean timedWaitToRunOut) {
    }

    /** One of the two threads: the member it runs on, and what the other needs to know about it. */
    private static final class Participant {
        final int member;
        volatile Thread thread;
        volatile boolean finished;
        /** The map call it is inside now; null when it is not inside one. */
        volatile InCall inCall;
        /** Whether the journal says that it is held until its lease runs out. */
        volatile boolean heldForItsLease;
        /** Keys it holds the map's lock on, each with whether its lease runs out within {@link #RUNS_OUT_WITHIN}. */
        final Map<Object, Boolean> mapLocks = new ConcurrentHashMap<>();
        /** Keys it has waited for with a timeout that was let run out: a later wait is let through. */
        final Set<Object> timedWaitsRunOut = ConcurrentHashMap.newKeySet();
        /** Its last map call when that was an attempt that failed (as journalled), else null. */
        volatile String lastFailedAttempt;
        /** Whether it made that failed attempt again: it spins, waiting for the other. */
        volatile boolean spins;
        /** How many of those attempts in a row it made after the other had finished. */
        int failedAfterTheOtherFinished;
        /** What the code under test threw on this thread, or null. */
        volatile Throwable thrown;
        /** What a map call threw on this thread, already in the journal. */
        final Set<Throwable> journalledThrows = ConcurrentHashMap.newKeySet();

        Participant(int member) {
            this.member = member;
        }

        String label() {
            return "member " + member + " (" + thread.getName() + ")";
        }
    }

    private final Participant[] participants = {new Participant(1), new Participant(2)};
    private final Map<Thread, Participant> byThread = new ConcurrentHashMap<>();
    private volatile int turn = 1;
    private final List<Step> journal = new ArrayList<>();
    private volatile String jvmLockWaiter;
    private volatile Participant jvmLockHolder;
    private final List<String> unguardedStores = new ArrayList<>();
    private volatile String stuck;

    /**
     * Runs {@code body} on the calling thread, as the thread on member {@code member} (1 or 2). What it throws is
     * journalled and kept for {@link #thrown()}, not rethrown, so that the test can first show what happened.
     */
    void run(int member, Runnable body) {
        Participant me = participants[member - 1];
        me.thread = Thread.currentThread();
        byThread.put(me.thread, me);
        try {
            waitForTurn(me); // so that member 1's thread is first to take any lock of its own, too
            body.run();
        } catch (StuckInASpin stopped) {
            // stuck says why
        } catch (RuntimeException | Error e) {
            me.thrown = e;
            if (!me.journalledThrows.contains(e)) {
                journal(me, "increment threw " + summary(e));
            }
        } finally {
            me.finished = true;
        }
    }

    @Override
    public Object around(String map, Method method, Object[] args, WatchedMap.Call call) throws Throwable {
        Participant me = byThread.get(Thread.currentThread());
        if (me == null || stuck != null) {
            return call.proceed(args); // the test's own set-up or check, or a stopped thread's finally blocks
        }
        Participant other = other(me);
        Object key = args.length > 0 ? args[0] : null;
        waitForTurn(me);
        boolean toRunOut = isTimedWait(method.getName(), args) && other.mapLocks.containsKey(key)
                && me.timedWaitsRunOut.add(key);
        Object[] asked = toRunOut ? shortened(args) : args;
        boolean otherHadFinished = other.finished && !other.mapLocks.containsValue(true);
        me.inCall = new InCall(key, mayWait(method.getName(), args), toRunOut);
        Object result;
        try {
            result = call.proceed(asked);
        } catch (Throwable e) {
            me.journalledThrows.add(e);
            journal(me, call(map, method, asked) + " threw " + summary(e));
            throw e;
        } finally {
            me.inCall = null;
        }
        noteMapLocks(me, method.getName(), args, result);
        String what = describeCall(map, method, asked, result)
                + (asked == args ? "" : " (the test shortened the wait to " + RUNS_OUT_WITHIN.toMillis() + " ms)");
        journal(me, what);
        noteUnguardedStore(me, method.getName(), args, what);
        noteSpin(me, failedAttempt(method.getName(), args, result) ? what : null, otherHadFinished);
        if (READS.contains(method.getName())) {
            turn = other.member;
        }
        return result;
    }

    /** The journal: every map call of the two threads, and every wait the lockstep saw, in order. */
    List<Step> journal() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /** The journal as a timeline, with a "&lt;context switch&gt;" line wherever the other thread takes over. */
    List<String> timeline() {
        List<String> lines = new ArrayList<>();
        String previous = null;
        for (Step step : journal()) {
            if (previous != null && !previous.equals(step.who())) {
                lines.add(" ".repeat(22) + "<context switch>");
            }
            lines.add(String.format("%-22s%s", step.who() + ":", step.what())
                    + (step.times() > 1 ? "   (" + count(step.times()) + " times in a row)" : ""));
            previous = step.who();
        }
        return lines;
    }

    /** The journal as a picture, then {@code main}'s last step; the line that names it (see JournalPicture). */
    String picture(String verdict, String main) {
        return JournalPicture.draw("lesson08 a thread on each member, in lockstep", verdict,
                journal().stream().map(s -> new JournalPicture.Entry(s.who(), s.what()
                        + (s.times() > 1 ? "   (" + count(s.times()) + " times in a row)" : ""), s.where())).toList(),
                main);
    }

    /**
     * When a thread waited, outside the map, for a lock of this JVM that the other thread held, and the holder then
     * stored the key without the map's lock on it and not through an atomic operation of the map: the waiter, and
     * those stores. Null when there was no such wait, or when the cluster guarded the update too.
     */
    String unguardedJvmLockWait() {
        synchronized (unguardedStores) {
            return jvmLockWaiter == null || unguardedStores.isEmpty() ? null
                    : jvmLockWaiter + " waited, and " + jvmLockHolder.label() + " stored with neither the map's lock"
                            + " nor an atomic map operation: " + String.join("; ", unguardedStores);
        }
    }

    /** The thread that waited, outside the map, for a lock of this JVM that the other thread held; or null. */
    String jvmLockWaiter() {
        return jvmLockWaiter;
    }

    /** Why a thread was stopped in a spin that could no longer succeed; or null. */
    String stuck() {
        return stuck;
    }

    /** What the code under test threw on member 1's and member 2's thread, in that order; nulls left out. */
    List<Throwable> thrown() {
        return Arrays.stream(participants).map(p -> p.thrown).filter(t -> t != null).toList();
    }

    /**
     * {@code IllegalMonitorStateException: Current thread is not owner of the lock!}: the exception's simple name and
     * its message's first sentence (Hazelcast's go on with the key's serialized form and thread ids).
     */
    static String summary(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().split("(?<=[.!?])\\s", 2)[0];
        return e.getClass().getSimpleName() + message;
    }

    /** Who threw {@code e}. */
    String thrower(Throwable e) {
        return Arrays.stream(participants).filter(p -> p.thrown == e).findFirst().map(Participant::label)
                .orElseThrow();
    }

    private void journal(Participant who, String what) {
        synchronized (journal) {
            int last = journal.size() - 1;
            if (last >= 0 && journal.get(last).who().equals(who.label()) && journal.get(last).what().equals(what)) {
                Step same = journal.get(last);
                journal.set(last, new Step(who.label(), what, same.times() + 1, same.where()));
            } else {
                journal.add(new Step(who.label(), what, 1,
                        who.thread == Thread.currentThread() ? StudentsCode.frame() : null));
            }
        }
    }

    private void waitForTurn(Participant me) {
        Participant other = other(me);
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (turn != me.member && !other.finished && !waitsForMyMapLock(me, other) && !other.spins
                && !blockedOutsideTheMap(me, other) && System.nanoTime() < deadline) {
            Thread.yield();
        }
    }

    /**
     * Whether {@code other} is inside a map call that waits for {@code me}'s map lock on its key, and {@code me} may
     * go on: not while that lock's lease is to run out first, nor while {@code other}'s wait is to give up first.
     */
    private boolean waitsForMyMapLock(Participant me, Participant other) {
        InCall call = other.inCall;
        Boolean leaseRunsOut = call == null || !call.waitsForTheKeysLock() ? null : me.mapLocks.get(call.key());
        if (leaseRunsOut == null) {
            return false;
        }
        if (leaseRunsOut && !me.heldForItsLease) {
            me.heldForItsLease = true;
            journal(me, "is held, as a slow member can be, until its lease of " + describe(call.key())
                    + " runs out");
        }
        return !leaseRunsOut && !call.timedWaitToRunOut();
    }

    /**
     * Whether a map call waits while another thread holds the map's lock on its key: {@code lock}, a {@code tryLock}
     * with a timeout, and every write. A read does not, nor a {@code tryLock(key)}, which answers false at once: a
     * thread inside one of those is not held up by the lock, and the other thread must not go on as if it were.
     */
    private static boolean mayWait(String method, Object[] args) {
        return !(READS.contains(method) || method.equals("isLocked") || method.equals("tryLock") && args.length == 1);
    }

    /** {@code tryLock(key, time, unit)}, with or without a lease. */
    private static boolean isTimedWait(String method, Object[] args) {
        return method.equals("tryLock") && args.length >= 3;
    }

    /** A timed wait's arguments, its time cut to {@link #RUNS_OUT_WITHIN} when longer. */
    private static Object[] shortened(Object[] args) {
        if (((TimeUnit) args[2]).toNanos((Long) args[1]) <= RUNS_OUT_WITHIN.toNanos()) {
            return args;
        }
        Object[] shorter = args.clone();
        shorter[1] = RUNS_OUT_WITHIN.toMillis();
        shorter[2] = TimeUnit.MILLISECONDS;
        return shorter;
    }

    /**
     * An attempt that did not happen and may be made again: a {@code tryLock(key)} that answered false, a
     * {@code replace(key, old, new)} or {@code remove(key, value)} that answered false, a {@code putIfAbsent} that
     * found a value.
     */
    private static boolean failedAttempt(String method, Object[] args, Object result) {
        return switch (method) {
            case "tryLock" -> args.length == 1 && Boolean.FALSE.equals(result);
            case "replace" -> args.length == 3 && Boolean.FALSE.equals(result);
            case "remove" -> args.length == 2 && Boolean.FALSE.equals(result);
            case "putIfAbsent" -> result != null;
            default -> false;
        };
    }

    /**
     * A failed attempt made again, the same call with the same answer, is a spin: the thread waits for the other to
     * change what it tries. Made twice in a row after the other thread had finished (and held no lock whose lease
     * was still to run out), nothing is left in the test that could change it: the thread is stuck, and stopped.
     */
    private void noteSpin(Participant me, String failedAttempt, boolean otherHadFinished) {
        me.spins = failedAttempt != null && failedAttempt.equals(me.lastFailedAttempt);
        me.lastFailedAttempt = failedAttempt;
        me.failedAfterTheOtherFinished = failedAttempt != null && otherHadFinished
                ? me.failedAfterTheOtherFinished + 1 : 0;
        if (me.spins && me.failedAfterTheOtherFinished >= 2) {
            stuck = me.label() + " kept making the same failed attempt, " + failedAttempt + ", and made it again"
                    + " after " + other(me).label() + " had finished";
            throw new StuckInASpin();
        }
    }

    private static void noteMapLocks(Participant me, String method, Object[] args, Object result) {
        Object key = args[0];
        if (method.equals("lock") || method.equals("tryLock") && Boolean.TRUE.equals(result)) {
            me.mapLocks.put(key, leaseRunsOut(method, args));
        } else if (method.equals("unlock") || method.equals("forceUnlock")) {
            me.mapLocks.remove(key);
        }
    }

    /**
     * Whether {@code lock(key, lease, unit)} or {@code tryLock(key, time, unit, lease, unit)} asked for a short lease.
     */
    private static boolean leaseRunsOut(String method, Object[] args) {
        int lease = method.equals("lock") ? 1 : 3;
        return args.length > lease + 1
                && ((TimeUnit) args[lease + 1]).toNanos((Long) args[lease]) <= RUNS_OUT_WITHIN.toNanos();
    }

    /**
     * After a wait for a lock of this JVM: the holder's stores that overwrite a key whatever it holds, made without
     * the map's lock on the key. The map's atomic operations (an entry processor, {@code merge}, {@code compute},
     * {@code replace(key, old, new)}, {@code putIfAbsent}, …) read and write in one step on the key's owner, or store
     * only if unchanged: the cluster guards those.
     */
    private void noteUnguardedStore(Participant me, String method, Object[] args, String what) {
        if (me == jvmLockHolder && overwrites(method, args) && !me.mapLocks.containsKey(args[0])) {
            synchronized (unguardedStores) {
                unguardedStores.add(what);
            }
        }
    }

    private static boolean overwrites(String method, Object[] args) {
        return switch (method) {
            case "put", "set", "putAsync", "setAsync", "putTransient", "delete", "deleteAsync", "removeAsync" -> true;
            case "replace" -> args.length == 2;
            case "remove" -> args.length == 1;
            default -> false;
        };
    }

    /**
     * Whether {@code other} is blocked outside the watched map: on a lock of this JVM that {@code me} holds (the
     * first such wait is journalled), or inside Hazelcast, on another of the cluster's objects (a lock, say). While
     * {@code me} waits for its turn it runs none of its own code, so every lock it holds was taken by the code under
     * test.
     */
    private boolean blockedOutsideTheMap(Participant me, Participant other) {
        Thread thread = other.thread;
        if (thread == null || other.inCall != null) {
            return false;
        }
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId(), 32);
        if (info == null || other.inCall != null) {
            return false;
        }
        if (info.getLockOwnerId() == me.thread.getId()) {
            noteJvmLockWait(me, other, info);
            return true;
        }
        boolean waits = info.getThreadState() == Thread.State.WAITING
                || info.getThreadState() == Thread.State.TIMED_WAITING;
        return waits && Arrays.stream(info.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("com.hazelcast."));
    }

    private void noteJvmLockWait(Participant me, Participant other, ThreadInfo info) {
        if (jvmLockWaiter != null) {
            return;
        }
        jvmLockWaiter = other.label();
        jvmLockHolder = me;
        String where = Arrays.stream(info.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith(KeyCounters.class.getPackageName() + "."))
                .findFirst().map(frame -> ", in " + frame.getClassName().substring(frame.getClassName()
                        .lastIndexOf('.') + 1) + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                        + frame.getLineNumber() + ")").orElse("");
        String mapLocks = me.mapLocks.isEmpty() ? ""
                : " (and the map's lock on " + me.mapLocks.keySet().stream().map(Lockstep::describe)
                        .collect(Collectors.joining(", ")) + ")";
        journal(other, "waits for " + describeLock(info) + " that " + me.label() + " holds" + mapLocks + where);
    }

    /** "a ReentrantLock", or "the monitor (synchronized) of a String". */
    private static String describeLock(ThreadInfo info) {
        String name = info.getLockName();
        String type = name.substring(name.lastIndexOf('.') + 1, name.indexOf('@'));
        if (info.getThreadState() == Thread.State.BLOCKED) {
            return "the monitor (synchronized) of a " + type;
        }
        // A java.util.concurrent lock parks its threads on its inner Sync object: name the lock, not its inside.
        return "a " + type.replaceAll("\\$(Nonfair|Fair)?Sync$", "");
    }

    private Participant other(Participant me) {
        return participants[2 - me.member];
    }

    /** {@code counts.get("a") → {count=1}}; a store says what it replaced: {@code counts.put("a", …), replacing …}. */
    private static String describeCall(String map, Method method, Object[] args, Object result) {
        String call = call(map, method, args);
        if (method.getReturnType() == void.class) {
            return call;
        }
        if (method.getName().equals("put")) {
            return result == null ? call : call + ", replacing " + describe(result);
        }
        return call + " → " + describe(result);
    }

    /** {@code counts.get("a")} */
    private static String call(String map, Method method, Object[] args) {
        return map + "." + method.getName() + "("
                + Arrays.stream(args).map(Lockstep::describe).collect(Collectors.joining(", ")) + ")";
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "\"" + value + "\"";
        }
        if (value == null || value instanceof Map || value instanceof Number || value instanceof Boolean
                || value instanceof Enum) {
            return String.valueOf(value);
        }
        Class<?> type = value.getClass();
        return type.isSynthetic() || type.getSimpleName().contains("$$Lambda") ? "(a function)" : type.getSimpleName();
    }
}
