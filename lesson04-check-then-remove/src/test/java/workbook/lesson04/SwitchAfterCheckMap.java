package workbook.lesson04;

import java.util.concurrent.ConcurrentHashMap;
import workbook.harness.ForcedSwitch;

/**
 * The shared map of the stress test: a ConcurrentHashMap that, the first time containsKey finds a key, holds the
 * checking thread until another thread has removed that key. That is the seed's "<context switch>" between the
 * check and the pop. Code that never calls containsKey, or calls it while holding a lock, is not held.
 */
final class SwitchAfterCheckMap extends ConcurrentHashMap<Integer, Integer> {

    final ForcedSwitch forced = new ForcedSwitch(1);

    SwitchAfterCheckMap(int capacity) {
        super(capacity);
    }

    @Override
    public boolean containsKey(Object key) {
        boolean present = super.containsKey(key);
        if (present) {
            forced.hold("checked key " + key + ": present", "another thread removed key " + key,
                    () -> !super.containsKey(key));
        }
        return present;
    }
}
