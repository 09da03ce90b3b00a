package workbook.harness.stress;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import workbook.harness.Format;

/**
 * Explains why threads did not finish: deadlocks (with the locks involved), locks whose owner has already ended,
 * and where the rest are, grouped by stack so that 998 identical waiters print once.
 */
public final class StuckThreads {

    private static final int FRAMES_SHOWN = 12;

    private StuckThreads() {
    }

    /**
     * What one look at the stuck threads found: the diagnosis to print; when the hang looks like a loop, each running
     * thread's innermost frame as "class.method", and how many others only waited for a lock that one of those
     * running threads held (workers queued behind a spinning lock holder). Not a loop (some thread waited for anything
     * else): no frames, and 0. {@code canNeverGoOn}: a deadlock, or a lock whose owner has ended, was found.
     */
    public record Diagnosis(String text, List<String> innermostRunningFrames, int waitingForThem,
            boolean canNeverGoOn) {
    }

    /**
     * The first line of a stuck run's diagnosis: {@code running} of {@code total} workers still running when the run
     * was stopped, and what {@code watch} saw advance before.
     */
    static String stuckHeadline(int running, int total, RunWatch watch) {
        Duration when = watch.extended() ? watch.elapsed() : watch.patience().deadline();
        return Format.count(running) + " of " + Format.count(total) + " workers were still running "
                + Format.duration(when) + " after the start, so the run was stopped. " + watch.whyStuck() + "\n";
    }

    /** The diagnosis of {@code threads}: {@code headline}, then deadlocks, abandoned locks, and where they are. */
    static Diagnosis diagnose(List<Thread> threads, String headline, String whereHeader) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Thread> byId = new HashMap<>();
        for (Thread t : threads) {
            byId.put(t.getId(), t);
        }
        ThreadInfo[] infos = mx.getThreadInfo(byId.keySet().stream().mapToLong(Long::longValue).toArray(),
                true, true);
        String neverGoOn = deadlocks(mx, byId.keySet()) + abandonedLocks(infos);
        String text = headline + neverGoOn + groupedStacks(infos, whereHeader);
        Diagnosis loop = loop(text, infos);
        return new Diagnosis(loop.text(), loop.innermostRunningFrames(), loop.waitingForThem(),
                !neverGoOn.isEmpty());
    }

    private static Diagnosis loop(String text, ThreadInfo[] infos) {
        List<String> frames = new ArrayList<>();
        Set<Long> running = new HashSet<>();
        for (ThreadInfo info : infos) {
            if (info == null) {
                return new Diagnosis(text, List.of(), 0, false);
            }
            if (info.getThreadState() == Thread.State.RUNNABLE && info.getStackTrace().length > 0) {
                StackTraceElement top = info.getStackTrace()[0];
                frames.add(top.getClassName() + "." + top.getMethodName());
                running.add(info.getThreadId());
            }
        }
        int waiting = infos.length - frames.size();
        for (ThreadInfo info : infos) {
            if (!running.contains(info.getThreadId()) && !running.contains(info.getLockOwnerId())) {
                return new Diagnosis(text, List.of(), 0, false);
            }
        }
        return new Diagnosis(text, frames, waiting, false);
    }

    /** Interrupts the threads and waits up to {@code grace} for them to end; returns those still alive. */
    public static List<Thread> interruptAndWait(List<Thread> threads, Duration grace) {
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + grace.toNanos();
        List<Thread> alive = new ArrayList<>();
        for (Thread t : threads) {
            try {
                TimeUnit.NANOSECONDS.timedJoin(t, Math.max(1, deadline - System.nanoTime()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                alive.add(t);
            }
        }
        return alive;
    }

    /**
     * A closing sentence about threads that could not be stopped (a Java thread cannot be killed, only asked), which
     * calls them stuck only when {@code stuck}.
     */
    public static String describeLeftovers(List<Thread> unstoppable, boolean stuck) {
        String kind = stuck ? "stuck worker" : "worker";
        if (unstoppable.isEmpty()) {
            return "All " + kind + "s ended after " + (stuck ? "an interrupt" : "the run was stopped") + ".\n";
        }
        boolean one = unstoppable.size() == 1;
        return Format.count(unstoppable.size()) + " " + kind + (one ? "" : "s") + " ignored an interrupt"
                + (stuck ? " (a thread blocked on a lock or spinning in a loop does)"
                        : " (a thread waiting in lock() or working without ticking its Progress does)")
                + " and " + (one ? "stays behind as a daemon thread" : "stay behind as daemon threads")
                + " until this test JVM exits; later tests in this lesson may run slower.\n";
    }

    private static String deadlocks(ThreadMXBean mx, Set<Long> ours) {
        long[] ids = mx.findDeadlockedThreads();
        if (ids == null) {
            return "";
        }
        long[] relevant = Arrays.stream(ids).filter(ours::contains).toArray();
        if (relevant.length == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder("DEADLOCK: these threads wait for each other and can never go on:\n");
        for (ThreadInfo info : mx.getThreadInfo(relevant, true, true)) {
            if (info == null) {
                continue;
            }
            text.append("  ").append(info.getThreadName()).append(" waits for ").append(lockName(info.getLockInfo()))
                    .append(" held by ").append(info.getLockOwnerName());
            String holds = heldLocks(info);
            if (!holds.isEmpty()) {
                text.append(", while holding ").append(holds);
            }
            text.append('\n');
        }
        text.append("  Take locks in one fixed order everywhere (or hold only one at a time).\n");
        return text.toString();
    }

    private static String abandonedLocks(ThreadInfo[] infos) {
        Set<Long> alive = new HashSet<>();
        for (ThreadInfo info : infos) {
            if (info != null) {
                alive.add(info.getThreadId());
            }
        }
        Map<String, List<ThreadInfo>> waitersByLock = new LinkedHashMap<>();
        Map<String, String> ownerByLock = new HashMap<>();
        for (ThreadInfo info : infos) {
            if (info == null || info.getLockInfo() == null || !isOwnable(info.getLockInfo())) {
                continue;
            }
            // No owner (-1) is not evidence of anything: latches, semaphores and read locks never have one.
            long owner = info.getLockOwnerId();
            if (owner != -1 && !alive.contains(owner) && !isLive(owner)) {
                String lock = lockName(info.getLockInfo());
                waitersByLock.computeIfAbsent(lock, k -> new ArrayList<>()).add(info);
                ownerByLock.put(lock, info.getLockOwnerName() + ", which has already ended");
            }
        }
        StringBuilder text = new StringBuilder();
        waitersByLock.forEach((lock, waiters) -> text.append("LOCK NEVER RELEASED: ")
                .append(Format.count(waiters.size())).append(" workers wait for ").append(lock)
                .append(", held by ").append(ownerByLock.get(lock))
                .append(". A lock must be released in a finally block, even when the work in between throws.\n"));
        return text.toString();
    }

    private static boolean isLive(long threadId) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(threadId);
        return info != null;
    }

    private static boolean isOwnable(LockInfo lock) {
        // Monitors (synchronized) cannot outlive their owner; only java.util.concurrent locks can be abandoned.
        return !lock.getClassName().equals(Object.class.getName()) && lock.getClassName().contains("Sync");
    }

    private static String groupedStacks(ThreadInfo[] infos, String header) {
        Map<String, List<String>> threadsByStack = new LinkedHashMap<>();
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;
            }
            threadsByStack.computeIfAbsent(stackKey(info), k -> new ArrayList<>()).add(info.getThreadName());
        }
        StringBuilder text = new StringBuilder(header);
        threadsByStack.forEach((stack, names) -> text.append("  ").append(Format.count(names.size()))
                .append(names.size() == 1 ? " worker (" : " workers (").append(namesSample(names)).append(") ")
                .append(stack));
        return text.toString();
    }

    private static String stackKey(ThreadInfo info) {
        StringBuilder key = new StringBuilder(info.getThreadState().toString());
        if (info.getLockInfo() != null) {
            key.append(" on ").append(lockName(info.getLockInfo()));
        }
        key.append('\n');
        List<String> frames = Format.frames(info.getStackTrace());
        for (int i = 0; i < Math.min(FRAMES_SHOWN, frames.size()); i++) {
            key.append("      at ").append(frames.get(i)).append('\n');
        }
        if (frames.size() > FRAMES_SHOWN) {
            key.append("      … ").append(frames.size() - FRAMES_SHOWN).append(" more\n");
        }
        return key.toString();
    }

    private static String namesSample(List<String> names) {
        String shown = names.stream().limit(3).collect(Collectors.joining(", "));
        return names.size() > 3 ? shown + ", …" : shown;
    }

    private static String heldLocks(ThreadInfo info) {
        List<String> held = new ArrayList<>();
        Arrays.stream(info.getLockedMonitors()).forEach(m -> held.add(lockName(m)));
        Arrays.stream(info.getLockedSynchronizers()).forEach(s -> held.add(lockName(s)));
        return String.join(" and ", held);
    }

    private static String lockName(LockInfo lock) {
        String name = lock.getClassName();
        return name.substring(name.lastIndexOf('.') + 1) + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
