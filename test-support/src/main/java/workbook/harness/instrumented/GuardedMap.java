package workbook.harness.instrumented;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import workbook.harness.Format;

/**
 * A {@link HashMap} that may only be touched while one given lock is held: the "guarded by" rule, checked on every
 * call, so that a missing lock shows up on the first unguarded access on any number of CPUs instead of by luck. It is
 * composed of four pieces, each in its own file:
 *
 * <ul>
 *   <li>{@link LockCheck}: a call from a thread that does not hold the lock throws an {@link AssertionError} naming
 *       the thread and the call, and is recorded, even when the code under test swallows the error. Because every
 *       unguarded call is refused before it reaches the {@code HashMap}, the map itself is never corrupted.</li>
 *   <li>{@link WorkBudget}: every call that passes is counted as {@link Work}: keys checked, keys read through
 *       {@code keySet()}, {@code values()} or {@code entrySet()}, empty table slots walked past to find them, remove
 *       calls, entries removed, writes. With {@link #limitWork(long)} the run stops as soon as the work exceeds a
 *       budget.</li>
 *   <li>{@link HashMapTable}: where a {@code HashMap} iterator walks, so that the slots it passes are counted.</li>
 *   <li>{@link CallLog}: the first calls, for the failure's timeline.</li>
 * </ul>
 *
 * <p>Views and their iterators are guarded too. After the workers have finished, the test reads the result with
 * {@link #remaining()}, which needs no lock.
 */
public final class GuardedMap<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> entries = new HashMap<>();
    private final LockCheck lockCheck;
    private final WorkBudget budget = new WorkBudget();
    private final HashMapTable table = new HashMapTable();
    private final CallLog callLog = new CallLog();
    private long failingRemoval; // 0: none; changed by the test before the run

    /** An empty map guarded by {@code lock}. */
    public GuardedMap(ReentrantLock lock) {
        this.lockCheck = new LockCheck(Objects.requireNonNull(lock, "lock"));
    }

    /** A map holding the keys 0 … n-1, each mapped to itself, guarded by {@code lock}. */
    public static GuardedMap<Integer, Integer> withKeys(int n, ReentrantLock lock) {
        GuardedMap<Integer, Integer> map = new GuardedMap<>(lock);
        for (int key = 0; key < n; key++) {
            map.store(key, key);
        }
        return map;
    }

    /** The number of slots in the map's table, as {@code HashMap} sizes it: what one walk over all keys passes. */
    public int tableSlots() {
        return table.slots();
    }

    /**
     * From now on, a call that would take the total work past {@code operations} throws an {@link AssertionError},
     * and so does every call after it: the run stops at once. {@link #workAtBudget()} tells how far it got.
     */
    public void limitWork(long operations) {
        budget.limit(operations);
    }

    /**
     * Makes the {@code number}-th removal of an entry (counted from the first, 1 is the first) throw an
     * {@link IllegalStateException} instead, leaving the entry in place: a call that fails in the middle of a job,
     * as any call may, to show whether the caller still lets go of its lock.
     */
    public void failRemoval(long number) {
        failingRemoval = number;
    }

    // ---- What the test reads afterwards (no lock needed once the workers have been joined) ----

    /** The work counted so far. */
    public Work work() {
        return budget.work();
    }

    /** Entries actually removed so far (remove calls that found their key, iterator removals, clear). */
    public long removals() {
        return budget.removals();
    }

    /**
     * The first calls that were charged as work, in the order they were made, as a timeline: one line per run of
     * calls by one thread ("worker-7: containsKey(0), remove(0), containsKey(1), remove(1), … 200 calls"), a
     * context-switch line where another thread took over, and at the end the call that went over the budget, if one
     * did.
     */
    public List<String> firstCalls() {
        return callLog.lines(budget.callOverLimit());
    }

    /** The work counted when the budget ran out, if it did. */
    public Optional<Work> workAtBudget() {
        return budget.workAtLimit();
    }

    /** The call that would have gone over the budget, e.g. "worker-7 called keySet().toArray(), 100,000 operations". */
    public Optional<String> callOverBudget() {
        return budget.callOverLimit();
    }

    /** The first call made without the lock, e.g. "worker-17 called remove(4711) without holding the lock". */
    public Optional<String> firstUnguardedCall() {
        return lockCheck.firstUnguardedCall();
    }

    /** How many calls were made without the lock. */
    public long unguardedCalls() {
        return lockCheck.unguardedCalls();
    }

    /** How many different threads made calls without the lock. */
    public int unguardedThreads() {
        return lockCheck.unguardedThreads();
    }

    /** A copy of the contents, read without the guard: for the test, after the workers have been joined. */
    public Map<K, V> remaining() {
        return new HashMap<>(entries);
    }

    /**
     * Fails when any call was made without the lock, naming the first one and counting the rest. Call it right
     * after the workers have finished, before looking at their exceptions: the code under test may have swallowed
     * or wrapped the error the map threw.
     */
    public void assertEveryCallGuarded(String hints) {
        lockCheck.assertEveryCallGuarded(hints);
    }

    /**
     * Fails unless the workers emptied the map, removing each entry exactly once, and each worker removed exactly
     * {@code each} entries, as it reported in {@code removedByWorker}. For a map that started with {@code each}
     * entries per worker; {@code what} names a worker's part in the message ("batch", "share"). Call it after the
     * workers have finished.
     */
    public void assertEveryEntryRemovedOnce(int[] removedByWorker, int each, String what, String hints) {
        long atStart = (long) removedByWorker.length * each;
        int left = entries.size();
        long total = 0;
        int otherThanEach = 0;
        for (int r : removedByWorker) {
            total += r;
            if (r != each) {
                otherThanEach++;
            }
        }
        long removals = removals();
        if (left != 0 || total != atStart || removals != atStart || otherThanEach != 0) {
            throw new AssertionError(Format.count(left) + " of " + Format.count(atStart) + " entries are left; the"
                    + " workers report " + Format.count(total) + " removals and the map counted "
                    + Format.count(removals) + "; " + Format.count(otherThanEach) + " of "
                    + Format.count(removedByWorker.length) + " workers removed other than " + each + ". Every worker"
                    + " should remove exactly its " + what + ", and every entry should be removed once.\n" + hints);
        }
    }

    // ---- Every call: the lock check, then the budget; a charged call is also logged ----

    private void guard(Call call) {
        lockCheck.check(call);
        budget.refuseOnceSpent();
    }

    /** Guards the call, then charges {@code units} of work to the budget before it goes ahead. */
    private void charge(Call call, long units) {
        guard(call);
        budget.charge(call, units);
        callLog.record(call, units);
    }

    /** Puts into the backing map and grows the table model as {@code HashMap} grows its table. */
    private V store(K key, V value) {
        V old = entries.put(key, value);
        table.afterPut(entries.size());
        return old;
    }

    /** Throws instead of removing {@code count} entries if the failing removal is among them. */
    private void beforeRemoving(long count) {
        long removals = removals();
        if (failingRemoval > removals && failingRemoval <= removals + count) {
            throw new IllegalStateException("removal " + failingRemoval + " failed (the test's injected failure)");
        }
    }

    /** Charges a walk over every entry: each key read, each empty slot walked past. */
    private void walkAll(Call call) {
        long empty = table.emptySlots(entries.size());
        charge(call, entries.size() + empty);
        budget.keysRead(entries.size());
        budget.slotsWalked(empty);
    }

    // ---- Map ----

    @Override
    public int size() {
        guard(Call.named("size()"));
        return entries.size();
    }

    @Override
    public boolean isEmpty() {
        guard(Call.named("isEmpty()"));
        return entries.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        charge(Call.of("containsKey", key), 1);
        budget.keyCheck();
        return entries.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        walkAll(Call.of("containsValue", value));
        return entries.containsValue(value);
    }

    @Override
    public V get(Object key) {
        charge(Call.of("get", key), 1);
        budget.keyCheck();
        return entries.get(key);
    }

    @Override
    public V put(K key, V value) {
        charge(Call.of("put", key + ", " + value), 1);
        budget.write();
        return store(key, value);
    }

    @Override
    public V remove(Object key) {
        charge(Call.of("remove", key), 1);
        budget.removeCall();
        if (!entries.containsKey(key)) {
            return null;
        }
        beforeRemoving(1);
        budget.removals(1);
        return entries.remove(key);
    }

    @Override
    public void clear() {
        charge(Call.named("clear()"), 1);
        budget.removeCall();
        beforeRemoving(entries.size());
        budget.removals(entries.size());
        entries.clear();
    }

    @Override
    public Set<K> keySet() {
        guard(Call.named("keySet()"));
        return new SetView<>("keySet()", entries.keySet(), false, Map.Entry::getKey);
    }

    @Override
    public Collection<V> values() {
        guard(Call.named("values()"));
        return new View<>("values()", entries.values(), true, Map.Entry::getValue);
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        guard(Call.named("entrySet()"));
        return new SetView<>("entrySet()", entries.entrySet(), false, entry -> entry);
    }

    // ---- Views: guarded and counted like the map ----

    private class View<E> extends AbstractCollection<E> {
        final String name;
        final Collection<E> inner;
        final boolean containsScansAll;
        final Function<Map.Entry<K, V>, E> element;

        /** A view of {@code inner}, whose iterator yields {@code element} of each entry of the backing map. */
        View(String name, Collection<E> inner, boolean containsScansAll, Function<Map.Entry<K, V>, E> element) {
            this.name = name;
            this.inner = inner;
            this.containsScansAll = containsScansAll;
            this.element = element;
        }

        @Override
        public Iterator<E> iterator() {
            guard(Call.named(name + ".iterator()"));
            Iterator<Map.Entry<K, V>> it = entries.entrySet().iterator(); // the same walk as every view's
            return new Iterator<>() {
                /** The first slot this iterator has not yet walked past; an empty map's table is not walked. */
                int walked = entries.isEmpty() ? table.slots() : 0;

                @Override
                public boolean hasNext() {
                    guard(Call.named(name + ".iterator().hasNext()"));
                    boolean more = it.hasNext();
                    if (!more && walked < table.slots()) {
                        charge(Call.named(name + ".iterator().hasNext()"), table.slots() - walked);
                        budget.slotsWalked(table.slots() - walked);
                        walked = table.slots(); // the walk to the end of the table, looking for one more
                    }
                    return more;
                }

                @Override
                public E next() {
                    guard(Call.named(name + ".iterator().next()"));
                    Map.Entry<K, V> entry = it.next();
                    int slot = table.slotOf(entry.getKey());
                    long passed = Math.max(0, slot - walked);
                    charge(Call.named(name + ".iterator().next()"), 1 + passed);
                    budget.keysRead(1);
                    budget.slotsWalked(passed);
                    walked = Math.max(walked, slot + 1);
                    return element.apply(entry);
                }

                @Override
                public void remove() {
                    charge(Call.named(name + ".iterator().remove()"), 1);
                    budget.removeCall();
                    beforeRemoving(1);
                    it.remove();
                    budget.removals(1);
                }
            };
        }

        @Override
        public int size() {
            guard(Call.named(name + ".size()"));
            return inner.size();
        }

        @Override
        public boolean contains(Object o) {
            if (containsScansAll) {
                walkAll(Call.of(name + ".contains", o));
            } else {
                charge(Call.of(name + ".contains", o), 1);
                budget.keyCheck();
            }
            return inner.contains(o);
        }

        @Override
        public boolean remove(Object o) {
            charge(Call.of(name + ".remove", o), 1);
            budget.removeCall();
            if (!inner.contains(o)) {
                return false;
            }
            beforeRemoving(1);
            budget.removals(1);
            return inner.remove(o);
        }

        @Override
        public void clear() {
            GuardedMap.this.clear();
        }

        @Override
        public Object[] toArray() {
            walkAll(Call.named(name + ".toArray()"));
            return inner.toArray();
        }

        @Override
        public <T> T[] toArray(T[] a) {
            walkAll(Call.named(name + ".toArray(…)"));
            return inner.toArray(a);
        }
    }

    private final class SetView<E> extends View<E> implements Set<E> {
        SetView(String name, Collection<E> inner, boolean containsScansAll, Function<Map.Entry<K, V>, E> element) {
            super(name, inner, containsScansAll, element);
        }

        @Override
        public boolean equals(Object o) {
            guard(Call.named(name + ".equals(…)"));
            return o == this || inner.equals(o);
        }

        @Override
        public int hashCode() {
            guard(Call.named(name + ".hashCode()"));
            return inner.hashCode();
        }
    }
}
