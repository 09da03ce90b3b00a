package workbook.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The fix command: a right or wrong fix for a student or an instructor to read. Its header, then its change beside
 * the exercise (the exercise's lines on the left, the fix's on the right, a marker between where they differ), or,
 * with --diff, the change as the unified diff it is stored as.
 */
final class FixView {

    /** How wide each side is, in characters. */
    static final int SIDE = 58;

    private FixView() {
    }

    static int command(List<String> args) throws Exception {
        if (args.isEmpty() || args.size() > 2 || args.size() == 2 && !args.get(1).equals("--diff")) {
            System.err.println("fix LESSON/NAME [--diff]   e.g. fix lesson01-atomic-puts/striped-locks");
            return 2;
        }
        var fix = Fix.named(args.get(0));
        if (fix.isEmpty()) {
            System.err.println("No fix " + args.get(0) + " in wrong-fixes/ or right-fixes/ (LESSON/NAME, e.g."
                    + " lesson01-atomic-puts/striped-locks)");
            return 2;
        }
        System.out.println(fix.get().kind().folder + "/" + fix.get().lesson() + "/" + fix.get().name()
                + Fix.EXTENSION);
        System.out.println();
        fix.get().header().forEach(line -> System.out.println(("  " + line).stripTrailing()));
        System.out.println();
        (args.contains("--diff") ? fix.get().diff() : sideBySide(fix.get().diff())).forEach(System.out::println);
        return 0;
    }

    /**
     * A unified diff as two columns: each hunk's lines, the exercise's on the left and the fix's on the right; a
     * removed line is paired with the added line in its place, "|" between lines that differ, "<" or ">" where only
     * one side has a line.
     */
    static List<String> sideBySide(List<String> diff) {
        List<String> rows = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (String line : diff) {
            if (line.startsWith("--- ") || line.startsWith("+++ ")) {
                if (line.startsWith("+++ ")) {
                    rows.add(String.format("%-" + SIDE + "s   %s", "exercise: " + line.substring(6), "fix"));
                }
                continue;
            }
            if (line.startsWith("@@")) {
                flush(rows, removed, added);
                rows.add(String.format("%-" + SIDE + "s   %s", "···· " + line, "····"));
            } else if (line.startsWith("-")) {
                removed.add(line.substring(1));
            } else if (line.startsWith("+")) {
                added.add(line.substring(1));
            } else {
                flush(rows, removed, added);
                String same = line.isEmpty() ? "" : line.substring(1);
                rows.add(String.format("%-" + SIDE + "s   %s", cut(same), cut(same)).stripTrailing());
            }
        }
        flush(rows, removed, added);
        return rows;
    }

    private static void flush(List<String> rows, List<String> removed, List<String> added) {
        for (int i = 0; i < Math.max(removed.size(), added.size()); i++) {
            String left = i < removed.size() ? removed.get(i) : null;
            String right = i < added.size() ? added.get(i) : null;
            String marker = left == null ? ">" : right == null ? "<" : "|";
            rows.add(String.format("%-" + SIDE + "s %s %s", left == null ? "" : cut(left), marker,
                    right == null ? "" : cut(right)).stripTrailing());
        }
        removed.clear();
        added.clear();
    }

    private static String cut(String line) {
        return line.length() <= SIDE ? line : line.substring(0, SIDE - 1) + "…";
    }
}
