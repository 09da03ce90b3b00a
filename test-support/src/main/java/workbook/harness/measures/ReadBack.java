package workbook.harness.measures;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import workbook.harness.Format;

/**
 * The result of reading keys 0 … expected-1 back from a map after a stress run where key k was stored with value
 * {@link #valueOf(int) valueOf(k)}: how many are missing (or wrong), where among the keys they lie ({@link #STRETCHES}
 * equal stretches of the key range, for the picture of the rounds), and what {@code size()} said. Lessons 01 and 02
 * report losses with it.
 */
public record ReadBack(int expected, int missing, int size, List<Integer> missingPerStretch) {

    /** Into how many equal stretches the key range is cut to show where the missing keys lie. */
    public static final int STRETCHES = 50;

    public ReadBack {
        missingPerStretch = List.copyOf(missingPerStretch);
    }

    /** The value stored under {@code key}: never the key itself, so that a key read back as its value is caught. */
    public static int valueOf(int key) {
        return key * 7 + 1;
    }

    /** Reads every key through {@code get}; {@code size} is the map's own count. */
    public static ReadBack of(int expected, IntFunction<Integer> get, int size) {
        int missing = 0;
        Integer[] perStretch = new Integer[STRETCHES];
        Arrays.fill(perStretch, 0);
        for (int key = 0; key < expected; key++) {
            Integer value = get.apply(key);
            if (value == null || value != valueOf(key)) {
                missing++;
                perStretch[(int) ((long) key * STRETCHES / expected)]++;
            }
        }
        return new ReadBack(expected, missing, size, List.of(perStretch));
    }

    /** Every key reads back and the size agrees. */
    public boolean complete() {
        return missing == 0 && size == expected;
    }

    /** "lost 3,412 of 1,000,000 puts: get() finds 996,588 keys, and size() says 992,462." */
    public String describe(String writes) {
        if (missing == 0) {
            return "all " + Format.count(expected) + " keys read back, but size() says " + Format.count(size)
                    + ": the map's own size counter lost " + Format.count(Math.abs(expected - size)) + " updates.";
        }
        return "lost " + Format.count(missing) + " of " + Format.count(expected) + " " + writes + ": get() finds "
                + Format.count(expected - missing) + " keys, and size() says " + Format.count(size) + ".";
    }
}
