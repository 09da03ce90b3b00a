import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rates command: how often, over N Maven runs, each exercise fails and each solution passes.
 */
final class Rates {

    static int run(List<String> args) throws Exception {
        int runs = 10;
        String cpus = null;
        List<String> lessons = Workspace.lessons();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--runs" -> runs = Integer.parseInt(args.get(++i));
                case "--cpus" -> cpus = args.get(++i);
                case "--lessons" -> lessons = List.of(args.get(++i).split(","));
                default -> {
                    System.err.println("rates [--runs N] [--cpus LIST] [--lessons a,b]");
                    return 2;
                }
            }
        }
        String modules = String.join(",", lessons);
        System.out.println("Compiling once…");
        Maven.run("rates-compile", List.of("-o", "test-compile", "-pl", modules, "-am"), null);
        Maven.run("rates-compile", List.of("-o", "-Psolutions", "test-compile", "-pl", modules, "-am"), null);

        Map<String, Tally> tallies = new LinkedHashMap<>();
        lessons.forEach(l -> tallies.put(l, new Tally()));
        for (int r = 1; r <= runs; r++) {
            System.out.printf("run %d/%d%s%n", r, runs, cpus == null ? "" : " on CPU " + cpus);
            for (String variant : List.of("exercise", "solution")) {
                List<String> goals = new ArrayList<>(List.of("-o", "test", "-pl", modules, "-am",
                        "-Dmaven.test.failure.ignore=true"));
                if (variant.equals("solution")) {
                    goals.add(0, "-Psolutions");
                }
                Maven.Run run = Maven.run("rates-" + variant, goals, cpus);
                if (!run.log().contains("Tests run:")) {
                    System.out.println(Text.tail(run.log(), 30));
                    System.out.println("No tests ran; see " + Workspace.ROOT.relativize(run.logFile()));
                    return 1;
                }
                for (String lesson : lessons) {
                    tallies.get(lesson).add(variant, Outcome.read(lesson, variant));
                }
            }
        }
        int cores = cpus == null ? Runtime.getRuntime().availableProcessors() : cpus.split("[,-]").length;
        System.out.println();
        System.out.printf("Detection over %d runs, %s, %s%n", runs,
                cpus == null ? "all " + cores + " CPUs" : "pinned with taskset -c " + cpus,
                "Java " + System.getProperty("java.version"));
        System.out.printf("  %-28s %-18s %-18s %-14s %s%n", "lesson", "exercise failed", "solution passed",
                "median (ex.)", "median (sol.)");
        for (String lesson : lessons) {
            Tally t = tallies.get(lesson);
            System.out.printf("  %-28s %-18s %-18s %-14s %s%n", lesson, t.exerciseFailedRight + "/" + runs,
                    t.solutionPassed + "/" + runs, t.median(t.exerciseSeconds), t.median(t.solutionSeconds));
        }
        System.out.println();
        System.out.println("Per test, how often the exercise failed it:");
        int total = runs;
        tallies.forEach((lesson, t) -> t.failuresPerTest.forEach((test, n) ->
                System.out.printf("  %-28s %-60s %d/%d%n", lesson, test, n, total)));
        return 0;
    }

    /** Counts for one lesson across runs. */
    static final class Tally {
        int exerciseFailedRight;
        int solutionPassed;
        final List<Double> exerciseSeconds = new ArrayList<>();
        final List<Double> solutionSeconds = new ArrayList<>();
        final Map<String, Integer> failuresPerTest = new LinkedHashMap<>();

        void add(String variant, Outcome o) {
            if (variant.equals("exercise")) {
                if (o.failsForTheRightReason().isEmpty()) {
                    exerciseFailedRight++;
                }
                exerciseSeconds.add(o.seconds());
                o.testNames().forEach(t -> failuresPerTest.putIfAbsent(t, 0));
                o.failures().forEach(f -> failuresPerTest.merge(f.test(), 1, Integer::sum));
            } else {
                if (o.passed()) {
                    solutionPassed++;
                }
                solutionSeconds.add(o.seconds());
            }
        }

        String median(List<Double> values) {
            if (values.isEmpty()) {
                return "-";
            }
            List<Double> sorted = values.stream().sorted().collect(Collectors.toList());
            return String.format(Locale.ROOT, "%.2f s", sorted.get(sorted.size() / 2));
        }
    }
}
