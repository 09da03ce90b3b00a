package workbook.harness;

import java.util.Locale;

/** Number formatting for failure messages: "3,412 of 1,000,000". */
public final class Format {

    private Format() {
    }

    /** {@code 1000000} becomes {@code "1,000,000"}, whatever the machine's locale. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
