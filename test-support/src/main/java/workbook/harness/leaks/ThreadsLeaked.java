package workbook.harness.leaks;


/**
 * Thrown by {@link NoThreadLeaks} after a test that left threads running. The message names each thread with its
 * state and where it is.
 */
public final class ThreadsLeaked extends AssertionError {

    ThreadsLeaked(String diagnosis) {
        super(diagnosis);
    }
}
