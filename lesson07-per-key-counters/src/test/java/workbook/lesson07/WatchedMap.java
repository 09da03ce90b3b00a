package workbook.lesson07;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A ConcurrentHashMap that tells a {@link Watcher} about every {@code get} and {@code put}, after the call has done
 * its work. The tests hand these maps to {@link KeyCounters}; a watcher can then hold the calling thread right after
 * a lookup, which is where the Python tutorial writes "&lt;context switch&gt;".
 *
 * <p>Every other method is ConcurrentHashMap's own and stays atomic ({@code containsKey} and {@code getOrDefault}
 * report as lookups, because they call {@code get}).
 */
final class WatchedMap<K, V> extends ConcurrentHashMap<K, V> {

    /** Sees the calls; runs on the calling thread, after the call. */
    interface Watcher {
        void lookedUp(String map, Object key, Object found);

        default void stored(String map, Object key, Object value, Object replaced) {
        }
    }

    private final String name;
    private final Watcher watcher;

    WatchedMap(String name, Watcher watcher) {
        this.name = name;
        this.watcher = watcher;
    }

    @Override
    public V get(Object key) {
        V found = super.get(key);
        watcher.lookedUp(name, key, found);
        return found;
    }

    @Override
    public V put(K key, V value) {
        V replaced = super.put(key, value);
        watcher.stored(name, key, value, replaced);
        return replaced;
    }
}
