package workbook.runner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the workbook's tool (tools/cli) and this runner say to each other. One file, compiled into both: into the
 * runner by Maven, into the tool by tools/Workbook.java. Neither side writes these words itself.
 *
 * <p>The runner is started with pairs of folders (reports, test classes), warms up, and waits for one line on its
 * standard input, the go line:
 *
 * <pre>
 *   go [fail-fast] [PAIR[:test,test…] …]
 *   go                        every pair, every test
 *   go 2 0                    pairs 2 and 0, in that order
 *   go fail-fast 1            pair 1, its tests up to the first that fails
 *   go 0:lostPuts,readers     pair 0, only the test methods lostPuts and readers
 * </pre>
 */
public final class Protocol {

    /** The runner's main class, which the tool starts in each test JVM. */
    public static final String MAIN_CLASS = "workbook.runner.Runner";
    public static final String GO = "go";
    /** On the go line: a lesson's tests stop at its first failing test, as surefire's skipAfterFailureCount=1. */
    public static final String FAIL_FAST = "fail-fast";
    /** The file the runner leaves in a lesson's reports folder once that lesson's tests are done. */
    public static final String FINISHED = "finished";
    /** The reason a report gives a test that fail fast left out. */
    public static final String NOT_RUN = "not run: an earlier test failed (fail fast)";
    /** The runner's exit code when a lesson left a thread running: the lessons after it go to a new JVM. */
    public static final int LEFT_THREADS_BEHIND = 3;
    /** A system property: true skips the runner's warm-up (the runner's own tests, which need no model checker). */
    public static final String NO_WARM_UP = "workbook.runner.noWarmUp";

    /** One pair to run: its index among the runner's arguments, and the test methods to run (empty: all). */
    public record Pair(int index, Set<String> tests) {
        public Pair {
            tests = Set.copyOf(tests);
        }
    }

    /** A go line, read. */
    public record Go(boolean failFast, List<Pair> pairs) {
    }

    private Protocol() {
    }

    /** The go line that runs {@code pairs}, in their order. */
    public static String goLine(boolean failFast, List<Pair> pairs) {
        StringBuilder line = new StringBuilder(GO);
        if (failFast) {
            line.append(' ').append(FAIL_FAST);
        }
        for (Pair pair : pairs) {
            line.append(' ').append(pair.index());
            if (!pair.tests().isEmpty()) {
                line.append(':').append(String.join(",", pair.tests().stream().sorted().toList()));
            }
        }
        return line.append('\n').toString();
    }

    /** Reads a go line of a runner started with {@code pairCount} pairs; a line that names none runs them all. */
    public static Go read(String line, int pairCount) {
        String[] words = line.strip().split("\\s+");
        if (!words[0].equals(GO)) {
            throw new IllegalArgumentException("not a go line: " + line.strip());
        }
        boolean failFast = false;
        List<Pair> pairs = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals(FAIL_FAST)) {
                failFast = true;
                continue;
            }
            String[] pairAndTests = words[i].split(":", 2);
            Set<String> tests = new LinkedHashSet<>();
            if (pairAndTests.length == 2) {
                tests.addAll(List.of(pairAndTests[1].split(",")));
            }
            pairs.add(new Pair(Integer.parseInt(pairAndTests[0]), tests));
        }
        if (pairs.isEmpty()) {
            for (int i = 0; i < pairCount; i++) {
                pairs.add(new Pair(i, Set.of()));
            }
        }
        return new Go(failFast, pairs);
    }
}
