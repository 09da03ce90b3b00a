package workbook.harness.instrumented;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import workbook.harness.picture.StudentsCode;

/**
 * Puts the seed's "&lt;context switch&gt;" at one chosen point of the code under test, instead of hoping that the
 * scheduler switches threads there. A map supplied by a test calls {@link #hold} at that point, for example right
 * before a thread removes a key it decided on earlier. The first few times, the calling thread then waits until
 * another thread has done what the race needs (typically: removed the same key), and only then goes on. The
 * interleaving the lesson is about therefore happens on every run, on one CPU as on many.
 *
 * <p>Correct code pays nothing or little:
 * <ul>
 *   <li>code that never reaches the chosen point is never held;</li>
 *   <li>a thread that holds a lock is not held either: other threads cannot get in while it does, so a pause
 *       could only cost time;</li>
 *   <li>no pause lasts longer than {@link #LIMIT}.</li>
 * </ul>
 *
 * <pre>{@code
 * class PopAfterOthersMap extends ConcurrentHashMap<Integer, Integer> {
 *     final ForcedSwitch forced = new ForcedSwitch(1);
 *
 *     public Integer remove(Object key) {
 *         forced.hold("was about to remove key " + key, "another thread removed key " + key,
 *                 () -> !super.containsKey(key));
 *         return super.remove(key);
 *     }
 * }
 * }</pre>
 */
public final class ForcedSwitch {

    /**
     * The longest a thread is held. Only reached when no other thread ever does what is awaited, for example in code
     * that gives each thread keys of its own, or that guards the map with a lock this class cannot see (a Semaphore).
     */
    public static final Duration LIMIT = Duration.ofSeconds(1);

    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final AtomicInteger left;
    private final Queue<String> story = new ConcurrentLinkedQueue<>();
    private final Queue<HeldThread> held = new ConcurrentLinkedQueue<>();

    /** Holds the threads that reach the chosen point first, {@code times} of them in all. */
    public ForcedSwitch(int times) {
        this.left = new AtomicInteger(times);
    }

    /**
     * At the chosen point: the first {@code times} calls wait until {@code happened} is true, at most {@link #LIMIT}.
     *
     * @param step what the calling thread has just done, e.g. "checked key 17"
     * @param awaited what the other thread does meanwhile, e.g. "another thread removed key 17"
     * @param happened true once {@code awaited} has happened
     */
    public void hold(String step, String awaited, BooleanSupplier happened) {
        if (left.get() <= 0 || left.getAndDecrement() <= 0) {
            return;
        }
        String thread = Thread.currentThread().getName();
        if (holdsALock()) {
            story.add(thread + " " + step + " while holding a lock, so no other thread could get in: not held");
            return;
        }
        StackTraceElement where = StudentsCode.frame();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!happened.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
                story.add(thread + " " + step + " · <context switch> · after " + LIMIT.toMillis() + " ms still not: "
                        + awaited + " · " + thread + " resumed");
                held.add(new HeldThread(thread, step, awaited, false, where));
                return;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        story.add(thread + " " + step + " · <context switch> · " + awaited + " · " + thread + " resumed");
        held.add(new HeldThread(thread, step, awaited, true, where));
    }

    /**
     * One line per thread that reached the chosen point while switches were left, in the order they resumed; when
     * there is one, a last line names the picture of the same, drawn when the test JVM ends (see {@link HeldThread}).
     */
    public List<String> story() {
        List<String> lines = new ArrayList<>(story);
        if (!lines.isEmpty()) {
            HeldThread.picture(List.copyOf(held)).ifPresent(lines::add);
        }
        return lines;
    }

    /** True when the calling thread holds a monitor (synchronized) or an owned lock such as a ReentrantLock. */
    private static boolean holdsALock() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isObjectMonitorUsageSupported() || !mx.isSynchronizerUsageSupported()) {
            return false;
        }
        ThreadInfo info = mx.getThreadInfo(new long[] {Thread.currentThread().getId()}, true, true)[0];
        return info != null && (info.getLockedMonitors().length > 0 || info.getLockedSynchronizers().length > 0);
    }
}
