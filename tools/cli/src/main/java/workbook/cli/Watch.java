package workbook.cli;

import java.io.IOException;
import java.util.List;

/**
 * The watch command: re-runs the current lesson's tests on every save, up to the first failing test.
 */
final class Watch {

    /**
     * Re-runs a lesson's tests on every save under its src/main/java and prints the verdict; moves on to the next
     * unsolved lesson when it turns green. The first run of a lesson runs every test; a run after a save stops at the
     * lesson's first failing test (fail fast): the verdict is the same, and a student who is still fixing that
     * failure gets it sooner. Reads h (next hint), r (run every test), o (open the newest picture of a race,
     * {@link NewestPicture}) and q (quit) from standard input, and goes on watching when standard input ends.
     */
    static int run(List<String> args) throws Exception {
        List<String> lessons = Workspace.lessons();
        String lesson = args.isEmpty() ? null : Workspace.lessonNamed(args);
        if (!args.isEmpty() && lesson == null) {
            return 2;
        }
        if (lesson == null) {
            lesson = Progress.firstUnsolved(RememberedProgress.currentOutcomes(lessons, false, false));
            if (lesson == null) {
                System.out.println(Progress.ALL_DONE);
                return 0;
            }
        }
        PreparedRunner runner = PreparedRunner.prepare();
        java.util.concurrent.BlockingQueue<String> typed = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread keyboard = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in))) {
                for (String line; (line = in.readLine()) != null; ) {
                    typed.add(line.strip());
                }
            } catch (IOException ignored) {
                // Standard input is gone: go on watching the files.
            }
        }, "watch-keyboard");
        keyboard.setDaemon(true);
        keyboard.start();
        TestJvm ready = null;
        while (true) {
            Variant v = Variant.exercise(lesson);
            System.out.println();
            System.out.println("Watching " + lesson + "/src/main/java (README: " + lesson + "/README.md)."
                    + " Save to re-run (up to the first failing test); h + Enter: next hint, r: run every test,"
                    + " o: open the newest picture, q: quit.");
            String seen = null;
            boolean everyTest = true; // the first run of a lesson shows every failure, with the timelines; so does r
            while (true) {
                String now = FileTrees.fingerprint(v.sources());
                if (everyTest || !now.equals(seen)) {
                    seen = now;
                    System.out.println("\n--- " + java.time.LocalTime.now().withNano(0) + " running " + lesson
                            + (everyTest ? ", every test" : "") + "…");
                    Outcome o = FastPath.run(v, runner, null, ready, !everyTest);
                    everyTest = false;
                    RememberedProgress.remember(v, o);
                    System.out.println(Progress.report(o));
                    if (o.passed()) {
                        break;
                    }
                    if (ready == null || !ready.isFor(v, null)) {
                        // Warms up while the student reads and edits; the next save only compiles and says go.
                        ready = TestJvm.start(v, runner, null);
                    }
                }
                String command = typed.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (command == null) {
                    continue;
                }
                switch (command) {
                    case "q" -> {
                        if (ready != null) {
                            ready.discard();
                        }
                        return 0;
                    }
                    case "r" -> everyTest = true;
                    case "h" -> StudentCommands.hint(List.of(lesson));
                    case "o" -> NewestPicture.open(lesson);
                    case "" -> { }
                    default -> System.out.println("h: next hint, r: run every test, o: open the newest picture,"
                            + " q: quit");
                }
            }
            String next = Progress.firstUnsolved(RememberedProgress.currentOutcomes(lessons, true, false));
            if (next == null) {
                System.out.println("\n" + Progress.ALL_DONE);
                return 0;
            }
            System.out.println("\n" + lesson + " is solved. Next: " + next + " (read " + next + "/README.md).");
            lesson = next;
        }
    }
}
