package workbook.harness.modelcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.harness.modelcheck.Timeline.Line;
import workbook.harness.modelcheck.Timeline.Row;

/**
 * A {@link Timeline} that also lists the steps inside each thread's call, for races between two steps of one method
 * (check-then-act). Each thread's first call is followed by the calls that method makes itself, loops looked through:
 *
 * <pre>
 *   Thread 1: remover.removeShare(1): threw NoSuchElementException
 *   Thread 1:     keys.get(0): 1
 *   Thread 1:     shared.containsKey(1): true
 *   Thread 1:     pop(1) …
 *             &lt;context switch&gt;
 *   Thread 2: remover.removeShare(1): ArrayList#2
 *   Thread 2:     shared.containsKey(1): true
 *   Thread 2:     pop(1): 1
 *   Thread 1:     … pop(1): threw NoSuchElementException
 * </pre>
 *
 * A step that a context switch interrupts is shown twice: as "pop(1) …" where it starts, and with its result where
 * the thread resumes; the JDK internals it was in the middle of are left to the full trace. A switch outside any step
 * is shown as in {@link Timeline}, with the internal row before it and after it. The steps of threads that ran
 * without a switch come from Lincheck's detailed trace, because its short table folds such calls into one line.
 */
public final class StepTimeline {

    /** Rows that only group a loop's iterations; steps are looked for through them. */
    private static final Pattern LOOPING = Pattern.compile("^(loop\\(|<iteration).*");

    /** "pop(1): threw NoSuchElementException" has the call "pop(1)". */
    private static final Pattern CALL = Pattern.compile("^(.*?\\))(?=: |$)");

    private StepTimeline() {
    }

    /** The timeline, one string per line, or an empty list when Lincheck's output has no table to read. */
    public static List<String> render(String message) {
        return lines(message).text();
    }

    /** The timeline, from Lincheck's detailed trace when there is one. */
    static Timeline.Lines lines(String message) {
        List<Row> rows = Timeline.parse(message, Timeline.DETAILED_START);
        if (rows.isEmpty()) {
            rows = Timeline.parse(message);
        }
        Map<String, Integer> top = new HashMap<>();
        for (Row row : rows) {
            if (!Timeline.isPlumbing(row)) {
                top.merge(row.thread(), row.depth(), Math::min);
            }
        }
        int[] stepOf = stepOf(rows, top);
        boolean[] interrupted = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            if (isSwitch(rows.get(i)) && stepOf[i] >= 0) {
                interrupted[stepOf[i]] = true;
            }
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            boolean topLevel = !Timeline.isPlumbing(row) && row.depth() == top.get(row.thread());
            if (row.isMain()) {
                Line last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (topLevel && (last == null || !last.thread().equals("main") || !last.text().equals(row.text()))) {
                    out.add(new Line(row.thread(), row.text(), false, i));
                }
            } else if (isSwitch(row)) {
                int before = previousInThread(rows, i);
                boolean deeper = before >= 0 && rows.get(before).depth() > top.getOrDefault(row.thread(), 0);
                if (deeper && stepOf[before] < 0) {
                    out.add(new Line(row.thread(), "    " + inside(rows, before), false, before));
                }
                out.add(Line.contextSwitch(row.thread(), i));
            } else if (topLevel) {
                out.add(new Line(row.thread(), row.text(), false, i));
            } else if (stepOf[i] == i) {
                out.add(new Line(row.thread(), "    " + (interrupted[i] ? call(row.text()) + " …" : row.text()),
                        false, i));
            } else if (resumes(rows, i)) {
                if (stepOf[i] >= 0) {
                    out.add(new Line(row.thread(), "    … " + rows.get(stepOf[i]).text(), false, i));
                } else if (!Timeline.isPlumbing(row)) {
                    out.add(new Line(row.thread(), "    " + inside(rows, i), false, i));
                }
            }
        }
        return new Timeline.Lines(rows, out);
    }

    /**
     * For each row, the index of the step it belongs to (itself, when it is a step), or -1. A step is a row that
     * each thread's first top-level call makes itself; the test's own bookkeeping after that call keeps its steps
     * hidden.
     */
    private static int[] stepOf(List<Row> rows, Map<String, Integer> top) {
        int[] stepOf = new int[rows.size()];
        Map<String, Integer> firstCall = new HashMap<>();
        Map<String, List<Integer>> open = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            stepOf[i] = -1;
            if (row.isMain()) {
                continue;
            }
            if (!Timeline.isPlumbing(row) && row.depth() == top.get(row.thread())) {
                firstCall.putIfAbsent(row.thread(), i);
            }
            List<Integer> chain = open.computeIfAbsent(row.thread(), t -> new ArrayList<>());
            while (!chain.isEmpty() && rows.get(chain.get(chain.size() - 1)).depth() >= row.depth()) {
                chain.remove(chain.size() - 1);
            }
            int caller = callerOf(rows, chain);
            if (caller >= 0 && caller == firstCall.getOrDefault(row.thread(), -1)) {
                stepOf[i] = Timeline.isPlumbing(row) ? -1 : i;
            } else if (!chain.isEmpty()) {
                stepOf[i] = stepOf[chain.get(chain.size() - 1)];
            }
            if (!isSwitch(row)) {
                chain.add(i);
            }
        }
        return stepOf;
    }

    /** The innermost open row that is a call rather than a loop or an iteration, or -1. */
    private static int callerOf(List<Row> rows, List<Integer> chain) {
        for (int j = chain.size() - 1; j >= 0; j--) {
            if (!LOOPING.matcher(rows.get(chain.get(j)).text()).matches()) {
                return chain.get(j);
            }
        }
        return -1;
    }

    /** "inside replaceNode(): table ➜ Array&lt;Node&gt;#1": an internal row, named by the call it happens in. */
    private static String inside(List<Row> rows, int index) {
        Row row = rows.get(index);
        int depth = row.depth() - 1;
        for (int j = index - 1; j >= 0; j--) {
            Row r = rows.get(j);
            if (!r.thread().equals(row.thread()) || r.depth() != depth || isSwitch(r)) {
                continue;
            }
            if (LOOPING.matcher(r.text()).matches()) {
                depth--;
                continue;
            }
            return "inside " + call(r.text()).replaceFirst("\\(.*$", "()") + ": " + row.text();
        }
        return "inside: " + row.text();
    }

    private static String call(String text) {
        Matcher m = CALL.matcher(text);
        return m.find() ? m.group(1) : text;
    }

    private static boolean isSwitch(Row row) {
        return row.text().startsWith("switch");
    }

    /** The thread's previous row, or -1 when there is none or it is a switch too. */
    private static int previousInThread(List<Row> rows, int index) {
        String thread = rows.get(index).thread();
        for (int j = index - 1; j >= 0; j--) {
            if (rows.get(j).thread().equals(thread)) {
                return isSwitch(rows.get(j)) ? -1 : j;
            }
        }
        return -1;
    }

    /** True for the first row a thread runs after it was switched out. */
    private static boolean resumes(List<Row> rows, int index) {
        int previous = index - 1;
        while (previous >= 0 && !rows.get(previous).thread().equals(rows.get(index).thread())) {
            previous--;
        }
        return previous >= 0 && isSwitch(rows.get(previous));
    }
}
