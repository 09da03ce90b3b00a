package workbook.harness;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A {@link HashMap} that may only be touched while one given lock is held: the "guarded by" rule, checked on every
 * call, so that a missing lock shows up on the first unguarded access on any number of CPUs instead of by luck.
 *
 * <ul>
 *   <li>A call from a thread that does not hold the lock throws an {@link AssertionError} naming the thread and the
 *       call ("worker-17 called remove(4711) without holding the lock") and is recorded, so the test can report it
 *       even when the code under test swallows the error. Because every unguarded call is refused before it reaches
 *       the {@code HashMap}, the map itself is never corrupted.</li>
 *   <li>Every call that passes is counted as work: keys checked, keys read through {@code keySet()},
 *       {@code values()} or {@code entrySet()}, empty table slots walked past to find them, remove calls, entries
 *       removed, writes. With {@link #limitWork(long)} the map stops the run as soon as the work exceeds a budget,
 *       so a quadratic algorithm fails in milliseconds, with the counts, instead of running for minutes.</li>
 * </ul>
 *
 * <p>A {@code HashMap} keeps its entries in a table of slots, and an iterator walks that table from slot 0, past
 * every empty slot, to reach each entry. A new iterator asked for one key per lock hold walks past every slot
 * emptied so far: quadratic work in only two map calls per entry. So the map counts the slots its iterators walk,
 * as {@code HashMap} walks them: it sizes and grows its table model by {@code HashMap}'s own rule (16 slots,
 * doubled whenever the entries exceed three quarters of them; removals never shrink it), and finds a key's slot
 * from its hash as {@code HashMap} does. (A {@code HashMap} also grows a small table early when 8 keys share a
 * slot; the tests' keys never do.)
 *
 * <p>Views and their iterators are guarded too. After the workers have finished, the test reads the result with
 * {@link #remaining()}, which needs no lock.
 */
public final class GuardedMap<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> entries = new HashMap<>();
    private final ReentrantLock lock;
    private int tableSlots = 16; // the length of entries' table, by HashMap's rule; changed only by the holder

    // Work done under the lock; only the thread holding it changes these.
    private long keysRead;
    private long slotsWalked;
    private long keyChecks;
    private long removeCalls;
    private long removals;
    private long writes;
    private long budget = Long.MAX_VALUE;
    private long failingRemoval; // 0: none
    private volatile Work workAtBudget;
    private volatile String callOverBudget;
    private final List<Run> firstCalls = new ArrayList<>();
    private boolean firstCallsComplete;

    // Calls made without the lock, possibly by many threads at once.
    private final AtomicLong unguardedCalls = new AtomicLong();
    private final Set<String> unguardedThreads = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> firstUnguardedCall = new AtomicReference<>();

    /** An empty map guarded by {@code lock}. */
    public GuardedMap(ReentrantLock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** A map holding the keys 0 … n-1, each mapped to itself, guarded by {@code lock}. */
    public static GuardedMap<Integer, Integer> withKeys(int n, ReentrantLock lock) {
        GuardedMap<Integer, Integer> map = new GuardedMap<>(lock);
        for (int key = 0; key < n; key++) {
            map.store(key, key);
        }
        return map;
    }

    /**
     * How much work the map has done, by kind; {@link #total()} is what a budget limits. {@code slotsWalked} counts
     * the empty table slots that iterators (and copies of the keys) walked past on their way to the keys.
     */
    public record Work(long keysRead, long slotsWalked, long keyChecks, long removeCalls, long removals,
            long writes) {
        public long total() {
            return keysRead + slotsWalked + keyChecks + removeCalls + writes;
        }
    }

    /** The number of slots in the map's table, as {@code HashMap} sizes it: what one walk over all keys passes. */
    public int tableSlots() {
        return tableSlots;
    }

    /**
     * From now on, a call that would take the total work past {@code operations} throws an {@link AssertionError},
     * and so does every call after it: the run stops at once. {@link #workAtBudget()} tells how far it got.
     */
    public void limitWork(long operations) {
        budget = operations;
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
        return new Work(keysRead, slotsWalked, keyChecks, removeCalls, removals, writes);
    }

    /** Entries actually removed so far (remove calls that found their key, iterator removals, clear). */
    public long removals() {
        return removals;
    }

    /**
     * The first calls that were charged as work, in the order they were made, as a timeline: one line per run of
     * calls by one thread ("worker-7: containsKey(0), remove(0), containsKey(1), remove(1), … 200 calls"), a
     * context-switch line where another thread took over, and at the end the call that went over the budget, if one
     * did.
     */
    public List<String> firstCalls() {
        List<String> lines = new ArrayList<>();
        for (Run run : firstCalls) {
            if (!lines.isEmpty()) {
                lines.add(CONTEXT_SWITCH);
            }
            lines.add(String.format("%-14s%s", run.thread + ":", run));
        }
        if (callOverBudget != null) {
            if (!lines.isEmpty() && !callOverBudget.startsWith(firstCalls.get(firstCalls.size() - 1).thread + " ")) {
                lines.add(CONTEXT_SWITCH);
            }
            lines.add("and then " + callOverBudget + ": refused, over budget");
        } else if (firstCallsComplete) {
            lines.add("…");
        }
        return lines;
    }

    /** The work counted when the budget ran out, if it did. */
    public Optional<Work> workAtBudget() {
        return Optional.ofNullable(workAtBudget);
    }

    /** The call that would have gone over the budget, e.g. "worker-7 called keySet().toArray(), 100,000 operations". */
    public Optional<String> callOverBudget() {
        return Optional.ofNullable(callOverBudget);
    }

    /** The first call made without the lock, e.g. "worker-17 called remove(4711) without holding the lock". */
    public Optional<String> firstUnguardedCall() {
        return Optional.ofNullable(firstUnguardedCall.get());
    }

    /** How many calls were made without the lock. */
    public long unguardedCalls() {
        return unguardedCalls.get();
    }

    /** How many different threads made calls without the lock. */
    public int unguardedThreads() {
        return unguardedThreads.size();
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
        String first = firstUnguardedCall.get();
        if (first != null) {
            throw new AssertionError(first + ".\n"
                    + Format.count(unguardedCalls()) + " calls by " + Format.count(unguardedThreads())
                    + " threads were made without the lock (each was refused). Every read and write of the shared"
                    + " map must happen between lock.lock() and lock.unlock() on the lock the map was handed with:"
                    + " only then can no other thread's change land in the middle of it.\n" + hints);
        }
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
        if (left != 0 || total != atStart || removals != atStart || otherThanEach != 0) {
            throw new AssertionError(Format.count(left) + " of " + Format.count(atStart) + " entries are left; the"
                    + " workers report " + Format.count(total) + " removals and the map counted "
                    + Format.count(removals) + "; " + Format.count(otherThanEach) + " of "
                    + Format.count(removedByWorker.length) + " workers removed other than " + each + ". Every worker"
                    + " should remove exactly its " + what + ", and every entry should be removed once.\n" + hints);
        }
    }

    // ---- The guard ----

    /** Marks a call that {@code method} describes on its own, e.g. "keySet().toArray()". */
    private static final Object NO_ARGUMENT = new Object();

    private static String describe(String method, Object argument) {
        return argument == NO_ARGUMENT ? method : method + "(" + argument + ")";
    }

    private void guard(String call) {
        guard(call, NO_ARGUMENT);
    }

    private void guard(String method, Object argument) {
        if (!lock.isHeldByCurrentThread()) {
            refuse(describe(method, argument));
        }
        if (workAtBudget != null) {
            throw new AssertionError("the work budget of " + Format.count(budget)
                    + " map operations is used up; the run is stopped");
        }
    }

    private void refuse(String call) {
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

    /** Guards the call, then charges {@code units} of work to the budget before it goes ahead. */
    private void charge(String method, Object argument, long units) {
        guard(method, argument);
        if (work().total() + units > budget) {
            workAtBudget = work();
            callOverBudget = Thread.currentThread().getName() + " called " + describe(method, argument)
                    + (units == 1 ? "" : ", " + Format.count(units) + " operations");
            throw new AssertionError("the work budget of " + Format.count(budget) + " map operations ran out when "
                    + callOverBudget);
        }
        journal(method, argument, units);
    }

    // ---- The first calls, for the timeline; changed only by the thread holding the lock ----

    private static final int FIRST_RUNS = 10;
    private static final String CONTEXT_SWITCH = " ".repeat(14) + "<context switch>";
    private static final int CALLS_SHOWN = 4;

    /** A run of calls by one thread, with no other thread's call in between. */
    private static final class Run {
        final String thread;
        final List<String> shown = new ArrayList<>();
        long calls;

        Run(String thread) {
            this.thread = thread;
        }

        @Override
        public String toString() {
            return String.join(", ", shown) + (calls > shown.size() ? ", … " + Format.count(calls) + " calls" : "");
        }
    }

    private void journal(String method, Object argument, long units) {
        if (firstCallsComplete) {
            return;
        }
        String thread = Thread.currentThread().getName();
        Run latest = firstCalls.isEmpty() ? null : firstCalls.get(firstCalls.size() - 1);
        if (latest == null || !latest.thread.equals(thread)) {
            if (firstCalls.size() == FIRST_RUNS) {
                firstCallsComplete = true;
                return;
            }
            latest = new Run(thread);
            firstCalls.add(latest);
        }
        latest.calls++;
        if (latest.shown.size() < CALLS_SHOWN) {
            latest.shown.add(describe(method, argument)
                    + (units > 1 ? " (" + Format.count(units) + " operations)" : ""));
        }
    }

    // ---- Map ----

    @Override
    public int size() {
        guard("size()");
        return entries.size();
    }

    @Override
    public boolean isEmpty() {
        guard("isEmpty()");
        return entries.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        charge("containsKey", key, 1);
        keyChecks++;
        return entries.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        walkAll("containsValue", value);
        return entries.containsValue(value);
    }

    @Override
    public V get(Object key) {
        charge("get", key, 1);
        keyChecks++;
        return entries.get(key);
    }

    @Override
    public V put(K key, V value) {
        charge("put", key + ", " + value, 1);
        writes++;
        return store(key, value);
    }

    /** Puts into the backing map and grows the table model as {@code HashMap} grows its table. */
    private V store(K key, V value) {
        V old = entries.put(key, value);
        if (entries.size() > tableSlots / 4 * 3) {
            tableSlots *= 2;
        }
        return old;
    }

    /** Throws instead of removing {@code count} entries if the failing removal is among them. */
    private void beforeRemoving(long count) {
        if (failingRemoval > removals && failingRemoval <= removals + count) {
            throw new IllegalStateException("removal " + failingRemoval + " failed (the test's injected failure)");
        }
    }

    // ---- Where a HashMap iterator walks ----

    /** The slot of {@code key} in the table, computed as {@code HashMap.hash} and {@code HashMap.getNode} do. */
    private int slotOf(Object key) {
        int h = key == null ? 0 : key.hashCode();
        return (h ^ (h >>> 16)) & (tableSlots - 1);
    }

    /**
     * The empty slots a walk over the whole table passes: at least the slots left over when every entry has a slot
     * of its own (keys that share a slot leave more empty); none in an empty map, whose table HashMap does not walk.
     */
    private long emptySlots() {
        return entries.isEmpty() ? 0 : Math.max(0, tableSlots - entries.size());
    }

    /** Charges a walk over every entry: each key read, each empty slot walked past. */
    private void walkAll(String method, Object argument) {
        long empty = emptySlots();
        charge(method, argument, entries.size() + empty);
        keysRead += entries.size();
        slotsWalked += empty;
    }

    @Override
    public V remove(Object key) {
        charge("remove", key, 1);
        removeCalls++;
        if (!entries.containsKey(key)) {
            return null;
        }
        beforeRemoving(1);
        removals++;
        return entries.remove(key);
    }

    @Override
    public void clear() {
        charge("clear()", NO_ARGUMENT, 1);
        removeCalls++;
        beforeRemoving(entries.size());
        removals += entries.size();
        entries.clear();
    }

    @Override
    public Set<K> keySet() {
        guard("keySet()");
        return new SetView<>("keySet()", entries.keySet(), false, Map.Entry::getKey);
    }

    @Override
    public Collection<V> values() {
        guard("values()");
        return new View<>("values()", entries.values(), true, Map.Entry::getValue);
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        guard("entrySet()");
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
            guard(name + ".iterator()");
            Iterator<Map.Entry<K, V>> it = entries.entrySet().iterator(); // the same walk as every view's
            return new Iterator<>() {
                /** The first slot this iterator has not yet walked past; an empty map's table is not walked. */
                int walked = entries.isEmpty() ? tableSlots : 0;

                @Override
                public boolean hasNext() {
                    guard(name + ".iterator().hasNext()");
                    boolean more = it.hasNext();
                    if (!more && walked < tableSlots) {
                        charge(name + ".iterator().hasNext()", NO_ARGUMENT, tableSlots - walked);
                        slotsWalked += tableSlots - walked;
                        walked = tableSlots; // the walk to the end of the table, looking for one more
                    }
                    return more;
                }

                @Override
                public E next() {
                    guard(name + ".iterator().next()");
                    Map.Entry<K, V> entry = it.next();
                    int slot = slotOf(entry.getKey());
                    long passed = Math.max(0, slot - walked);
                    charge(name + ".iterator().next()", NO_ARGUMENT, 1 + passed);
                    keysRead++;
                    slotsWalked += passed;
                    walked = Math.max(walked, slot + 1);
                    return element.apply(entry);
                }

                @Override
                public void remove() {
                    charge(name + ".iterator().remove()", NO_ARGUMENT, 1);
                    removeCalls++;
                    beforeRemoving(1);
                    it.remove();
                    removals++;
                }
            };
        }

        @Override
        public int size() {
            guard(name + ".size()");
            return inner.size();
        }

        @Override
        public boolean contains(Object o) {
            if (containsScansAll) {
                walkAll(name + ".contains", o);
            } else {
                charge(name + ".contains", o, 1);
                keyChecks++;
            }
            return inner.contains(o);
        }

        @Override
        public boolean remove(Object o) {
            charge(name + ".remove", o, 1);
            removeCalls++;
            if (!inner.contains(o)) {
                return false;
            }
            beforeRemoving(1);
            removals++;
            return inner.remove(o);
        }

        @Override
        public void clear() {
            GuardedMap.this.clear();
        }

        @Override
        public Object[] toArray() {
            walkAll(name + ".toArray()", NO_ARGUMENT);
            return inner.toArray();
        }

        @Override
        public <T> T[] toArray(T[] a) {
            walkAll(name + ".toArray(…)", NO_ARGUMENT);
            return inner.toArray(a);
        }
    }

    private final class SetView<E> extends View<E> implements Set<E> {
        SetView(String name, Collection<E> inner, boolean containsScansAll, Function<Map.Entry<K, V>, E> element) {
            super(name, inner, containsScansAll, element);
        }

        @Override
        public boolean equals(Object o) {
            guard(name + ".equals(…)");
            return o == this || inner.equals(o);
        }

        @Override
        public int hashCode() {
            guard(name + ".hashCode()");
            return inner.hashCode();
        }
    }
}
