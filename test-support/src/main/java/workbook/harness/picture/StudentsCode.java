package workbook.harness.picture;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the student's own code is on a thread's stack: the line a picture marks as YOUR CODE. */
public final class StudentsCode {

    private StudentsCode() {
    }

    /**
     * The innermost frame of the calling thread's stack in the code under test: a class compiled into a {@code classes}
     * folder that has a {@code test-classes} folder beside it (a lesson's), other than the harness's; or null.
     */
    public static StackTraceElement frame() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .filter(f -> !f.getDeclaringClass().getPackageName().startsWith("workbook.harness")
                        && isLessonCode(f.getDeclaringClass()))
                .findFirst().map(StackWalker.StackFrame::toStackTraceElement).orElse(null));
    }

    private static boolean isLessonCode(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null || !source.getLocation().getProtocol().equals("file")) {
            return false;
        }
        Path where = Path.of(source.getLocation().getPath());
        return where.getFileName() != null && where.getFileName().toString().equals("classes")
                && Files.isDirectory(where.resolveSibling("test-classes"));
    }
}
