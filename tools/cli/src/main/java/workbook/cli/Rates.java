package workbook.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rates command: over N runs, how often each exercise fails on its race assertion, each solution passes, and
 * (with --fixes) each wrong fix is caught by the tests it names and each right fix passes. Every run is a fresh test
 * JVM through the fast path, which check proves agrees with Maven; --cpus pins it with taskset.
 */
final class Rates {

    /** One thing to run N times, and how a single run is judged. */
    private record Subject(String label, Variant variant, Judge judge) {
    }

    @FunctionalInterface
    private interface Judge {
        Verdict verdict(Outcome o) throws Exception;
    }

    static int run(List<String> args) throws Exception {
        int runs = 10;
        String cpus = null;
        boolean fixes = false;
        List<String> lessons = Workspace.lessons();
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--runs" -> runs = Integer.parseInt(args.get(++i));
                case "--cpus" -> cpus = args.get(++i);
                case "--lessons" -> lessons = List.of(args.get(++i).split(","));
                case "--fixes" -> fixes = true;
                case "--only" -> only.addAll(List.of(args.get(++i).split(",")));
                default -> {
                    System.err.println("rates [--runs N] [--cpus LIST] [--lessons a,b] [--fixes] [--only label,…]");
                    return 2;
                }
            }
        }
        List<Subject> subjects = subjects(lessons, fixes).stream()
                .filter(s -> only.isEmpty() || only.contains(s.label())).toList();
        PreparedRunner runner = PreparedRunner.prepare();
        Map<Subject, List<Verdict>> verdicts = new LinkedHashMap<>();
        Map<Subject, List<Double>> seconds = new LinkedHashMap<>();
        Map<String, Integer> exerciseFailuresPerTest = new LinkedHashMap<>();
        for (int r = 1; r <= runs; r++) {
            System.out.printf("run %d/%d%s%n", r, runs, cpus == null ? "" : " on CPU " + cpus);
            for (Subject s : subjects) {
                Outcome o = FastPath.runFast(List.of(s.variant()), runner, cpus).get(s.variant());
                verdicts.computeIfAbsent(s, k -> new ArrayList<>()).add(s.judge().verdict(o));
                seconds.computeIfAbsent(s, k -> new ArrayList<>()).add(o.seconds());
                if (s.variant().kind() == Variant.Kind.EXERCISE) {
                    o.testNames().forEach(t -> exerciseFailuresPerTest.putIfAbsent(s.variant().lesson() + " " + t, 0));
                    o.failures().forEach(f -> exerciseFailuresPerTest.merge(s.variant().lesson() + " " + f.test(), 1,
                            Integer::sum));
                }
            }
        }
        System.out.println();
        System.out.printf("Right verdicts over %d runs, %s, Java %s, load average at the end: %s%n", runs,
                cpus == null ? "all " + Runtime.getRuntime().availableProcessors() + " CPUs"
                        : "pinned with taskset -c " + cpus, System.getProperty("java.version"), Text.loadAverage());
        System.out.printf("  %-60s %-8s %s%n", "what", "right", "median test time");
        for (Subject s : subjects) {
            List<Verdict> v = verdicts.get(s);
            long right = v.stream().filter(Verdict::isRight).count();
            System.out.printf("  %-60s %-8s %s%n", s.label(), right + "/" + v.size(), median(seconds.get(s)));
            v.stream().filter(x -> !x.isRight()).distinct().forEach(x -> System.out.println("      wrong: " + x));
        }
        if (!exerciseFailuresPerTest.isEmpty()) {
            System.out.println();
            System.out.println("Per test, how often the exercise failed it:");
            int total = runs;
            exerciseFailuresPerTest.forEach((test, n) -> System.out.printf("  %-88s %d/%d%n", test, n, total));
        }
        return 0;
    }

    private static List<Subject> subjects(List<String> lessons, boolean fixes) throws Exception {
        List<Subject> subjects = new ArrayList<>();
        for (String lesson : lessons) {
            subjects.add(new Subject(lesson + " exercise fails", Variant.exercise(lesson),
                    Outcome::failsForTheRightReason));
            subjects.add(new Subject(lesson + " solution passes", Variant.solution(lesson), Check::passes));
        }
        if (fixes) {
            for (Fix.Kind kind : Fix.Kind.values()) {
                for (Fix fix : Fix.all(kind)) {
                    if (lessons.contains(fix.lesson())) {
                        subjects.add(new Subject(kind.folder + "/" + fix.lesson() + "/" + fix.name(),
                                fix.toRun(), fix::judge));
                    }
                }
            }
        }
        return subjects;
    }

    private static String median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "%.2f s", sorted.get(sorted.size() / 2));
    }
}
