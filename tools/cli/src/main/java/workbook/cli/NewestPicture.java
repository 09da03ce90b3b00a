package workbook.cli;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * watch's o key: opens the newest picture of a failing test of the lesson (drawn by its tests' harness, see the
 * harness's workbook.harness.picture) in the default browser, or, where there is no desktop to open it on, prints its
 * path and says why.
 */
final class NewestPicture {

    private NewestPicture() {
    }

    static void open(String lesson) {
        Optional<Path> newest = newest(lesson);
        if (newest.isEmpty()) {
            System.out.println("No picture of " + lesson
                    + " yet: a failing test that shows an interleaving draws one.");
            return;
        }
        Path picture = newest.get();
        String why = openInBrowser(picture);
        if (why == null) {
            System.out.println("Opened " + picture);
        } else {
            System.out.println("The newest picture: " + picture + "\n(not opened: " + why + ")");
        }
    }

    /** The newest picture of the lesson's exercise: the fast path's (watch, progress) or Maven's. */
    static Optional<Path> newest(String lesson) {
        List<Path> folders = List.of(Variant.exercise(lesson).out().resolve("pictures"),
                Workspace.ROOT.resolve(lesson).resolve("target/exercise/pictures"));
        return folders.stream().filter(Files::isDirectory).flatMap(NewestPicture::htmlIn)
                .max(Comparator.comparing(NewestPicture::modified));
    }

    private static Stream<Path> htmlIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Opens {@code picture}; null when it did, else why not. */
    private static String openInBrowser(Path picture) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean linuxWithoutDisplay = os.contains("linux") && System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null;
        if (linuxWithoutDisplay) {
            return "no desktop here (neither DISPLAY nor WAYLAND_DISPLAY is set); open the file in a browser, or copy"
                    + " it to a machine with one";
        }
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(picture.toUri());
                return null;
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Falls back to the system's command below.
        }
        String command = os.contains("mac") ? "open" : os.contains("win") ? null : "xdg-open";
        if (command == null) {
            return "java.awt.Desktop cannot open a browser here";
        }
        try {
            Process p = new ProcessBuilder(command, picture.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0 ? null : command + " exited with " + p.exitValue();
        } catch (IOException e) {
            return "java.awt.Desktop cannot open a browser here, and " + command + " could not run (" + e.getMessage()
                    + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
