package workbook.harness.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lincheck 3.7 sometimes finds a failing interleaving and then crashes while it replays it for its report, with an
 * IndexOutOfBoundsException of its own (https://github.com/JetBrains/lincheck/issues/1012). Seen once in CI on a
 * lesson 03 exercise: the race was found, but the test ended with an error instead of the race's assertion.
 * {@code ModelCheck} explores again after such a crash, and only after such a crash: an exception thrown anywhere
 * else (the code under test, the harness) still ends the test as it is.
 */
@DisplayName("A crash of the model checker while it writes up a failure is told apart from every other exception")
class LincheckReportCrashTest {

    @Test
    @DisplayName("thrown while Lincheck collects or formats a failure's trace: a report crash")
    void crashWhileCollectingTheTraceIsAReportCrash() {
        assertThat(ModelCheck.crashedWritingUpAFailure(thrownAt(
                frame("java.util.ArrayList", "get"),
                frame("org.jetbrains.kotlinx.lincheck.trace.UtilsKt", "moveSpinCycleStartTracePoints"),
                frame("org.jetbrains.kotlinx.lincheck.ReporterKt", "appendTrace"),
                frame("org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategy", "tryCollectTrace"))))
                .isTrue();
        assertThat(ModelCheck.crashedWritingUpAFailure(thrownAt(
                frame("org.jetbrains.kotlinx.lincheck.strategy.managed.ManagedStrategy", "tryCollectTrace"))))
                .isTrue();
    }

    @Test
    @DisplayName("thrown by the code under test, or by Lincheck while it explores: not a report crash")
    void otherExceptionsAreNot() {
        assertThat(ModelCheck.crashedWritingUpAFailure(thrownAt(
                frame("java.util.ArrayList", "get"),
                frame("workbook.lesson03.Remover", "removeShare"))))
                .isFalse();
        assertThat(ModelCheck.crashedWritingUpAFailure(thrownAt(
                frame("org.jetbrains.kotlinx.lincheck.strategy.managed.modelchecking.ModelCheckingStrategy",
                        "nextInterleaving"))))
                .isFalse();
        assertThat(ModelCheck.crashedWritingUpAFailure(new IndexOutOfBoundsException())).isFalse();
    }

    private static Throwable thrownAt(StackTraceElement... frames) {
        Throwable thrown = new IndexOutOfBoundsException("Index -1 out of bounds for length 2");
        thrown.setStackTrace(frames);
        return thrown;
    }

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, null, -1);
    }
}
