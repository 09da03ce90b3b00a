package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A view of a Hazelcast {@code IMap} that lets a {@link Watcher} see, and run around, every call made through it.
 * The tests hand such views to {@link KeyCounters}; a watcher can then hold the calling thread right after a read,
 * which is where the Python tutorial writes "&lt;context switch&gt;". The calls themselves are the map's own and do
 * what they always do, on the cluster.
 */
final class WatchedMap {

    /** Runs around each call through the view, on the calling thread. */
    interface Watcher {
        Object around(String map, Method method, Object[] args, Call call) throws Throwable;
    }

    /** The map's own call, to be made once, with the arguments given (the caller's, or the watcher's own). */
    interface Call {
        Object proceed(Object[] args) throws Throwable;
    }

    private WatchedMap() {
    }

    /** A view of {@code map}, named {@code name} in the timeline, whose calls {@code watcher} sees. */
    @SuppressWarnings("unchecked")
    static <K, V> IMap<K, V> of(IMap<K, V> map, String name, Watcher watcher) {
        return (IMap<K, V>) Proxy.newProxyInstance(IMap.class.getClassLoader(), new Class<?>[] {IMap.class},
                (view, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return invoke(map, method, args);
                    }
                    return watcher.around(name, method, args == null ? new Object[0] : args,
                            asked -> invoke(map, method, asked));
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
