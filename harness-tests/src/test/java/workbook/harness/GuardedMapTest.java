package workbook.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The guarded map refuses calls made without its lock, stops work over budget, and tells the first calls in order. */
@DisplayName("GuardedMap checks the lock on every call and counts work")
class GuardedMapTest {

    final ReentrantLock lock = new ReentrantLock();
    final GuardedMap<Integer, Integer> map = GuardedMap.withKeys(10, lock);

    @Test
    @DisplayName("a call without the lock is refused, named, and counted")
    void callWithoutTheLockIsRefused() {
        assertThatThrownBy(() -> map.remove(4))
                .isInstanceOf(AssertionError.class)
                .hasMessage(Thread.currentThread().getName() + " called remove(4) without holding the lock");

        assertThat(map.unguardedCalls()).isEqualTo(1);
        assertThat(map.remaining()).hasSize(10);
        assertThatThrownBy(() -> map.assertEveryCallGuarded("Hints: here"))
                .hasMessageContaining("called remove(4) without holding the lock");
    }

    @Test
    @DisplayName("synchronized (lock) is told apart from lock.lock()")
    void monitorOfTheLockObjectIsNotTheLock() {
        synchronized (lock) {
            assertThatThrownBy(() -> map.get(1))
                    .hasMessageContaining("inside synchronized (lock), which takes the lock object's built-in monitor");
        }
    }

    @Test
    @DisplayName("work over the budget is refused, and the first calls read as a timeline with context switches")
    void workOverBudgetIsRefusedAndTheFirstCallsAreTold() throws InterruptedException {
        map.limitWork(25);
        Thread other = new Thread(() -> withLock(() -> new ArrayList<>(map.keySet())), "worker-2");

        withLock(() -> {
            new ArrayList<>(map.keySet());
            map.containsKey(0);
            map.remove(0);
        });
        other.start();
        other.join();
        assertThatThrownBy(() -> withLock(() -> new ArrayList<>(map.keySet())))
                .hasMessageContaining("the work budget of 25 map operations ran out when");

        String me = Thread.currentThread().getName();
        assertThat(map.workAtBudget()).hasValueSatisfying(work -> assertThat(work.total()).isEqualTo(21));
        assertThat(map.firstCalls()).containsExactly(
                String.format("%-14s%s", me + ":", "keySet().toArray() (10 keys), containsKey(0), remove(0)"),
                " ".repeat(14) + "<context switch>",
                String.format("%-14s%s", "worker-2:", "keySet().toArray() (9 keys)"),
                " ".repeat(14) + "<context switch>",
                "and then " + me + " called keySet().toArray(), 9 operations: refused, over budget");
    }

    @Test
    @DisplayName("an emptied map passes the removal check; an entry left or a worker off its share fails it")
    void everyEntryRemovedOnce() {
        withLock(() -> {
            for (int key = 0; key < 9; key++) {
                map.remove(key);
            }
        });
        assertThatThrownBy(() -> map.assertEveryEntryRemovedOnce(new int[] {5, 4}, 5, "share", "Hints: here"))
                .hasMessage("1 of 10 entries are left; the workers report 9 removals and the map counted 9; 1 of 2"
                        + " workers removed other than 5. Every worker should remove exactly its share, and every"
                        + " entry should be removed once.\nHints: here");

        withLock(() -> map.remove(9));
        map.assertEveryEntryRemovedOnce(new int[] {5, 5}, 5, "share", "Hints: here");
    }

    private void withLock(Runnable body) {
        lock.lock();
        try {
            body.run();
        } finally {
            lock.unlock();
        }
    }
}
