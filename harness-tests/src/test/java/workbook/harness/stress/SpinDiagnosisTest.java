package workbook.harness.stress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Workers that never finish and never wait: an endless loop, and a {@code HashMap} whose bucket chain has become a
 * cycle (what concurrent puts can do to it). Neither answers an interrupt; each test lets its loop go afterwards so
 * that no spinning thread eats a CPU for the rest of the run.
 */
@DisplayName("A worker that spins forever ends the run with a dump of where it spins")
class SpinDiagnosisTest {

    static final Duration DEADLINE = Duration.ofMillis(500);

    @Test
    @DisplayName("an endless loop: the dump shows the looping method, and that the worker ignored the interrupt")
    void endlessLoop() {
        AtomicBoolean letGo = new AtomicBoolean();
        try {
            assertThatThrownBy(() -> Stress.run(4, DEADLINE, worker -> {
                if (worker == 2) {
                    spinUntil(letGo);
                }
            }))
                    .isInstanceOf(WorkersStuck.class)
                    .hasMessageContaining("1 of 4 workers were still running 500 ms after the start")
                    .hasMessageContaining("Where the stuck workers are:\n  1 worker (worker-2) RUNNABLE\n")
                    .hasMessageContaining("at workbook.harness.stress.SpinDiagnosisTest.spinUntil(SpinDiagnosisTest.java:")
                    .hasMessageContaining("1 stuck worker ignored an interrupt (a thread blocked on a lock or spinning"
                            + " in a loop does) and stays behind as a daemon thread")
                    .hasMessageNotContaining("DEADLOCK")
                    .hasMessageNotContaining("LOCK NEVER RELEASED");
        } finally {
            letGo.set(true);
        }
    }

    @Test
    @DisplayName("a HashMap whose bucket chain is a cycle: the dump shows HashMap.getNode going round")
    void corruptedHashMapCycles() throws ReflectiveOperationException {
        CycledHashMap cycled = new CycledHashMap();
        try {
            assertThatThrownBy(() -> Stress.run(3, DEADLINE, worker -> cycled.map.get(32))) // 32 is in bucket 0 too
                    .isInstanceOf(WorkersStuck.class)
                    .hasMessageContaining("3 of 3 workers were still running 500 ms after the start")
                    .hasMessageContaining("RUNNABLE")
                    .hasMessageContaining("at java.util.HashMap.getNode(HashMap.java:")
                    .hasMessageContaining("3 stuck workers ignored an interrupt");
        } finally {
            cycled.mend(); // the chain ends again, and the spinning workers return
        }
    }

    @Test
    @DisplayName("workers spinning inside a corrupted HashMap become the race's assertion with asCorruption")
    void corruptedHashMapIsReportedAsTheRace() throws ReflectiveOperationException {
        CycledHashMap cycled = new CycledHashMap();
        try {
            Throwable reported = catchThrowable(() -> Stress.run(3, DEADLINE, worker -> cycled.map.get(32)));

            assertThat(reported).isInstanceOf(WorkersStuck.class);
            assertThat(((WorkersStuck) reported).asCorruption("java.util.HashMap", "round 1: ", "Hints: here"))
                    .isNotInstanceOf(WorkersStuck.class)
                    .hasMessage("round 1: 3 workers never came back from java.util.HashMap (first:"
                            + " java.util.HashMap.getNode): concurrent writes left a loop in its table, and every call"
                            + " that walks it goes round forever.\nHints: here")
                    .hasCause(reported);
            assertThat(((WorkersStuck) reported).asCorruption("java.util.TreeMap", "", ""))
                    .isSameAs(reported);
        } finally {
            cycled.mend();
        }
    }

    @Test
    @DisplayName("workers queued for the locks that the spinning workers hold count as the race too; any other wait"
            + " does not")
    void workersBehindSpinningLockHoldersAreTheRaceToo() throws ReflectiveOperationException {
        CycledHashMap cycled = new CycledHashMap();
        ReentrantLock[] stripes = {new ReentrantLock(), new ReentrantLock()};
        CountDownLatch bothStripesHeld = new CountDownLatch(2);
        CountDownLatch neverOpened = new CountDownLatch(1);
        try {
            // Workers 0 and 1 each take a stripe and spin in the cycle; 2 and 3 queue for those stripes.
            Throwable queued = catchThrowable(() -> Stress.run(4, DEADLINE, worker -> {
                ReentrantLock stripe = stripes[worker % 2];
                if (worker >= 2) {
                    bothStripesHeld.await();
                }
                stripe.lock();
                try {
                    bothStripesHeld.countDown();
                    cycled.map.get(32);
                } finally {
                    stripe.unlock();
                }
            }));
            assertThat(((WorkersStuck) queued).asCorruption("java.util.HashMap", "", ""))
                    .isNotInstanceOf(WorkersStuck.class)
                    .hasMessageStartingWith("2 workers never came back from java.util.HashMap (first:"
                            + " java.util.HashMap.getNode)")
                    .hasMessageContaining("goes round forever. 2 more waited for locks those workers held.");

            // Worker 1 spins; worker 0 waits for a latch, which no spinning worker holds: not the table's loop alone.
            Throwable latched = catchThrowable(() -> Stress.run(2, DEADLINE, worker -> {
                if (worker == 0) {
                    neverOpened.await();
                } else {
                    cycled.map.get(32);
                }
            }));
            assertThat(((WorkersStuck) latched).asCorruption("java.util.HashMap", "", "")).isSameAs(latched);
        } finally {
            cycled.mend();
            neverOpened.countDown();
        }
    }

    /** A HashMap whose bucket 0 chain is a cycle, 0 -> 16 -> 0 -> …, until {@link #mend()} ends it again. */
    private static final class CycledHashMap {
        final Map<Integer, String> map = new HashMap<>();
        private final Field next;
        private final Object tail;

        CycledHashMap() throws ReflectiveOperationException {
            // Integer keys 0 and 16 share bucket 0 of a 16-slot table: the chain is 0 -> 16.
            map.put(0, "zero");
            map.put(16, "sixteen");
            Object[] table = (Object[]) field(HashMap.class, "table").get(map);
            next = field(table[0].getClass(), "next");
            Object head = table[0];
            tail = next.get(head);
            next.set(tail, head);
        }

        void mend() throws IllegalAccessException {
            next.set(tail, null);
        }
    }

    private static void spinUntil(AtomicBoolean letGo) {
        while (!letGo.get()) {
            Thread.onSpinWait();
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
