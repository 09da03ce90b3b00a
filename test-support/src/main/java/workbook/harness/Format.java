package workbook.harness;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Formatting for failure messages: numbers ("3,412 of 1,000,000", "500 ms", "13.4 s") and stack frames. */
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

    /**
     * Stack frames as a plain stack trace prints them ({@code HashMap.getNode(HashMap.java:579)}), without the
     * class loader and module version a thread dump adds, and without the JVM's generated lambda classes.
     */
    public static List<String> frames(StackTraceElement[] stack) {
        return Arrays.stream(stack)
                .filter(frame -> !frame.getClassName().contains("$$Lambda"))
                .map(frame -> new StackTraceElement(frame.getClassName(), frame.getMethodName(), frame.getFileName(),
                        frame.getLineNumber()).toString())
                .collect(Collectors.toList());
    }
}
