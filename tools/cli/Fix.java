import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fix kept as code: a folder wrong-fixes/LESSON/NAME or right-fixes/LESSON/NAME, a whole source folder that
 * replaces the lesson's src/main/java. A wrong fix names the test(s) that catch it in a line
 * "Caught by: testMethod, …", and at least one of them must fail on it, on an assertion; a right fix must pass every
 * test. A wrong fix that hangs also names, in a line "Stuck in: testMethod, …", the tests whose stress runs must be
 * stopped as stuck (WorkersStuck), never as merely slow.
 */
record Fix(Kind kind, String lesson, String name, Path sources) {

    static final Pattern CAUGHT_BY = Pattern.compile("Caught by: ([\\w, ]+)");
    static final Pattern STUCK_IN = Pattern.compile("Stuck in: ([\\w, ]+)");

    enum Kind {
        WRONG("wrong-fixes", "wrong-", "are caught"), RIGHT("right-fixes", "right-", "pass");

        final String folder;
        final String prefix;
        final String verdict;

        Kind(String folder, String prefix, String verdict) {
            this.folder = folder;
            this.prefix = prefix;
            this.verdict = verdict;
        }
    }

    static List<Fix> all(Kind kind) throws IOException {
        Path root = Workspace.ROOT.resolve(kind.folder);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.walk(root, 2)) {
            return dirs.filter(p -> root.relativize(p).getNameCount() == 2 && Files.isDirectory(p)).sorted()
                    .map(p -> new Fix(kind, p.getParent().getFileName().toString(), p.getFileName().toString(),
                            p))
                    .collect(Collectors.toList());
        }
    }

    String variant() {
        return kind.prefix + name;
    }

    /** The Maven arguments that build and test the lesson against this fix, in its own build folder. */
    List<String> properties() {
        return List.of("-Dworkbook.variant=" + variant(), "-Dworkbook.sources=" + sources);
    }

    /**
     * This fix as a variant to run. A wrong fix's verdict reads only the tests it names ("Caught by", "Stuck in"), so
     * only those run; a right fix runs every test.
     */
    Variant toRun() throws IOException {
        Variant every = new Variant(lesson, variant(), sources);
        Set<String> named = new LinkedHashSet<>(caughtBy());
        named.addAll(testsNamed(STUCK_IN));
        return kind == Kind.RIGHT || named.isEmpty() ? every : every.only(named);
    }

    List<String> caughtBy() throws IOException {
        return testsNamed(CAUGHT_BY);
    }

    private List<String> testsNamed(Pattern line) throws IOException {
        List<String> expected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = line.matcher(Files.readString(java));
                while (m.find()) {
                    for (String test : m.group(1).split(",")) {
                        expected.add(test.strip());
                    }
                }
            }
        }
        return expected;
    }

    /** Empty when this run gave the fix its right verdict; otherwise why not. */
    String judge(Outcome o) throws IOException {
        if (kind == Kind.RIGHT) {
            return Check.passes(o);
        }
        List<String> expected = caughtBy();
        if (expected.isEmpty()) {
            return "names no test (add a line \"Caught by: testMethod\")";
        }
        List<String> notNamedStuck = testsNamed(STUCK_IN).stream().filter(test -> o.failures().stream()
                .noneMatch(f -> f.test().equals(test) && f.type().equals(Outcome.WORKERS_STUCK))).toList();
        if (!notNamedStuck.isEmpty()) {
            return "expected " + notNamedStuck + " to fail as stuck (" + Text.simpleName(Outcome.WORKERS_STUCK)
                    + "), but failed: " + o.failures().stream().map(f -> f.test() + " (" + Text.simpleName(f.type())
                    + ")").toList();
        }
        // Caught: a named test failed on an assertion about the race. What the other tests did does not matter here:
        // broken code may also corrupt a map until a stress test's workers spin, which the harness reports as stuck.
        if (o.failures().stream().anyMatch(f -> expected.contains(f.test()) && f.isRaceAssertion())) {
            return "";
        }
        String verdict = o.failsForTheRightReason();
        if (verdict.isEmpty()) {
            verdict = "expected " + (expected.size() == 1 ? "" : "one of ") + expected + " to fail, but failed: "
                    + o.failures().stream().map(Failure::test).toList();
        }
        if (!verdict.isEmpty() && expected.stream().anyMatch(o.skipped()::contains)) {
            // As for the exercises: a test that cannot run on this JDK proves nothing here, either way.
            System.out.println("  note: " + lesson + "/" + name + ": " + expected + " skipped on this JDK: not"
                    + " proven here (" + verdict + ")");
            return "";
        }
        return verdict;
    }
}
