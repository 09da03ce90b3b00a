package workbook.harness;

import java.time.Duration;
import java.util.Locale;

/** Number formatting for failure messages: "3,412 of 1,000,000", "500 ms", "13.4 s". */
public final class Format {

    private Format() {
    }

    /** {@code 1000000} becomes {@code "1,000,000"}, whatever the machine's locale. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Under a second in milliseconds ("500 ms"), whole seconds as such ("10 s"), otherwise to a tenth ("13.4 s"). */
    public static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? count(millis / 1000) + " s"
                : String.format(Locale.ROOT, "%,.1f s", millis / 1000.0);
    }
}
