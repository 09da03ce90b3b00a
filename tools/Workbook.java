import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Starts the workbook's command line, tools/cli/: {@code java tools/Workbook.java [command]}. Needs only a JDK 17+.
 * Compiles tools/cli/src/main/java (and the runner's Protocol, the words the tool and the runner share) into
 * target/workbook/cli when its sources are newer than the classes, so that the commands start in well under a second
 * after the first time. Maven compiles and tests the same sources as the module tools/cli.
 */
public class Workbook {

    public static void main(String[] args) throws Exception {
        Path sources = Path.of("tools", "cli", "src", "main", "java");
        Path classes = Path.of("target", "workbook", "cli");
        if (!Files.isDirectory(sources)) {
            System.err.println("Run this from the workbook's root folder: java tools/Workbook.java");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(sources)) {
            files = Stream.concat(all.filter(p -> p.toString().endsWith(".java")).sorted(),
                    Stream.of(Path.of("tools", "runner", "src", "main", "java", "workbook", "runner", "Protocol.java")))
                    .toList();
        }
        Path stamp = classes.resolve("compiled-from.txt");
        String inputs = String.join(File.pathSeparator, files.stream().map(Path::toString).toList());
        FileTime newest = FileTime.fromMillis(0);
        for (Path f : files) {
            FileTime t = Files.getLastModifiedTime(f);
            newest = t.compareTo(newest) > 0 ? t : newest;
        }
        if (!Files.exists(stamp) || Files.getLastModifiedTime(stamp).compareTo(newest) < 0
                || !Files.readString(stamp).equals(inputs)) {
            Files.createDirectories(classes);
            String[] javac = Stream.concat(Stream.of("--release", "17", "-d", classes.toString(), "-encoding",
                    "UTF-8", "-nowarn"), files.stream().map(Path::toString)).toArray(String[]::new);
            if (ToolProvider.getSystemJavaCompiler().run(null, null, null, javac) != 0) {
                System.exit(2);
            }
            Files.writeString(stamp, inputs);
        }
        try (URLClassLoader cli = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                Workbook.class.getClassLoader())) {
            cli.loadClass("workbook.cli.WorkbookCli").getMethod("main", String[].class).invoke(null, (Object) args);
        }
    }
}
