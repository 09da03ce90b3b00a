package workbook.harness.instrumented;

/**
 * A model of a {@code HashMap}'s table of slots, so that a {@link GuardedMap} can count the slots its iterators walk
 * as {@code HashMap} walks them. An iterator walks the table from slot 0, past every empty slot, to reach each entry.
 * A new iterator asked for one key per lock hold walks past every slot emptied so far: quadratic work in only two map
 * calls per entry.
 *
 * <p>The model sizes and grows the table by {@code HashMap}'s own rule (16 slots, doubled whenever the entries exceed
 * three quarters of them; removals never shrink it), and finds a key's slot from its hash as {@code HashMap} does.
 * (A {@code HashMap} also grows a small table early when 8 keys share a slot; the tests' keys never do.) Only the
 * thread holding the map's lock changes it.
 */
final class HashMapTable {

    private int slots = 16;

    /** The length of the table: what one walk over all keys passes. */
    int slots() {
        return slots;
    }

    /** Grows the table as {@code HashMap} does after a put that left {@code entries} entries. */
    void afterPut(int entries) {
        if (entries > slots / 4 * 3) {
            slots *= 2;
        }
    }

    /** The slot of {@code key}, computed as {@code HashMap.hash} and {@code HashMap.getNode} do. */
    int slotOf(Object key) {
        int h = key == null ? 0 : key.hashCode();
        return (h ^ (h >>> 16)) & (slots - 1);
    }

    /**
     * The empty slots a walk over the whole table passes: at least the slots left over when every entry has a slot
     * of its own (keys that share a slot leave more empty); none in an empty map, whose table HashMap does not walk.
     */
    long emptySlots(int entries) {
        return entries == 0 ? 0 : Math.max(0, slots - entries);
    }
}
