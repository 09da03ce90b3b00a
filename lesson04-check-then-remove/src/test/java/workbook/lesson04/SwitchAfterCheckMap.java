package workbook.lesson04;

import java.util.Objects;
import workbook.harness.instrumented.ForcedSwitch;

/**
 * The shared map of the stress test: a ConcurrentHashMap that puts a context switch between a thread's check and
 * its act, where the seed writes "<context switch>". The first time a thread removes a key that its own last
 * containsKey found, it is held until another thread has removed that key. Code that never checks before it removes
 * is not held, nor is a thread that removes while holding a lock. It also notices a compute
 * method's function that changes the map (see NoChangesWhileRemappingMap).
 */
final class SwitchAfterCheckMap extends NoChangesWhileRemappingMap {

    final ForcedSwitch forced = new ForcedSwitch(1);

    private final ThreadLocal<Object> lastFound = new ThreadLocal<>();

    SwitchAfterCheckMap(int capacity) {
        super(capacity);
    }

    @Override
    public boolean containsKey(Object key) {
        boolean present = super.containsKey(key);
        lastFound.set(present ? key : null);
        return present;
    }

    @Override
    public Integer remove(Object key) {
        if (Objects.equals(lastFound.get(), key)) {
            lastFound.remove();
            forced.hold("found key " + key + " and was about to remove it", "another thread removed key " + key,
                    () -> !super.containsKey(key));
        }
        return super.remove(key);
    }
}
