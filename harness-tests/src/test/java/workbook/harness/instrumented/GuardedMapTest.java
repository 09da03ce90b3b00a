package workbook.harness.instrumented;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
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
        map.limitWork(40);
        Thread other = new Thread(() -> withLock(() -> new ArrayList<>(map.keySet())), "worker-2");

        withLock(() -> {
            new ArrayList<>(map.keySet()); // 10 keys read and 6 empty slots walked past: 16 operations
            map.containsKey(0);
            map.remove(0);
        });
        other.start();
        other.join();
        assertThatThrownBy(() -> withLock(() -> new ArrayList<>(map.keySet())))
                .hasMessageContaining("the work budget of 40 map operations ran out when");

        String me = Thread.currentThread().getName();
        assertThat(map.workAtBudget()).hasValueSatisfying(work -> assertThat(work.total()).isEqualTo(34));
        assertThat(map.firstCalls()).containsExactly(
                String.format("%-14s%s", me + ":", "keySet().toArray() (16 operations), containsKey(0), remove(0)"),
                " ".repeat(14) + "<context switch>",
                String.format("%-14s%s", "worker-2:", "keySet().toArray() (16 operations)"),
                " ".repeat(14) + "<context switch>",
                "and then " + me + " called keySet().toArray(), 16 operations: refused, over budget");
    }

    @Test
    @DisplayName("iterators are charged the empty table slots they walk past, as a HashMap walks them")
    void iteratorsAreChargedTheSlotsTheyWalk() {
        withLock(() -> {
            for (int i = 0; i < 10; i++) {
                map.remove(map.keySet().iterator().next()); // the i-th new iterator walks past i emptied slots
            }
            assertThat(map.keySet().iterator().hasNext()).isFalse(); // an empty map's table is not walked
        });
        assertThat(map.work().slotsWalked()).isEqualTo(0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9);
        assertThat(map.work().keysRead()).isEqualTo(10);

        GuardedMap<Integer, Integer> full = GuardedMap.withKeys(10, lock);
        withLock(() -> {
            Iterator<Integer> keys = full.keySet().iterator();
            while (keys.hasNext()) {
                keys.next();
                keys.remove();
            }
        });
        assertThat(full.work().slotsWalked()).isEqualTo(16 - 10); // one walk: only the slots after the last key
    }

    @Test
    @DisplayName("the table grows as a HashMap's does: doubled when the entries pass three quarters of it")
    void theTableGrowsAsAHashMapsDoes() {
        assertThat(GuardedMap.withKeys(12, lock).tableSlots()).isEqualTo(16);
        assertThat(GuardedMap.withKeys(13, lock).tableSlots()).isEqualTo(32);
        assertThat(GuardedMap.withKeys(100_000, lock).tableSlots()).isEqualTo(262_144);
    }

    @Test
    @DisplayName("a removal told to fail throws and leaves its entry in place")
    void aRemovalToldToFailThrows() {
        map.failRemoval(2);
        withLock(() -> {
            map.remove(0);
            assertThatThrownBy(() -> map.remove(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("removal 2 failed (the test's injected failure)");
        });
        assertThat(map.remaining()).containsKey(1).hasSize(9);
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
