package workbook.harness.modelcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.harness.picture.Pictures;

/**
 * Turns Lincheck's interleaving table into the short timeline the lessons use, one step per line:
 *
 * <pre>
 *   Thread 1: store.put(1, 1)
 *   Thread 1:     inside: size ➜ 0
 *             &lt;context switch&gt;
 *   Thread 2: store.put(2, 2): null
 *   Thread 1:     inside: size = 1
 *   main:     store.size(): 1
 * </pre>
 *
 * Each thread's own calls are shown; the JDK internals below them are hidden except the step right before a
 * context switch and the step right after the thread resumes, which is where the race lives.
 */
public final class Timeline {

    private static final String TABLE_START = "The following interleaving leads to the error:";

    /** Lincheck's second table: every call of every thread, each row ending in its source location. */
    static final String DETAILED_START = "Detailed trace:";

    /** Lincheck's last line when it stopped a thread that kept looping, rather than one that waits. */
    private static final String LOOPING_FOREVER = "livelock due to non-terminating loops";

    /** The loop a thread was in when Lincheck gave up on it: the last "loop(…) at X" before the spin verdict. */
    private static final Pattern LOOP_BEFORE_GIVING_UP = Pattern.compile(
            "loop\\(\\d+ iterations\\) at (\\S+\\([^()]*\\))(?:(?!loop\\().)*?active lock detected", Pattern.DOTALL);

    private static final Pattern LOCATION = Pattern.compile(" at (\\S+\\([^()]*\\))( \\[[^]]*])?$");

    /** Rows that belong to the harness or the test's own bookkeeping rather than to the story. */
    private static final Pattern PLUMBING = Pattern.compile(
            "^(switch|result:|run\\(\\)|scenario\\.run\\(|ModelCheck\\.|Thread[#.]|Lambda|<iteration|loop\\(|"
                    + ".*\\.<init>\\(|StringBuilder|sb\\.|.*AssertionError|Format\\.|String\\.|Integer\\.|Long\\.|"
                    + "Objects\\.|AtomicReferenceArray|\\w+Test\\.).*");

    private Timeline() {
    }

    /** The whole failure message: the scenario's own complaint, the timeline, and where the full trace is. */
    public static String explain(String scenarioName, String lincheckMessage, Path fullTrace) {
        return explain(scenarioName, lincheckMessage, fullTrace, false);
    }

    /** As {@link #explain(String, String, Path)}; with {@code steps}, the timeline is a {@link StepTimeline}. */
    public static String explain(String scenarioName, String lincheckMessage, Path fullTrace, boolean steps) {
        return explain(scenarioName, lincheckMessage, of(lincheckMessage, steps), fullTrace, null);
    }

    /** The timeline of Lincheck's message: a {@link StepTimeline} with {@code steps}, else this class's. */
    static Lines of(String lincheckMessage, boolean steps) {
        return steps ? StepTimeline.lines(lincheckMessage) : lines(lincheckMessage);
    }

    /** As {@link #explain(String, String, Path)}, from {@code timeline}; names {@code picture} unless it is null. */
    static String explain(String scenarioName, String lincheckMessage, Lines timeline, Path fullTrace, Path picture) {
        StringBuilder text = new StringBuilder();
        text.append(complaint(lincheckMessage)).append("\n\n");
        text.append("Model checking \"").append(scenarioName)
                .append("\" found an interleaving that breaks it, on any number of CPUs:\n\n");
        List<String> lines = timeline.text();
        if (lines.isEmpty()) {
            text.append("  (no interleaving table in Lincheck's output; see the full trace)\n");
        }
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
        if (fullTrace != null) {
            text.append("\nEvery step, JDK internals included: ").append(fullTrace).append('\n');
        }
        if (picture != null) {
            text.append(Pictures.seeIt(picture)).append('\n');
        }
        return text.toString();
    }

    /** The scenario's own failure line(s), e.g. "lost a put". */
    static String complaint(String message) {
        if (message.contains("= Concurrent test has hung =")) {
            return hung(message);
        }
        int start = message.indexOf("= Concurrent test failed =");
        int end = message.indexOf(TABLE_START);
        if (start < 0 || end < 0) {
            int cut = message.indexOf("\n| ");
            return (cut > 0 ? message.substring(0, cut) : message).strip();
        }
        List<String> lines = new ArrayList<>();
        for (String line : message.substring(start + "= Concurrent test failed =".length(), end).strip()
                .split("\n")) {
            if (!line.startsWith("\tat ") && !line.startsWith("\t... ")) {
                lines.add(line.replaceFirst("^java\\.lang\\.AssertionError: ", ""));
            }
        }
        return String.join("\n", lines).strip();
    }

    /**
     * Why the threads did not finish. Lincheck reports two kinds of hang: threads that wait for each other (a lock
     * held by a thread that waits too), and a thread that keeps looping, which it stops after a bounded number of
     * iterations because it cannot tell a long loop from an endless one. Only the first involves a lock.
     */
    private static String hung(String message) {
        if (!message.contains(LOOPING_FOREVER)) {
            return "The threads hung: in the interleaving below each one ends up waiting for something that never"
                    + " comes, typically a lock another thread holds (a deadlock).";
        }
        Matcher loop = LOOP_BEFORE_GIVING_UP.matcher(message);
        String where = loop.find() ? " in " + loop.group(1) : "";
        return "The threads did not finish: a thread kept looping" + where + ", and the model checker stopped it"
                + " there. No thread was waiting for a lock: the checker follows a loop only so far, since it cannot"
                + " tell a long loop from one that never ends. The interleaving below shows how the threads got"
                + " there; it breaks the scenario, which never reached its final check.";
    }

    /** The timeline steps, one string per line, or an empty list when there is no table to read. */
    public static List<String> render(String message) {
        return lines(message).text();
    }

    /** The timeline of Lincheck's short table. */
    static Lines lines(String message) {
        List<Row> rows = parse(message);
        Map<String, Integer> top = new HashMap<>();
        for (Row row : rows) {
            if (!isPlumbing(row)) {
                top.merge(row.thread(), row.depth(), Math::min);
            }
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.isMain()) {
                if (!isPlumbing(row) && row.depth() == top.get("main")) {
                    addUnlessRepeated(out, new Line(row.thread(), row.text(), false, i));
                }
            } else if (row.text().startsWith("switch")) {
                int before = previousInThread(rows, i);
                if (before >= 0 && rows.get(before).depth() > top.getOrDefault(row.thread(), 0)) {
                    out.add(new Line(row.thread(), inside(rows, i - 1, rows.get(before)), false, before));
                }
                out.add(Line.contextSwitch(row.thread(), i));
            } else if (!isPlumbing(row) && row.depth() == top.get(row.thread())) {
                out.add(new Line(row.thread(), row.text(), false, i));
            } else if (!isPlumbing(row) && resumesAfterSwitch(rows, i)) {
                out.add(new Line(row.thread(), inside(rows, i, row), false, i));
            }
        }
        return new Lines(rows, out);
    }

    /** One line of a timeline: a step of {@code thread}, or a context switch away from it; {@code row} is its row. */
    record Line(String thread, String text, boolean contextSwitch, int row) {
        static Line contextSwitch(String thread, int row) {
            return new Line(thread, "<context switch>", true, row);
        }
    }

    /** A timeline: its lines, and the rows of Lincheck's table they stand for. */
    record Lines(List<Row> rows, List<Line> lines) {

        /** One string per line, as the failure message prints them. */
        List<String> text() {
            int width = rows.stream().mapToInt(r -> r.thread().length()).max().orElse(4) + 2;
            List<String> text = new ArrayList<>();
            for (Line line : lines) {
                text.add(line.contextSwitch() ? " ".repeat(width) + line.text()
                        : padded(line.thread() + ":", width) + line.text());
            }
            return text;
        }
    }

    static boolean isPlumbing(Row row) {
        return PLUMBING.matcher(row.text()).matches();
    }

    private static void addUnlessRepeated(List<Line> out, Line line) {
        Line last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last == null || !last.thread().equals(line.thread()) || !last.text().equals(line.text())) {
            out.add(line);
        }
    }

    /** "    inside resize(): threshold = 12": an internal step, named by the call it happens in. */
    private static String inside(List<Row> rows, int index, Row step) {
        for (int j = index - 1; j >= 0; j--) {
            Row r = rows.get(j);
            if (r.thread().equals(step.thread()) && r.depth() == step.depth() - 1 && !r.text().startsWith("switch")) {
                String call = r.text().replaceFirst(":.*$", "").replaceFirst("\\(.*$", "()");
                return "    inside " + call + ": " + step.text();
            }
        }
        return "    inside: " + step.text();
    }

    static String padded(String text, int width) {
        return text + " ".repeat(Math.max(1, width - text.length()));
    }

    /** The index of the thread's previous row, or -1 when there is none or it is a switch too. */
    private static int previousInThread(List<Row> rows, int index) {
        String thread = rows.get(index).thread();
        for (int j = index - 1; j >= 0; j--) {
            if (rows.get(j).thread().equals(thread)) {
                return rows.get(j).text().startsWith("switch") ? -1 : j;
            }
        }
        return -1;
    }

    /** True for the first row a thread runs after it was switched out. */
    private static boolean resumesAfterSwitch(List<Row> rows, int index) {
        String thread = rows.get(index).thread();
        for (int j = index - 1; j >= 0; j--) {
            if (rows.get(j).thread().equals(thread)) {
                return rows.get(j).text().startsWith("switch");
            }
        }
        return false;
    }

    /** One cell of the interleaving table: which thread, how deep in its call tree, what it did. */
    record Row(String thread, int depth, String text, String location) {
        boolean isMain() {
            return thread.equals("main");
        }
    }

    static List<Row> parse(String message) {
        return parse(message, TABLE_START);
    }

    /** The rows of the table that follows {@code title}; rows of the detailed trace lose their source location. */
    static List<Row> parse(String message, String title) {
        int start = message.indexOf(title);
        if (start < 0) {
            return List.of();
        }
        String[] lines = message.substring(start + title.length()).strip().split("\n");
        // lines[0] is a rule, lines[1] the header with the thread names, lines[2] a rule, then the rows.
        if (lines.length < 4) {
            return List.of();
        }
        String header = lines[1];
        List<Integer> bars = new ArrayList<>();
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) == '|') {
                bars.add(i);
            }
        }
        List<String> threads = new ArrayList<>();
        for (int c = 0; c + 1 < bars.size(); c++) {
            String name = header.substring(bars.get(c) + 1, bars.get(c + 1)).strip();
            threads.add(name.equals("Main Thread") ? "main" : name);
        }
        List<Row> rows = new ArrayList<>();
        for (int l = 3; l < lines.length && !lines[l].startsWith("| -"); l++) {
            String line = lines[l];
            if (!line.startsWith("|")) {
                continue; // the rest of a cell whose text had a line break in it
            }
            for (int c = 0; c + 1 < bars.size() && bars.get(c + 1) <= line.length(); c++) {
                String cell = line.substring(bars.get(c) + 1, bars.get(c + 1));
                String text = cell.strip();
                String location = null;
                if (title.equals(DETAILED_START)) {
                    Matcher at = LOCATION.matcher(text);
                    if (at.find()) {
                        location = at.group(1);
                        text = text.substring(0, at.start());
                    }
                }
                if (!text.isEmpty()) {
                    int indent = cell.indexOf(text.charAt(0)) - 1;
                    rows.add(new Row(threads.get(c), Math.max(0, indent / 2), text, location));
                }
            }
        }
        return rows;
    }
}
