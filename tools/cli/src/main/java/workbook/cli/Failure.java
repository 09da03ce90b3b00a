package workbook.cli;

/**
 * One failed test as a surefire report gives it: a failed assertion, or an error (isError).
 */
record Failure(String test, String type, String message, boolean isError) {

    /** A failed assertion of the test itself, not an error and not the harness's report of stuck or failing workers. */
    boolean isRaceAssertion() {
        return !isError && !Outcome.WRONG_REASONS.contains(type);
    }
}
