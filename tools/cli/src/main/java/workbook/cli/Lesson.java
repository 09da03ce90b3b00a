package workbook.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the tool knows of a lesson, from its catalogue file {@code <lesson>/lesson.properties}: the exercise file the
 * student changes, whether its tests use the model checker or start a cluster, and where its hints are. {@link
 * #agreesWithTheCode} is the check that keeps each line true.
 */
record Lesson(String module, String exercise, boolean modelChecker, boolean cluster, String hints) {

    static final String CATALOGUE = "lesson.properties";

    static Lesson of(String module) {
        Path file = Workspace.ROOT.resolve(module).resolve(CATALOGUE);
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(module + " has no readable " + CATALOGUE + ": " + e.getMessage(), e);
        }
        for (String key : List.of("exercise", "modelChecker", "cluster", "hints")) {
            if (p.getProperty(key) == null) {
                throw new IllegalStateException(module + "/" + CATALOGUE + " does not say " + key);
            }
        }
        return new Lesson(module, p.getProperty("exercise"), Boolean.parseBoolean(p.getProperty("modelChecker")),
                Boolean.parseBoolean(p.getProperty("cluster")), p.getProperty("hints"));
    }

    Path exerciseFile() {
        return Workspace.ROOT.resolve(module).resolve("src/main/java").resolve(exercise);
    }

    Path hintsFile() {
        return Workspace.ROOT.resolve(module).resolve(hints);
    }

    /**
     * Where the catalogue of {@code module} says what its code does not: the exercise file missing or not alone in
     * src/main/java, a model checker its tests do (not) use, a cluster its pom does (not) bring, hints that are not
     * there. Empty when every line is true.
     */
    static List<String> agreesWithTheCode(String module) throws IOException {
        try {
            return of(module).agreesWithTheCode();
        } catch (IllegalStateException e) {
            return List.of(e.getMessage());
        }
    }

    /** As {@link #agreesWithTheCode(String)}, for this catalogue entry. */
    List<String> agreesWithTheCode() throws IOException {
        List<String> problems = new ArrayList<>();
        Lesson lesson = this;
        String where = module + "/" + CATALOGUE + ": ";
        List<Path> sources = FileTrees.javaFiles(Workspace.ROOT.resolve(module).resolve("src/main/java"));
        if (!sources.equals(List.of(lesson.exerciseFile()))) {
            problems.add(where + "exercise=" + lesson.exercise + ", but src/main/java holds " + sources.stream()
                    .map(p -> Workspace.ROOT.resolve(module).resolve("src/main/java").relativize(p).toString())
                    .toList());
        }
        boolean usesModelCheck = false;
        for (Path test : FileTrees.javaFiles(Workspace.ROOT.resolve(module).resolve("src/test/java"))) {
            usesModelCheck |= Files.readString(test).contains("workbook.harness.modelcheck.ModelCheck");
        }
        if (usesModelCheck != lesson.modelChecker) {
            problems.add(where + "modelChecker=" + lesson.modelChecker + ", but its tests "
                    + (usesModelCheck ? "use" : "do not use") + " workbook.harness.modelcheck.ModelCheck");
        }
        boolean bringsHazelcast = Files.readString(Workspace.ROOT.resolve(module).resolve("pom.xml"))
                .contains("<artifactId>hazelcast</artifactId>");
        if (bringsHazelcast != lesson.cluster) {
            problems.add(where + "cluster=" + lesson.cluster + ", but its pom " + (bringsHazelcast ? "brings"
                    : "does not bring") + " Hazelcast");
        }
        if (!Files.exists(lesson.hintsFile())
                || !StudentCommands.HINT.matcher(Files.readString(lesson.hintsFile())).find()) {
            problems.add(where + "hints=" + lesson.hints + ", but that file has no folded hint (<details><summary>)");
        }
        return problems;
    }
}
