package workbook.harness.instrumented;

/**
 * How much work a {@link GuardedMap} has done, by kind; {@link #total()} is what its {@link WorkBudget} limits.
 * {@code slotsWalked} counts the empty table slots that iterators (and copies of the keys) walked past on their way
 * to the keys. Removals are counted but not charged: the remove call that made each one was.
 */
public record Work(long keysRead, long slotsWalked, long keyChecks, long removeCalls, long removals, long writes) {

    public long total() {
        return keysRead + slotsWalked + keyChecks + removeCalls + writes;
    }
}
