package workbook.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hint, reset and solution commands: a lesson README's next hint, the exercise as shipped, the
 * reference solution as a diff.
 */
final class StudentCommands {

    static final Pattern HINT = Pattern.compile("<details><summary>(.*?)</summary>(.*?)</details>", Pattern.DOTALL);

    /** Shows the next folded hint of the lesson's README (the current lesson by default), one more on each call. */
    static int hint(List<String> args) throws Exception {
        String lesson = args.isEmpty()
                ? Progress.firstUnsolved(RememberedProgress.currentOutcomes(Workspace.lessons(), true, false))
                : Workspace.lessonNamed(args);
        if (lesson == null) {
            return args.isEmpty() ? 0 : 2;
        }
        Path readme = Lesson.of(lesson).hintsFile();
        List<String[]> hints = new ArrayList<>();
        Matcher m = HINT.matcher(Files.readString(readme));
        while (m.find()) {
            hints.add(new String[] {m.group(1).strip(), m.group(2).strip()});
        }
        Properties shown = Workspace.readState("hints.properties");
        int count = Integer.parseInt(shown.getProperty(lesson, "0"));
        if (hints.isEmpty()) {
            System.out.println(lesson + "/README.md has no folded hints.");
            return 0;
        }
        if (count >= hints.size()) {
            System.out.println("That was the last of " + lesson + "'s " + hints.size() + " hints. The next step: "
                    + "java tools/Workbook.java solution " + lesson + " --anyway");
            return 0;
        }
        String[] hint = hints.get(count);
        System.out.println(hint[0] + " (" + (count + 1) + " of " + hints.size() + ", from " + lesson + "/README.md)");
        System.out.println(Text.indent(hint[1]));
        shown.setProperty(lesson, String.valueOf(count + 1));
        Workspace.writeState("hints.properties", shown,
                "How many of each lesson's hints were shown (java tools/Workbook.java hint)");
        return 0;
    }

    /**
     * Puts the lesson's exercise back as it was shipped (as of the commit the workbook was cloned at), after copying
     * the student's whole src/main/java to .workbook/backups/, so nothing is lost.
     */
    static int reset(List<String> args) throws Exception {
        String lesson = Workspace.lessonNamed(args);
        if (lesson == null) {
            return 2;
        }
        String shipped = shippedCommit();
        String folder = lesson + "/src/main/java";
        List<String> files = git("ls-tree", "-r", "--name-only", shipped, "--", folder).lines().toList();
        if (files.isEmpty()) {
            System.err.println("git knows no " + folder + " at " + shipped + "; nothing was changed.");
            return 1;
        }
        Path sources = Workspace.ROOT.resolve(folder);
        Path backup = Workspace.STATE.resolve("backups").resolve(lesson + "-" + java.time.LocalDateTime.now()
                .withNano(0).toString().replace(':', '-'));
        if (Files.isDirectory(sources)) {
            try (Stream<Path> all = Files.walk(sources)) {
                for (Path p : all.filter(Files::isRegularFile).toList()) {
                    Path copy = backup.resolve(sources.relativize(p));
                    Files.createDirectories(copy.getParent());
                    Files.copy(p, copy);
                }
            }
            FileTrees.deleteTree(sources);
        }
        for (String file : files) {
            Path target = Workspace.ROOT.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, gitBytes("show", shipped + ":" + file));
        }
        System.out.println("Reset " + folder + " to the exercise as shipped (commit " + shipped.substring(0, 10)
                + ").");
        if (Files.isDirectory(backup)) {
            System.out.println("Your version is kept in " + Workspace.ROOT.relativize(backup) + File.separator);
        }
        return 0;
    }

    /** The commit the workbook was cloned at: the oldest entry of HEAD's reflog, or HEAD when there is none. */
    static String shippedCommit() throws Exception {
        List<String> reflog = git("reflog", "show", "--format=%H", "HEAD").lines().toList();
        return reflog.isEmpty() ? git("rev-parse", "HEAD").strip() : reflog.get(reflog.size() - 1).strip();
    }

    /** The reference solution as a diff against the student's file; only for a solved lesson, unless --anyway. */
    static int solution(List<String> args) throws Exception {
        String lesson = Workspace.lessonNamed(args);
        if (lesson == null) {
            return 2;
        }
        if (!Edition.hasSolutions()) {
            System.out.println("This is the student edition of the workbook: it has no solutions. " + lesson
                    + "'s hints are in " + lesson + "/README.md (java tools/Workbook.java hint " + lesson + ").");
            return 1;
        }
        if (!args.contains("--anyway")
                && !RememberedProgress.currentOutcomes(List.of(lesson), true, false).get(lesson).passed()) {
            System.out.println(lesson + " is not solved yet, so its solution stays hidden. Try"
                    + " java tools/Workbook.java hint " + lesson + ", or add --anyway.");
            return 1;
        }
        Path solution = Workspace.ROOT.resolve("solutions").resolve(lesson).resolve("src/main/java");
        System.out.print(gitDiff(Workspace.ROOT.relativize(Workspace.ROOT.resolve(lesson).resolve("src/main/java")),
                Workspace.ROOT.relativize(solution)));
        System.out.println("(- your code, + the reference solution; its header comment says why it is correct)");
        return 0;
    }

    static String gitDiff(Path yours, Path reference) throws Exception {
        Process p = new ProcessBuilder("git", "diff", "--no-index", "--no-color", "--", yours.toString(),
                reference.toString()).directory(Workspace.ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static String git(String... args) throws Exception {
        return new String(gitBytes(args), StandardCharsets.UTF_8);
    }

    static byte[] gitBytes(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(Workspace.ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed (exit " + p.exitValue() + ")");
        }
        return out;
    }
}
