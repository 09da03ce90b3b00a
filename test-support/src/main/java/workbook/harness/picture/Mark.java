package workbook.harness.picture;

/**
 * What a step of a {@link Race} is marked as, in words: the picture shows {@link Kind#label} beside the step, so that
 * it reads the same in black and white as in colour. {@code where} is the file and line a {@link Kind#YOUR_CODE} mark
 * names ("SharedStore.java:30"), else null.
 */
public record Mark(Kind kind, String words, String where) {

    /** A mark that names no line of code. */
    public Mark(Kind kind, String words) {
        this(kind, words, null);
    }

    /** The kinds of mark; {@code cssClass} colours them, {@code label} names them. */
    public enum Kind {
        /** The line of the student's own code where a thread was when it was switched out. */
        YOUR_CODE("your code", "mark-student"),
        /** A value a thread read before a switch, which another thread changed before it resumed. */
        STALE_READ("stale read", "mark-stale"),
        /** A write that replaces what another thread wrote meanwhile: the other's write is lost. */
        LOST_WRITE("lost write", "mark-lost"),
        /** A step that repeats what another thread has already done, on the strength of a stale read. */
        REPEATED("repeated", "mark-repeated");

        public final String label;
        public final String cssClass;

        Kind(String label, String cssClass) {
            this.label = label;
            this.cssClass = cssClass;
        }
    }
}
