package workbook.harness.modelcheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.harness.modelcheck.Timeline.Line;
import workbook.harness.modelcheck.Timeline.Lines;
import workbook.harness.modelcheck.Timeline.Row;
import workbook.harness.picture.CallMarks;
import workbook.harness.picture.Mark;
import workbook.harness.picture.Pictures;
import workbook.harness.picture.Race;
import workbook.harness.picture.RaceStep;

/**
 * A model-checked failure as a {@link Race}, from the lines of its text timeline: the steps, the switches, the JDK
 * internals each step folds. From Lincheck's detailed trace, which names the source line of every call, it marks
 * where in the student's code each thread was switched out. In a scenario whose threads share one map and nothing
 * else of its kind ({@code oneMap}), it also marks a lost update: the field a thread read before a switch, another
 * thread wrote before it resumed (stale), and it then wrote over (lost). The trace names a field without its object
 * ({@code table ➜ null}), so with two maps, or two locks, one {@code table} could be another's.
 */
final class InterleavingPicture {

    /** "Class.method(File.java:12)": the file and line. */
    private static final Pattern SOURCE = Pattern.compile("\\(([\\w$]+)\\.java:(\\d+)\\)$");
    /** "table ➜ null" is a read of table, "size = 2" a write of size; "Array<Node>#1[1] = Node#2" one of a slot. */
    private static final Pattern ACCESS = Pattern.compile("^([\\w$.]+|[\\w$<>]+#\\d+\\[\\d+]) (➜|=) (.*)$");
    private static final int MOST_FOLDED = 60;

    private InterleavingPicture() {
    }

    static Race of(String scenarioName, String lincheckMessage, Lines timeline, boolean oneMap, Pictures.Test test,
            Path fullTrace) {
        List<Row> detailed = Timeline.parse(lincheckMessage, Timeline.DETAILED_START);
        Map<String, List<List<Mark>>> beforeSwitch = new HashMap<>();
        Map<String, List<List<Mark>>> afterSwitch = new HashMap<>();
        for (String thread : detailed.stream().map(Row::thread).distinct().filter(t -> !t.equals("main")).toList()) {
            List<Integer> switches = new ArrayList<>();
            for (int i = 0; i < detailed.size(); i++) {
                if (detailed.get(i).thread().equals(thread) && isSwitch(detailed.get(i))) {
                    switches.add(i);
                }
            }
            for (int k = 0; k < switches.size(); k++) {
                int start = k == 0 ? 0 : switches.get(k - 1);
                int end = k + 1 < switches.size() ? switches.get(k + 1) : detailed.size();
                beforeSwitch.computeIfAbsent(thread, t -> new ArrayList<>())
                        .add(before(detailed, thread, start, switches.get(k), end, oneMap, test));
                afterSwitch.computeIfAbsent(thread, t -> new ArrayList<>())
                        .add(oneMap ? after(detailed, thread, switches.get(k), end) : List.of());
            }
        }
        List<Line> lines = timeline.lines();
        List<List<Mark>> marks = new ArrayList<>();
        lines.forEach(l -> marks.add(new ArrayList<>()));
        Map<String, Integer> switchesSoFar = new HashMap<>();
        Map<String, Integer> lastStep = new HashMap<>();
        Map<String, Integer> resumedAfter = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.contextSwitch()) {
                int k = switchesSoFar.merge(line.thread(), 1, Integer::sum) - 1;
                Integer last = lastStep.get(line.thread());
                List<List<Mark>> found = beforeSwitch.getOrDefault(line.thread(), List.of());
                if (last != null && k < found.size()) {
                    marks.get(last).addAll(found.get(k));
                }
                resumedAfter.put(line.thread(), k);
            } else {
                lastStep.put(line.thread(), i);
                Integer k = resumedAfter.remove(line.thread());
                List<List<Mark>> found = afterSwitch.getOrDefault(line.thread(), List.of());
                if (k != null && k < found.size()) {
                    marks.get(i).addAll(found.get(k));
                }
            }
        }
        List<RaceStep> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.contextSwitch()) {
                steps.add(RaceStep.contextSwitch(line.thread(), nextThread(lines, i)));
            } else {
                steps.add(RaceStep.step(line.thread(), line.text(), line.text().startsWith(" ") ? 1 : 0,
                        marks.get(i), folded(timeline, i)));
            }
        }
        return new Race(scenarioName, Timeline.complaint(lincheckMessage), CallMarks.mark(steps, false),
                fullTrace == null ? null : fullTrace.toString());
    }

    /** Where the thread was in the student's code when it was switched out at row {@code at}, and its stale read. */
    private static List<Mark> before(List<Row> rows, String thread, int start, int at, int end, boolean oneMap,
            Pictures.Test test) {
        List<Mark> marks = new ArrayList<>();
        int depth = Integer.MAX_VALUE;
        for (int j = at - 1; j >= 0; j--) {
            Row row = rows.get(j);
            if (!row.thread().equals(thread) || isSwitch(row) || row.depth() >= depth) {
                continue;
            }
            depth = row.depth();
            Matcher source = row.location() == null ? null : SOURCE.matcher(row.location());
            if (source != null && source.find() && isStudents(source.group(1), test.studentClasses())) {
                String file = source.group(1) + ".java";
                int line = Integer.parseInt(source.group(2));
                String quoted = test.exerciseLine(file, line).map(code -> " (" + code + ")").orElse("");
                marks.add(new Mark(Mark.Kind.YOUR_CODE, thread + " was switched out inside " + call(row.text())
                        + ", called from this line" + quoted, file + ":" + line));
                break;
            }
        }
        if (!oneMap) {
            return marks;
        }
        // Only the read of the field the thread then writes over blindly (a lost update): a read of something else
        // another thread wrote may be harmless bookkeeping, such as a test lock's hold count.
        String overwritten = overwritten(rows, thread, at, end);
        Map<String, String> written = writtenByOthers(rows, thread, at, end);
        int stale = -1;
        for (int j = at - 1; j > start && stale < 0; j--) {
            Matcher read = ACCESS.matcher(rows.get(j).text());
            if (rows.get(j).thread().equals(thread) && read.matches() && read.group(2).equals("➜")
                    && read.group(1).equals(overwritten)) {
                stale = j;
            }
        }
        if (stale >= 0) {
            Matcher read = ACCESS.matcher(rows.get(stale).text());
            read.matches();
            marks.add(new Mark(Mark.Kind.STALE_READ, thread + " read " + rows.get(stale).text() + " before the"
                    + " switch; then " + written.get(read.group(1)) + ", so what it read was out of date when it"
                    + " resumed"));
        }
        return marks;
    }

    /** The first write of the thread after it resumed over a field another thread wrote while it was switched out. */
    private static List<Mark> after(List<Row> rows, String thread, int at, int end) {
        int j = overwriting(rows, thread, at, end);
        if (j < 0) {
            return List.of();
        }
        Matcher access = ACCESS.matcher(rows.get(j).text());
        access.matches();
        return List.of(new Mark(Mark.Kind.LOST_WRITE, thread + " wrote " + rows.get(j).text() + " over what "
                + writtenByOthers(rows, thread, at, end).get(access.group(1)).replaceFirst(" wrote ", " had written: ")
                + "; that write is lost"));
    }

    /** The field of {@link #overwriting}'s row, or null. */
    private static String overwritten(List<Row> rows, String thread, int at, int end) {
        int j = overwriting(rows, thread, at, end);
        if (j < 0) {
            return null;
        }
        Matcher access = ACCESS.matcher(rows.get(j).text());
        return access.matches() ? access.group(1) : null;
    }

    /**
     * The row where the thread, after it resumed from the switch at row {@code at}, first writes a field that another
     * thread wrote while it was switched out, without reading it afresh first; -1 when it writes none.
     */
    private static int overwriting(List<Row> rows, String thread, int at, int end) {
        Map<String, String> written = writtenByOthers(rows, thread, at, end);
        for (int j = at + 1; j < end; j++) {
            Matcher access = ACCESS.matcher(rows.get(j).text());
            if (!rows.get(j).thread().equals(thread) || !access.matches()) {
                continue;
            }
            if (access.group(2).equals("➜")) {
                written.remove(access.group(1)); // read afresh: what it writes next is not blind
            } else if (written.containsKey(access.group(1))) {
                return j;
            }
        }
        return -1;
    }

    /** "Thread 2 wrote table = Array#2" per field that other threads wrote between the switch and the resume. */
    private static Map<String, String> writtenByOthers(List<Row> rows, String thread, int at, int end) {
        Map<String, String> written = new HashMap<>();
        for (int j = at + 1; j < end && !rows.get(j).thread().equals(thread); j++) {
            Matcher write = ACCESS.matcher(rows.get(j).text());
            if (write.matches() && write.group(2).equals("=") && !rows.get(j).isMain()) {
                written.put(write.group(1), rows.get(j).thread() + " wrote " + rows.get(j).text());
            }
        }
        return written;
    }

    private static boolean isStudents(String className, Path studentClasses) {
        return studentClasses != null && Files.exists(studentClasses.resolve(className + ".class"));
    }

    private static String call(String text) {
        return text.replaceFirst(": [^()]*$", "");
    }

    private static boolean isSwitch(Row row) {
        return row.text().startsWith("switch");
    }

    private static String nextThread(List<Line> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (!lines.get(j).contextSwitch()) {
                return lines.get(j).thread().equals(lines.get(i).thread()) ? null : lines.get(j).thread();
            }
        }
        return null;
    }

    /** The rows of line {@code i}'s thread after its row, up to the row of its next line: what the text leaves out. */
    private static List<String> folded(Lines timeline, int i) {
        Line line = timeline.lines().get(i);
        int next = timeline.rows().size();
        for (int j = i + 1; j < timeline.lines().size(); j++) {
            if (timeline.lines().get(j).thread().equals(line.thread())) {
                next = timeline.lines().get(j).row();
                break;
            }
        }
        List<String> folded = new ArrayList<>();
        int base = timeline.rows().get(line.row()).depth();
        for (int j = line.row() + 1; j < next && folded.size() < MOST_FOLDED; j++) {
            Row row = timeline.rows().get(j);
            if (row.thread().equals(line.thread()) && !isSwitch(row) && !Timeline.isPlumbing(row)) {
                folded.add("  ".repeat(Math.max(0, row.depth() - base - 1)) + row.text());
            }
        }
        return folded;
    }
}
