import java.io.IOException;
import java.util.List;

/**
 * The watch command: re-runs the current lesson's tests on every save.
 */
final class Watch {

    /**
     * Re-runs a lesson's tests on every save under its src/main/java and prints the verdict; moves on to the next
     * unsolved lesson when it turns green. Reads h (next hint), r (re-run) and q (quit) from standard input, and goes
     * on watching when standard input ends.
     */
    static int run(List<String> args) throws Exception {
        List<String> lessons = Workspace.lessons();
        String lesson = args.isEmpty() ? null : Workspace.lessonNamed(args);
        if (!args.isEmpty() && lesson == null) {
            return 2;
        }
        if (lesson == null) {
            lesson = Progress.firstUnsolved(RememberedProgress.currentOutcomes(lessons, false));
            if (lesson == null) {
                System.out.println(Progress.ALL_DONE);
                return 0;
            }
        }
        Runner runner = Runner.prepare();
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
                    + " Save to re-run; h + Enter: next hint, r: re-run, q: quit.");
            String seen = null;
            boolean rerun = true;
            while (true) {
                String now = FileTrees.fingerprint(v.sources());
                if (rerun || !now.equals(seen)) {
                    seen = now;
                    rerun = false;
                    System.out.println("\n--- " + java.time.LocalTime.now().withNano(0) + " running " + lesson + "…");
                    Outcome o = FastPath.run(v, runner, null, ready);
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
                    case "r" -> rerun = true;
                    case "h" -> StudentCommands.hint(List.of(lesson));
                    case "" -> { }
                    default -> System.out.println("h: next hint, r: re-run, q: quit");
                }
            }
            String next = Progress.firstUnsolved(RememberedProgress.currentOutcomes(lessons, true));
            if (next == null) {
                System.out.println("\n" + Progress.ALL_DONE);
                return 0;
            }
            System.out.println("\n" + lesson + " is solved. Next: " + next + " (read " + next + "/README.md).");
            lesson = next;
        }
    }
}
