package workbook.lesson08;

import com.hazelcast.map.IMap;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Map;

/**
 * One member's {@link KeyCounters}: an instance of that member's own copy of the class (see
 * {@link MemberClassLoader}), reached through its public constructor and methods. Exceptions come out as the code
 * under test threw them, with its frames.
 */
final class MemberCounters {

    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, IMap.class);

    private final Object counters;
    private final MethodHandle increment;
    private final MethodHandle snapshot;

    /** A new {@code KeyCounters(counts)} of the class that {@code member}'s loader has. */
    MemberCounters(ClassLoader member, IMap<String, Map<String, Integer>> counts) {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            Class<?> type = Class.forName(KeyCounters.class.getName(), true, member);
            counters = asThrown(() -> lookup.findConstructor(type, CONSTRUCTOR).invoke(counts));
            increment = lookup.findVirtual(type, "increment", MethodType.methodType(void.class, String.class))
                    .bindTo(counters);
            snapshot = lookup.findVirtual(type, "snapshot", MethodType.methodType(Map.class)).bindTo(counters);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("KeyCounters lacks its public constructor or methods: " + e, e);
        }
    }

    void increment(String key) {
        asThrown(() -> increment.invoke(key));
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Integer>> snapshot() {
        return (Map<String, Map<String, Integer>>) asThrown(() -> snapshot.invoke());
    }

    private interface Call {
        Object run() throws Throwable;
    }

    /** What {@code call} returns; what it throws, unwrapped (the code under test declares no checked exception). */
    private static Object asThrown(Call call) {
        try {
            return call.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new UndeclaredThrowableException(checked);
        }
    }
}
