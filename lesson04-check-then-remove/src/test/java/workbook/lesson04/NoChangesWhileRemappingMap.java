package workbook.lesson04;

import static workbook.harness.Format.count;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A ConcurrentHashMap that notices when a function passed to one of its compute methods (or merge) changes the map
 * while it runs. ConcurrentHashMap's Javadoc forbids it, and the map does not always refuse: a remove(key) inside
 * computeIfPresent(key, …) on the same thread goes through, and when the function then returns null as well, the
 * entry is removed twice and the map's count of entries goes wrong for good. Every change made from inside such a
 * function is counted and the first one described; the call itself still does what ConcurrentHashMap does.
 */
class NoChangesWhileRemappingMap extends ConcurrentHashMap<Integer, Integer> {

    private static final long serialVersionUID = 1L;

    /** The rule as ConcurrentHashMap's Javadoc states it, for computeIfPresent, compute and computeIfAbsent. */
    static final String RULE = "The remapping function must not modify this map during computation.";

    /** Per thread: the compute call whose function it is running, or null. */
    private final transient ThreadLocal<String> remapping = new ThreadLocal<>();
    private final AtomicLong changesWhileRemapping = new AtomicLong();
    private final AtomicReference<String> first = new AtomicReference<>();

    NoChangesWhileRemappingMap(int capacity) {
        super(capacity);
    }

    /** What broke the rule, in numbers and words; empty when no function changed the map while it ran. */
    Optional<String> brokenRule() {
        long times = changesWhileRemapping.get();
        return times == 0 ? Optional.empty()
                : Optional.of(count(times) + " times a function passed to the map's compute methods changed the map"
                        + " while it ran. First: " + first.get() + ". ConcurrentHashMap's Javadoc for computeIfPresent,"
                        + " compute and computeIfAbsent: \"" + RULE + "\" A call that breaks it may seem to work, but"
                        + " the map's own bookkeeping (its size, its bins) is not made for it.");
    }

    @Override
    public Integer computeIfPresent(Integer key,
            BiFunction<? super Integer, ? super Integer, ? extends Integer> function) {
        changing("computeIfPresent(" + key + ", …)");
        return super.computeIfPresent(key, (k, v) -> remapping("computeIfPresent(" + k + ", …)",
                () -> function.apply(k, v)));
    }

    @Override
    public Integer compute(Integer key, BiFunction<? super Integer, ? super Integer, ? extends Integer> function) {
        changing("compute(" + key + ", …)");
        return super.compute(key, (k, v) -> remapping("compute(" + k + ", …)", () -> function.apply(k, v)));
    }

    @Override
    public Integer computeIfAbsent(Integer key, Function<? super Integer, ? extends Integer> function) {
        changing("computeIfAbsent(" + key + ", …)");
        return super.computeIfAbsent(key, k -> remapping("computeIfAbsent(" + k + ", …)", () -> function.apply(k)));
    }

    @Override
    public Integer merge(Integer key, Integer value,
            BiFunction<? super Integer, ? super Integer, ? extends Integer> function) {
        changing("merge(" + key + ", " + value + ", …)");
        return super.merge(key, value, (old, given) -> remapping("merge(" + key + ", " + value + ", …)",
                () -> function.apply(old, given)));
    }

    @Override
    public Integer put(Integer key, Integer value) {
        changing("put(" + key + ", " + value + ")");
        return super.put(key, value);
    }

    @Override
    public Integer putIfAbsent(Integer key, Integer value) {
        changing("putIfAbsent(" + key + ", " + value + ")");
        return super.putIfAbsent(key, value);
    }

    @Override
    public void putAll(Map<? extends Integer, ? extends Integer> m) {
        changing("putAll(…)");
        super.putAll(m);
    }

    @Override
    public Integer remove(Object key) {
        changing("remove(" + key + ")");
        return super.remove(key);
    }

    @Override
    public boolean remove(Object key, Object value) {
        changing("remove(" + key + ", " + value + ")");
        return super.remove(key, value);
    }

    @Override
    public Integer replace(Integer key, Integer value) {
        changing("replace(" + key + ", " + value + ")");
        return super.replace(key, value);
    }

    @Override
    public boolean replace(Integer key, Integer oldValue, Integer newValue) {
        changing("replace(" + key + ", " + oldValue + ", " + newValue + ")");
        return super.replace(key, oldValue, newValue);
    }

    @Override
    public void clear() {
        changing("clear()");
        super.clear();
    }

    private <R> R remapping(String call, Supplier<R> function) {
        String outer = remapping.get();
        remapping.set(call);
        try {
            return function.get();
        } finally {
            if (outer == null) {
                remapping.remove();
            } else {
                remapping.set(outer);
            }
        }
    }

    private void changing(String call) {
        String inside = remapping.get();
        if (inside != null) {
            changesWhileRemapping.incrementAndGet();
            first.compareAndSet(null, Thread.currentThread().getName() + " called " + call + " inside the function"
                    + " of " + inside);
        }
    }
}
