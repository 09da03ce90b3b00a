package workbook.lesson07;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A ConcurrentHashMap that tells a {@link Watcher} about every call that reads or changes one key, after the call has
 * done its work: what was called, with what, and what it returned. The tests hand these maps to {@link KeyCounters};
 * a watcher can then hold the calling thread right after a lookup, which is where the Python tutorial writes
 * "&lt;context switch&gt;", and journal every call, whichever methods the code under test uses.
 *
 * <p>Each method is ConcurrentHashMap's own and stays atomic: the watcher hears of a call only once it is over.
 */
final class WatchedMap<K, V> extends ConcurrentHashMap<K, V> {

    /** Stands for a function argument (of computeIfAbsent, merge, …) in a journaled call. */
    static final Object FUNCTION = new Object() {
        @Override
        public String toString() {
            return "…";
        }
    };

    /**
     * One call on a watched map. A lookup ({@code get}, {@code containsKey}, {@code getOrDefault}) only reads, and is
     * where a watcher may hold the thread; every other call may have changed the map.
     */
    record Call(String map, String method, List<Object> arguments, Object returned, boolean lookup) {
    }

    /** Sees the calls; runs on the calling thread, after the call. */
    interface Watcher {
        void called(Call call);
    }

    private final String name;
    private final Watcher watcher;

    WatchedMap(String name, Watcher watcher) {
        this.name = name;
        this.watcher = watcher;
    }

    @Override
    public V get(Object key) {
        return lookup("get", super.get(key), key);
    }

    @Override
    public boolean containsKey(Object key) {
        return lookup("containsKey", super.get(key) != null, key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        V found = super.get(key);
        return lookup("getOrDefault", found == null ? defaultValue : found, key, defaultValue);
    }

    @Override
    public V put(K key, V value) {
        return change("put", super.put(key, value), key, value);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return change("putIfAbsent", super.putIfAbsent(key, value), key, value);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        m.forEach(this::put);
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> function) {
        return change("computeIfAbsent", super.computeIfAbsent(key, function), key, FUNCTION);
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> function) {
        return change("computeIfPresent", super.computeIfPresent(key, function), key, FUNCTION);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> function) {
        return change("compute", super.compute(key, function), key, FUNCTION);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> function) {
        return change("merge", super.merge(key, value, function), key, value, FUNCTION);
    }

    @Override
    public V remove(Object key) {
        return change("remove", super.remove(key), key);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return change("remove", super.remove(key, value), key, value);
    }

    @Override
    public V replace(K key, V value) {
        return change("replace", super.replace(key, value), key, value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return change("replace", super.replace(key, oldValue, newValue), key, oldValue, newValue);
    }

    private <R> R lookup(String method, R returned, Object... arguments) {
        watcher.called(new Call(name, method, Arrays.asList(arguments), returned, true));
        return returned;
    }

    private <R> R change(String method, R returned, Object... arguments) {
        watcher.called(new Call(name, method, Arrays.asList(arguments), returned, false));
        return returned;
    }
}
