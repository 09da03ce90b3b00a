package workbook.lesson03;

import java.util.concurrent.ConcurrentHashMap;
import workbook.harness.instrumented.ForcedSwitch;

/**
 * The shared map of the stress test: a ConcurrentHashMap whose first remove waits until another thread has removed
 * the same key. That is the seed's story in one step: a thread took its snapshot, and before it popped the first
 * key on it, another thread popped that key ("<context switch>"). Code that never calls remove(key), or calls it
 * while holding a lock, is not held.
 */
final class PopAfterOthersMap extends ConcurrentHashMap<Integer, Integer> {

    final ForcedSwitch forced = new ForcedSwitch(1);

    PopAfterOthersMap(int capacity) {
        super(capacity);
    }

    @Override
    public Integer remove(Object key) {
        forced.hold("was about to remove key " + key, "another thread removed key " + key,
                () -> !super.containsKey(key));
        return super.remove(key);
    }
}
