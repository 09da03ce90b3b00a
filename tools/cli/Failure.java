/**
 * One failed test as a surefire report gives it: a failed assertion, or an error (isError).
 */
record Failure(String test, String type, String message, boolean isError) {
}
