package workbook.harness.picture;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Where a failing test's picture goes, and its writing. The picture of test {@code m} of {@code SomeTest} is
 * {@code target/<variant>/pictures/SomeTest.m.html} in the test's lesson, beside a {@code .json} file with what the
 * picture must show (lanes, switches, the marked lines), for the browser check. Both are written when the test JVM
 * ends, after every verdict is reported, so that drawing never delays one.
 */
public final class Pictures {

    private static final Queue<Runnable> PENDING = new ConcurrentLinkedQueue<>();
    private static boolean hooked;

    private Pictures() {
    }

    /** The test class and method running on this thread, and its pictures folder; empty outside a lesson's test. */
    public record Test(Class<?> type, String method, Path folder) {

        /** The picture of this test; {@code suffix} tells two pictures of one test apart ("" for the first). */
        public Path picture(String suffix) {
            return folder.resolve(type.getSimpleName() + "." + method + suffix + ".html");
        }

        /** The package folder of the test's lesson classes, where the student's compiled code is. */
        public Path studentClasses() {
            return folder.getParent().resolve("classes").resolve(type.getPackageName().replace('.', '/'));
        }

        /**
         * Line {@code line} of {@code file} (e.g. "SharedStore.java") in the exercise's sources, when the tests run on
         * the exercise: its build folder is {@code target/exercise} in the lesson (Maven) or {@code fast/exercise/
         * <lesson>} (the workbook's tool); the sources are the lesson's {@code src/main/java}. Empty otherwise.
         */
        public Optional<String> exerciseLine(String file, int line) {
            Path build = folder.getParent();
            Path exercise = build.getFileName().toString().equals("exercise") ? build.getParent().getParent()
                    : build.getParent().getFileName().toString().equals("exercise")
                    ? findLesson(build.getFileName().toString(), build) : null;
            if (exercise == null) {
                return Optional.empty();
            }
            Path source = exercise.resolve("src/main/java").resolve(type.getPackageName().replace('.', '/'))
                    .resolve(file);
            try {
                List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
                return line >= 1 && line <= lines.size() ? Optional.of(code(lines.get(line - 1))) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        /** The line without its comment and runs of spaces. */
        private static String code(String line) {
            int comment = line.indexOf("//");
            return (comment >= 0 ? line.substring(0, comment) : line).strip().replaceAll("\\s+", " ");
        }

        private static Path findLesson(String lesson, Path build) {
            for (Path dir = build; dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve(lesson).resolve("src/main/java"))) {
                    return dir.resolve(lesson);
                }
            }
            return null;
        }
    }

    /**
     * The test that is running on this thread: the outermost frame on the stack of a class loaded from a
     * {@code test-classes} folder, which is the test method itself (JUnit calls it).
     */
    public static Optional<Test> currentTest() {
        List<StackWalker.StackFrame> frames = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(s -> s.collect(Collectors.toList()));
        for (int i = frames.size() - 1; i >= 0; i--) {
            Path testClasses = testClassesOf(frames.get(i).getDeclaringClass());
            if (testClasses != null) {
                return Optional.of(new Test(frames.get(i).getDeclaringClass(), frames.get(i).getMethodName(),
                        testClasses.getParent().resolve("pictures")));
            }
        }
        return Optional.empty();
    }

    private static Path testClassesOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null || !source.getLocation().getProtocol().equals("file")) {
            return null;
        }
        try {
            Path where = Path.of(source.getLocation().toURI());
            return where.getFileName() != null && where.getFileName().toString().equals("test-classes")
                    && Files.isDirectory(where) ? where : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The line a failure message ends with, naming the picture. */
    public static String seeIt(Path picture) {
        return "The same as a picture: " + picture.toAbsolutePath();
    }

    /**
     * Writes {@code race} (drawn when the JVM ends) to {@code picture}, and its facts beside it. The race is built
     * then too: {@code race} is called once, at the end.
     */
    public static void drawLater(Path picture, Supplier<Race> race) {
        later(() -> {
            Race r = race.get();
            write(picture, RaceHtml.render(r), facts(r));
        });
    }

    /** Writes {@code html} and {@code facts} (JSON) when the JVM ends. */
    public static void writeLater(Path picture, Supplier<String> html, Supplier<String> facts) {
        later(() -> write(picture, html.get(), facts.get()));
    }

    private static synchronized void later(Runnable drawing) {
        PENDING.add(drawing);
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Pictures::drawAll, "pictures"));
        }
    }

    /** Draws every picture asked for so far; the JVM's shutdown does, and a test may. */
    public static void drawAll() {
        for (Runnable drawing = PENDING.poll(); drawing != null; drawing = PENDING.poll()) {
            try {
                drawing.run();
            } catch (RuntimeException e) {
                System.err.println("a picture could not be drawn: " + e);
            }
        }
    }

    private static void write(Path picture, String html, String facts) {
        try {
            Files.createDirectories(picture.getParent());
            Files.writeString(picture, html, StandardCharsets.UTF_8);
            Files.writeString(factsOf(picture), facts + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("could not write the picture " + picture + ": " + e);
        }
    }

    /** The JSON file beside {@code picture} with what it must show. */
    public static Path factsOf(Path picture) {
        String name = picture.getFileName().toString();
        return picture.resolveSibling(name.substring(0, name.length() - ".html".length()) + ".json");
    }

    /**
     * What the browser check compares the page with: per CSS selector, how many elements the page has and what they
     * read, and in words what they are.
     */
    static String facts(Race race) {
        List<String> where = new ArrayList<>();
        race.steps().forEach(s -> s.marks().stream().filter(m -> m.kind() == Mark.Kind.YOUR_CODE && m.where() != null)
                .forEach(m -> where.add(m.where())));
        return facts("race", Map.of(".lane-head", race.lanes().size(), "svg.switch-arrow", (int) race.switches(),
                        ".mark-student", race.marked(Mark.Kind.YOUR_CODE).size()),
                Map.of(".lane-head", race.lanes(), ".mark-student .where", where),
                Map.of(".lane-head", "one lane per thread", "svg.switch-arrow", "one arrow per context switch",
                        ".mark-student", "the steps marked as the student's code",
                        ".mark-student .where", "the file and line each of those names"));
    }

    /** A facts file: {@code count}, {@code texts} and {@code what}, each by CSS selector. */
    public static String facts(String kind, Map<String, Integer> count, Map<String, List<String>> texts,
            Map<String, String> what) {
        return Json.object(Map.of("kind", Json.string(kind),
                "count", Json.object(count.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())))),
                "texts", Json.object(texts.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> Json.strings(e.getValue())))),
                "what", Json.object(what.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> Json.string(e.getValue()))))));
    }
}
