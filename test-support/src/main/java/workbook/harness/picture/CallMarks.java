package workbook.harness.picture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks what the calls of a timeline show by themselves, whatever made the timeline: a look-up whose answer another
 * thread's write on the same key made stale before the thread went on ({@link Mark.Kind#STALE_READ}), a put that
 * replaced the value another thread had put ({@link Mark.Kind#LOST_WRITE}), and a removal that another thread had
 * already made while this one acted on a stale look-up ({@link Mark.Kind#REPEATED}). A call is read from the step's
 * text as the timeline prints it: {@code counts.put("c", lock #2), replacing lock #1}, {@code pop(1001): 10}.
 *
 * <p>A model checker's timeline names a map by the variable that holds it, and two threads' {@code counter} can be
 * two maps; a lost write is then marked only when the value replaced is one object ({@code ConcurrentHashMap#4}),
 * which no other put can have put. A journal of calls on maps the test named ({@code counts["a"]}) can trust names.
 */
public final class CallMarks {

    private static final Pattern CALL = Pattern.compile(
            "^(?:… )?(?:([\\w\\[\\]\"$.]+)\\.)?(\\w+)\\((.*?)\\)(?: …)?"
                    + "(?:(?::| →) (.*?)|, replacing (.*?))?(?: {3}\\[.*])?$");
    /** How a timeline names one object: {@code ConcurrentHashMap#4}, {@code lock #2}. */
    private static final Pattern ONE_OBJECT = Pattern.compile("[\\w<>]+ ?#\\d+");
    private static final Set<String> READS = Set.of("get", "containsKey", "getOrDefault", "getEntryView");
    private static final Set<String> WRITES = Set.of("put", "remove", "pop", "putIfAbsent", "replace", "compute",
            "computeIfAbsent", "computeIfPresent", "merge", "delete", "set");
    private static final Set<String> REMOVALS = Set.of("remove", "pop", "delete");

    private CallMarks() {
    }

    /** A call in a step: on {@code target} (or none), {@code method} with {@code key} first, what it put and got. */
    record Call(String target, String method, String key, String value, String result) {

        static Call of(String text) {
            Matcher m = CALL.matcher(text.strip());
            if (!m.matches()) {
                return null;
            }
            String[] args = m.group(3).split(", ", 2);
            String result = m.group(4) != null ? m.group(4) : m.group(5);
            return new Call(m.group(1), m.group(2), args[0], args.length > 1 ? args[1] : null, result);
        }

        boolean sameEntry(Call other) {
            return key.equals(other.key) && (target == null || other.target == null || target.equals(other.target));
        }
    }

    /** {@code steps} with the marks these rules find added; the rest as they were. */
    public static List<RaceStep> mark(List<RaceStep> steps, boolean mapsHaveNames) {
        List<List<Mark>> marks = new ArrayList<>();
        steps.forEach(s -> marks.add(new ArrayList<>(s.marks())));
        Map<String, Integer> staleLookUp = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            RaceStep step = steps.get(i);
            Call call = step.contextSwitch() ? null : Call.of(step.text());
            if (call == null || step.lane().equals("main")) {
                continue;
            }
            if (READS.contains(call.method()) && call.result() != null) {
                int started = startOf(steps, i);
                for (int j = started + 1; j < i; j++) {
                    Call other = otherThreadsWrite(steps, j, step.lane(), call);
                    if (other != null) {
                        marks.get(i).add(new Mark(Mark.Kind.STALE_READ, step.lane() + " looked up " + call.key()
                                + " before " + steps.get(j).lane() + "'s " + text(other) + "; this answer no longer"
                                + " held when " + step.lane() + " went on"));
                        staleLookUp.put(step.lane() + " " + call.key(), j);
                        break;
                    }
                }
                if (marks.get(i).stream().noneMatch(m -> m.kind() == Mark.Kind.STALE_READ)) {
                    for (int j = i + 1; j < steps.size() && !nextStepOn(steps, j, step.lane(), call); j++) {
                        Call other = otherThreadsWrite(steps, j, step.lane(), call);
                        if (other != null) {
                            marks.get(i).add(new Mark(Mark.Kind.STALE_READ, steps.get(j).lane() + "'s " + text(other)
                                    + " came after this look-up, before " + step.lane() + " acted on it"));
                            staleLookUp.put(step.lane() + " " + call.key(), j);
                            break;
                        }
                    }
                }
            }
            if (call.method().equals("put") && call.result() != null && !call.result().equals("null")) {
                for (int j = i - 1; j >= 0; j--) {
                    Call earlier = steps.get(j).contextSwitch() ? null : Call.of(steps.get(j).text());
                    if (earlier != null && !steps.get(j).lane().equals(step.lane()) && earlier.method().equals("put")
                            && earlier.sameEntry(call) && call.result().equals(earlier.value())
                            && (mapsHaveNames || ONE_OBJECT.matcher(call.result()).matches())
                            && !sawIt(steps, j, i, step.lane(), call)) {
                        marks.get(i).add(new Mark(Mark.Kind.LOST_WRITE, "this put replaced " + call.result()
                                + ", which " + steps.get(j).lane() + " had put: " + steps.get(j).lane()
                                + "'s write is lost"));
                        break;
                    }
                }
            }
            Integer otherWrite = staleLookUp.get(step.lane() + " " + call.key());
            if (REMOVALS.contains(call.method()) && otherWrite != null && otherWrite < i) {
                Call other = Call.of(steps.get(otherWrite).text());
                if (other != null && other.method().equals(call.method())) {
                    marks.get(i).add(new Mark(Mark.Kind.REPEATED, steps.get(otherWrite).lane()
                            + " had already done " + text(other) + "; " + step.lane()
                            + " does it again on the strength of its stale look-up"));
                }
            }
        }
        List<RaceStep> marked = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            RaceStep s = steps.get(i);
            marked.add(new RaceStep(s.lane(), s.text(), s.contextSwitch(), s.to(), s.depth(), marks.get(i),
                    s.folded()));
        }
        return marked;
    }

    /**
     * Whether {@code lane} read the value its put at {@code i} replaces after another thread had put it (at {@code
     * put}): then it built on that write, and nothing was lost.
     */
    private static boolean sawIt(List<RaceStep> steps, int put, int i, String lane, Call replacing) {
        for (int k = put + 1; k < i; k++) {
            Call read = steps.get(k).contextSwitch() || !steps.get(k).lane().equals(lane) ? null
                    : Call.of(steps.get(k).text());
            if (read != null && READS.contains(read.method()) && read.sameEntry(replacing)
                    && replacing.result().equals(read.result())) {
                return true;
            }
        }
        return false;
    }

    /** The index of the step where the call at {@code i} began: its "… call" resumes a "call …" of the same lane. */
    private static int startOf(List<RaceStep> steps, int i) {
        String text = steps.get(i).text().strip();
        if (!text.startsWith("… ")) {
            return i;
        }
        for (int j = i - 1; j >= 0; j--) {
            if (steps.get(j).lane().equals(steps.get(i).lane()) && !steps.get(j).contextSwitch()) {
                return steps.get(j).text().strip().endsWith(" …") ? j : i;
            }
        }
        return i;
    }

    private static Call otherThreadsWrite(List<RaceStep> steps, int j, String lane, Call read) {
        RaceStep s = steps.get(j);
        if (s.contextSwitch() || s.lane().equals(lane) || s.lane().equals("main") || s.text().strip().endsWith(" …")) {
            return null;
        }
        Call other = Call.of(s.text());
        return other != null && WRITES.contains(other.method()) && other.sameEntry(read) ? other : null;
    }

    /** True when step {@code j} is {@code lane}'s next call on the entry {@code read} looked up. */
    private static boolean nextStepOn(List<RaceStep> steps, int j, String lane, Call read) {
        RaceStep s = steps.get(j);
        Call call = s.contextSwitch() || !s.lane().equals(lane) ? null : Call.of(s.text());
        return call != null && call.sameEntry(read);
    }

    private static String text(Call call) {
        return (call.target() == null ? "" : call.target() + ".") + call.method() + "(" + call.key()
                + (call.value() == null ? "" : ", " + call.value()) + ")";
    }
}
