package workbook.harness.instrumented;

/**
 * A call on a {@link GuardedMap} as failure messages and timelines name it: {@code remove(4711)}, or a call that
 * names itself, such as {@code keySet().toArray()}.
 */
record Call(String method, Object argument, boolean hasArgument) {

    /** A call described by its name alone, e.g. "size()" or "keySet().iterator().next()". */
    static Call named(String method) {
        return new Call(method, null, false);
    }

    /** A call with its argument, e.g. remove(4711); the argument may be null. */
    static Call of(String method, Object argument) {
        return new Call(method, argument, true);
    }

    @Override
    public String toString() {
        return hasArgument ? method + "(" + argument + ")" : method;
    }
}
