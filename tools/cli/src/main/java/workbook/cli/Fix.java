package workbook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * A fix kept as code: a file wrong-fixes/LESSON/NAME.diff or right-fixes/LESSON/NAME.diff, its header (plain text:
 * what the fix is, why it is right or wrong, what catches it), then its change against the lesson's exercise as a
 * unified diff of the exercise's src/main/java (what git apply and patch read; the exercise's own narrative comment is
 * left out of the change). {@link #sources()} builds the whole source folder under target/: the exercise, the change
 * applied with git apply, and the header as the comment at the top of the changed file, where the exercise has its
 * narrative. A change that no longer applies to its exercise is {@link DoesNotApply}, with the fix's name.
 *
 * <p>A wrong fix names the test(s) that catch it in a line "Caught by: testMethod, …", and at least one of them must
 * fail on it, on an assertion; a right fix must pass every test. A wrong fix that hangs also names, in a line "Stuck
 * in: testMethod, …", the tests whose stress runs must be stopped as stuck (WorkersStuck), never as merely slow.
 */
record Fix(Kind kind, String lesson, String name, Path change) {

    static final Pattern CAUGHT_BY = Pattern.compile("Caught by: ([\\w, ]+)");
    static final Pattern STUCK_IN = Pattern.compile("Stuck in: ([\\w, ]+)");
    static final String EXTENSION = ".diff";
    /** Where the fixes' source folders are built. */
    static final Path BUILT = Workspace.ROOT.resolve("target/workbook/fixes");

    enum Kind {
        WRONG("wrong-fixes", "wrong-", "are caught", Variant.Kind.WRONG_FIX),
        RIGHT("right-fixes", "right-", "pass", Variant.Kind.RIGHT_FIX);

        final String folder;
        final String prefix;
        final String verdict;
        final Variant.Kind variantKind;

        Kind(String folder, String prefix, String verdict, Variant.Kind variantKind) {
            this.folder = folder;
            this.prefix = prefix;
            this.verdict = verdict;
            this.variantKind = variantKind;
        }
    }

    /** A fix whose change no longer applies to its exercise (the exercise changed under it). */
    static final class DoesNotApply extends IllegalStateException {
        DoesNotApply(Fix fix, String why) {
            super(fix.kind.folder + "/" + fix.lesson + "/" + fix.name + EXTENSION + " no longer applies to "
                    + fix.lesson + "'s exercise: " + why.strip());
        }
    }

    static List<Fix> all(Kind kind) throws IOException {
        Path root = Workspace.ROOT.resolve(kind.folder);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(p -> root.relativize(p).getNameCount() == 2 && p.toString().endsWith(EXTENSION))
                    .sorted().map(p -> new Fix(kind, p.getParent().getFileName().toString(),
                            p.getFileName().toString().replaceFirst("\\.diff$", ""), p))
                    .collect(Collectors.toList());
        }
    }

    /** The fix named {@code lesson/name}, of either kind; empty when there is none. */
    static java.util.Optional<Fix> named(String lessonAndName) throws IOException {
        for (Kind kind : Kind.values()) {
            for (Fix fix : all(kind)) {
                if ((fix.lesson + "/" + fix.name).equals(lessonAndName)) {
                    return java.util.Optional.of(fix);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The header: the change file's lines before the diff (the trailing blank line left out). */
    List<String> header() throws IOException {
        List<String> lines = Files.readAllLines(change, StandardCharsets.UTF_8);
        int diff = firstDiffLine(lines);
        List<String> header = new ArrayList<>(lines.subList(0, diff));
        while (!header.isEmpty() && header.get(header.size() - 1).isBlank()) {
            header.remove(header.size() - 1);
        }
        return header;
    }

    /** The change: the unified diff, from its first "--- a/" line. */
    List<String> diff() throws IOException {
        List<String> lines = Files.readAllLines(change, StandardCharsets.UTF_8);
        return lines.subList(firstDiffLine(lines), lines.size());
    }

    private int firstDiffLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("--- a/")) {
                return i;
            }
        }
        throw new DoesNotApply(this, "it holds no unified diff (no line \"--- a/…\")");
    }

    /** The files the change makes, relative to src/main/java. */
    List<String> changedFiles() throws IOException {
        return diff().stream().filter(l -> l.startsWith("+++ b/")).map(l -> l.substring("+++ b/".length()).strip())
                .toList();
    }

    /**
     * The fix's whole source folder, built once per run of the tool: target/workbook/fixes/KIND/LESSON/NAME, the
     * exercise's src/main/java with the change applied (git apply) and the header as the changed file's top comment.
     */
    Path sources() throws IOException {
        Path built = BUILT.resolve(kind.folder).resolve(lesson).resolve(name);
        synchronized (BUILT_THIS_RUN) {
            if (BUILT_THIS_RUN.add(built)) {
                build(built);
            }
        }
        return built;
    }

    private static final java.util.Set<Path> BUILT_THIS_RUN = new java.util.HashSet<>();

    private void build(Path built) throws IOException {
        FileTrees.emptyFolder(built);
        FileTrees.copyTree(Workspace.ROOT.resolve(lesson).resolve("src/main/java"), built);
        Process apply = new ProcessBuilder("git", "apply", "-p1", "--whitespace=nowarn",
                change.toAbsolutePath().toString()).directory(built.toFile()).redirectErrorStream(true).start();
        String said = new String(apply.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (apply.waitFor() != 0) {
                throw new DoesNotApply(this, said);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DoesNotApply(this, "interrupted");
        }
        List<String> comment = new ArrayList<>(List.of("/*"));
        header().forEach(line -> comment.add(line.isBlank() ? " *" : " * " + line));
        comment.add(" */");
        for (String file : changedFiles()) {
            Path java = built.resolve(file);
            List<String> lines = new ArrayList<>(Files.readAllLines(java, StandardCharsets.UTF_8));
            int start = lines.indexOf("/*");
            int end = start < 0 ? -1 : lines.subList(start, lines.size()).indexOf(" */") + start;
            if (start < 0 || end < start) {
                throw new DoesNotApply(this, file + " has no narrative comment (\"/*\" … \" */\") to put the header in");
            }
            lines.subList(start, end + 1).clear();
            lines.addAll(start, comment);
            Files.writeString(java, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        }
    }

    String variant() {
        return kind.prefix + name;
    }

    /** The Maven arguments that build and test the lesson against this fix, in its own build folder. */
    List<String> properties() throws IOException {
        return List.of("-Dworkbook.variant=" + variant(), "-Dworkbook.sources=" + sources());
    }

    /**
     * This fix as a variant to run. A wrong fix's verdict reads only the tests it names ("Caught by", "Stuck in"), so
     * only those run; a right fix runs every test.
     */
    Variant toRun() throws IOException {
        Variant every = toRunEveryTest();
        Set<String> named = new LinkedHashSet<>(caughtBy());
        named.addAll(testsNamed(STUCK_IN));
        return kind == Kind.RIGHT || named.isEmpty() ? every : every.only(named);
    }

    /** This fix as a variant that runs every test of its lesson, as Maven runs it. */
    Variant toRunEveryTest() throws IOException {
        return new Variant(lesson, kind.variantKind, variant(), sources());
    }

    List<String> caughtBy() throws IOException {
        return testsNamed(CAUGHT_BY);
    }

    private List<String> testsNamed(Pattern line) throws IOException {
        List<String> expected = new ArrayList<>();
        Matcher m = line.matcher(String.join("\n", header()));
        while (m.find()) {
            for (String test : m.group(1).split(",")) {
                expected.add(test.strip());
            }
        }
        return expected;
    }

    /** Right when this run gave the fix its right verdict: a right fix passed, a wrong one was caught. */
    Verdict judge(Outcome o) throws IOException {
        if (kind == Kind.RIGHT) {
            return Check.passes(o);
        }
        List<String> expected = caughtBy();
        if (expected.isEmpty()) {
            return Verdict.wrong("names no test (add a line \"Caught by: testMethod\")");
        }
        List<String> notNamedStuck = testsNamed(STUCK_IN).stream().filter(test -> o.failures().stream()
                .noneMatch(f -> f.test().equals(test) && f.type().equals(Outcome.WORKERS_STUCK))).toList();
        if (!notNamedStuck.isEmpty()) {
            return Verdict.wrong("expected " + notNamedStuck + " to fail as stuck ("
                    + Text.simpleName(Outcome.WORKERS_STUCK) + "), but failed: " + o.failures().stream()
                    .map(f -> f.test() + " (" + Text.simpleName(f.type()) + ")").toList());
        }
        // Caught: a named test failed on an assertion about the race. What the other tests did does not matter here:
        // broken code may also corrupt a map until a stress test's workers spin, which the harness reports as stuck.
        if (o.failures().stream().anyMatch(f -> expected.contains(f.test()) && f.isRaceAssertion())) {
            return Verdict.RIGHT;
        }
        Verdict verdict = o.failsForTheRightReason();
        if (verdict.isRight()) {
            verdict = Verdict.wrong("expected " + (expected.size() == 1 ? "" : "one of ") + expected
                    + " to fail, but failed: " + o.failures().stream().map(Failure::test).toList());
        }
        if (expected.stream().anyMatch(o.skipped()::contains)) {
            // As for the exercises: a test that cannot run on this JDK proves nothing here, either way.
            System.out.println("  note: " + lesson + "/" + name + ": " + expected + " skipped on this JDK: not"
                    + " proven here (" + verdict + ")");
            return Verdict.RIGHT;
        }
        return verdict;
    }
}
