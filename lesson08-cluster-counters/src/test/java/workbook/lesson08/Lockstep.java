package workbook.lesson08;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import workbook.harness.picture.JournalPicture;

/**
 * Runs one thread on member 1 and one on member 2 in lockstep through the map views a test hands to each member's
 * {@link KeyCounters}. The two take turns at the map: member 1's thread goes first, and after every read (a
 * {@code get}, {@code getOrDefault}, {@code containsKey} or {@code getEntryView}) the turn passes to the other. So
 * each thread reads before the other writes what it read: the tutorial's "&lt;context switch&gt;" at the worst
 * moment, on every run and any number of CPUs. A thread waits for its turn only before it calls the map, never in
 * its own code.
 *
 * <p>A thread whose turn it is not goes on anyway when the other thread is done, waits inside a map call for a key
 * this thread has locked with the map's {@code lock} (a call that waits for that lock: not a read, nor a
 * {@code tryLock(key)}, which answers at once), or waits inside Hazelcast on another of the cluster's objects:
 * correct code is never held up. It also goes on when the other thread waits, outside the map, for a lock that this
 * thread holds. Such a lock is an object in this JVM, where
 * the test runs both members; on two machines each member has its own, and neither waits. The first such wait is
 * journalled, and {@link #jvmLockWaiter()} names the thread.
 *
 * <p>Every call goes into a journal, which becomes the failure's timeline.
 */
final class Lockstep implements WatchedMap.Watcher {

    /** A safety net only: neither the exercise nor a correct solution waits this long for its turn. */
    private static final long PATIENCE_NANOS = 5_000_000_000L;
    private static final Set<String> READS = Set.of("get", "getOrDefault", "containsKey", "getEntryView");

    private record Step(String who, String what) {
    }

    /** One of the two threads: the member it runs on, and what the others need to know about it. */
    private static final class Participant {
        final int member;
        volatile Thread thread;
        volatile boolean finished;
        /** The key of the map call it is inside now; null when it is not inside one. */
        volatile Object inCallOn;
        /** Whether that call waits while another thread holds the map's lock on its key (see {@link #mayWait}). */
        volatile boolean inCallThatWaitsForTheKeysLock;
        /** Keys it holds the map's lock on. */
        final Set<Object> mapLocks = ConcurrentHashMap.newKeySet();

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
    private final Queue<Step> journal = new ConcurrentLinkedQueue<>();
    private volatile String jvmLockWaiter;

    /** Runs {@code body} on the calling thread, as the thread on member {@code member} (1 or 2). */
    void run(int member, Runnable body) {
        Participant me = participants[member - 1];
        me.thread = Thread.currentThread();
        byThread.put(me.thread, me);
        try {
            waitForTurn(me); // so that member 1's thread is first to take any lock of its own, too
            body.run();
        } finally {
            me.finished = true;
        }
    }

    @Override
    public Object around(String map, Method method, Object[] args, WatchedMap.Call call) throws Throwable {
        Participant me = byThread.get(Thread.currentThread());
        if (me == null) {
            return call.proceed(); // the test's own set-up or check
        }
        Object key = args.length > 0 ? args[0] : null;
        waitForTurn(me);
        me.inCallThatWaitsForTheKeysLock = mayWait(method.getName(), args);
        me.inCallOn = key;
        Object result;
        try {
            result = call.proceed();
        } finally {
            me.inCallOn = null;
        }
        noteMapLocks(me, method.getName(), key, result);
        journal.add(new Step(me.label(), describeCall(map, method, args, result)));
        if (READS.contains(method.getName())) {
            turn = other(me).member;
        }
        return result;
    }

    /** The journal as a timeline, with a "&lt;context switch&gt;" line wherever the other thread takes over. */
    List<String> timeline() {
        List<String> lines = new ArrayList<>();
        String previous = null;
        for (Step step : journal) {
            if (previous != null && !previous.equals(step.who())) {
                lines.add(" ".repeat(22) + "<context switch>");
            }
            lines.add(String.format("%-22s%s", step.who() + ":", step.what()));
            previous = step.who();
        }
        return lines;
    }

    /** The journal as a picture, then {@code main}'s last step; the line that names it (see JournalPicture). */
    String picture(String verdict, String main) {
        return JournalPicture.draw("lesson08 a thread on each member, in lockstep", verdict,
                journal.stream().map(s -> Map.entry(s.who(), s.what())).toList(), main);
    }

    /** The thread that waited, outside the map, for a lock of this JVM that the other thread held; or null. */
    String jvmLockWaiter() {
        return jvmLockWaiter;
    }

    private void waitForTurn(Participant me) {
        Participant other = other(me);
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (turn != me.member && !other.finished && !waitsForMyMapLock(me, other)
                && !blockedOutsideTheMap(me, other) && System.nanoTime() < deadline) {
            Thread.yield();
        }
    }

    private static boolean waitsForMyMapLock(Participant me, Participant other) {
        Object key = other.inCallOn;
        return key != null && other.inCallThatWaitsForTheKeysLock && me.mapLocks.contains(key);
    }

    /**
     * Whether a map call waits while another thread holds the map's lock on its key: {@code lock}, a {@code tryLock}
     * with a timeout, and every write. A read does not, nor a {@code tryLock(key)}, which answers false at once: a
     * thread inside one of those is not held up by the lock, and the other thread must not go on as if it were.
     */
    private static boolean mayWait(String method, Object[] args) {
        return !(READS.contains(method) || method.equals("isLocked") || method.equals("tryLock") && args.length == 1);
    }

    /**
     * Whether {@code other} is blocked outside the watched map: on a lock of this JVM that {@code me} holds (the
     * first such wait is journalled), or inside Hazelcast, on another of the cluster's objects (a lock, say). While
     * {@code me} waits for its turn it runs none of its own code, so every lock it holds was taken by the code under
     * test.
     */
    private boolean blockedOutsideTheMap(Participant me, Participant other) {
        Thread thread = other.thread;
        if (thread == null || other.inCallOn != null) {
            return false;
        }
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId(), 32);
        if (info == null || other.inCallOn != null) {
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
        String where = Arrays.stream(info.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith(KeyCounters.class.getPackageName() + "."))
                .findFirst().map(frame -> ", in " + frame.getClassName().substring(frame.getClassName()
                        .lastIndexOf('.') + 1) + "." + frame.getMethodName() + "(" + frame.getFileName() + ":"
                        + frame.getLineNumber() + ")").orElse("");
        journal.add(new Step(other.label(), "waits for " + describeLock(info) + " that " + me.label() + " holds"
                + where));
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

    private static void noteMapLocks(Participant me, String method, Object key, Object result) {
        if (method.equals("lock") || method.equals("tryLock") && Boolean.TRUE.equals(result)) {
            me.mapLocks.add(key);
        } else if (method.equals("unlock") || method.equals("forceUnlock")) {
            me.mapLocks.remove(key);
        }
    }

    private Participant other(Participant me) {
        return participants[2 - me.member];
    }

    /** {@code counts.get("a") → {count=1}}; a store says what it replaced: {@code counts.put("a", …), replacing …}. */
    private static String describeCall(String map, Method method, Object[] args, Object result) {
        String call = map + "." + method.getName() + "("
                + Arrays.stream(args).map(Lockstep::describe).collect(Collectors.joining(", ")) + ")";
        if (method.getReturnType() == void.class) {
            return call;
        }
        if (method.getName().equals("put")) {
            return result == null ? call : call + ", replacing " + describe(result);
        }
        return call + " → " + describe(result);
    }

    private static String describe(Object value) {
        if (value instanceof String) {
            return "\"" + value + "\"";
        }
        if (value == null || value instanceof Map || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        Class<?> type = value.getClass();
        return type.isSynthetic() || type.getSimpleName().contains("$$Lambda") ? "(a function)" : type.getSimpleName();
    }
}
