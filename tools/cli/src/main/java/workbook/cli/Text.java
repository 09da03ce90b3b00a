package workbook.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Small text helpers shared by the commands: JSON quoting, first and last lines, indenting, simple names.
 */
final class Text {

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    static String tail(String text, int lines) {
        List<String> all = text.lines().collect(Collectors.toList());
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static String firstLines(String text, int lines) {
        List<String> all = text.strip().lines().collect(Collectors.toList());
        String shown = String.join("\n", all.subList(0, Math.min(lines, all.size())));
        return all.size() > lines ? shown + "\n…" : shown;
    }

    static String indent(String text) {
        return text.lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
    }

    /** The 1-, 5- and 15-minute load averages, where the system tells them (Linux), for figures that need them. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "not known here";
        }
    }
}
