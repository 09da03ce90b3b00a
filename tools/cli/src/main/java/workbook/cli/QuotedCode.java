package workbook.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The quoted-code part of check: code a README quotes under a "<!-- code: PATH -->" marker is in that file.
 */
final class QuotedCode {

    static final Pattern CODE_MARKER = Pattern.compile("<!-- code: (\\S+) -->\\s*\\R```[a-z]*\\R(.*?)\\R```",
            Pattern.DOTALL);

    static List<String> check() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> readmes;
        try (Stream<Path> files = Files.walk(Workspace.ROOT, 3)) {
            readmes = files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.toString().contains(File.separator + "target" + File.separator))
                    .sorted().collect(Collectors.toList());
        }
        int blocks = 0;
        for (Path readme : readmes) {
            Matcher m = CODE_MARKER.matcher(Files.readString(readme));
            while (m.find()) {
                blocks++;
                Path source = Workspace.ROOT.resolve(m.group(1));
                String where = Workspace.ROOT.relativize(readme) + " quotes " + m.group(1);
                if (!Files.exists(source)) {
                    problems.add(where + ", which does not exist");
                } else if (!normalised(Files.readString(source)).contains(normalised(m.group(2)))) {
                    problems.add(where + ", but those lines are not in the file (update the README)");
                }
            }
        }
        System.out.println("  " + blocks + " quoted blocks in " + readmes.size() + " Markdown files, "
                + problems.size() + " out of date");
        return problems;
    }

    static String normalised(String text) {
        return text.replace("\r\n", "\n").lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }
}
