package workbook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the surefire reports of one lesson variant say. */
record Outcome(String lesson, int tests, List<Failure> failures, List<String> testNames, double seconds,
        List<String> skipped, List<String> errors, List<String> notRun, Map<String, String> whySkipped) {

    /** The reason tools/runner gives a test that fail fast left out. */
    static final String NOT_RUN = workbook.runner.Protocol.NOT_RUN;

    /** Failure types that mean "the harness stopped or rethrew", i.e. the exercise failed for the wrong reason. */
    static final Set<String> WRONG_REASONS = Set.of(Outcome.WORKERS_STUCK, "workbook.harness.stress.WorkerFailed",
            "workbook.harness.stress.WorkersTooSlow");

    /** The failure type of a stress run stopped as stuck: nothing advanced (see Fix's "Stuck in"). */
    static final String WORKERS_STUCK = "workbook.harness.stress.WorkersStuck";

    static Outcome broken(String lesson, List<String> compileErrors) {
        return new Outcome(lesson, 0, List.of(), List.of(), 0, List.of(), compileErrors, List.of(), Map.of());
    }

    static Outcome read(String lesson, String variant) throws Exception {
        return read(lesson, Workspace.surefireReports(lesson, variant));
    }

    static Outcome read(String lesson, Path reports) throws Exception {
        int tests = 0;
        double seconds = 0;
        List<Failure> failures = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        Map<String, String> whySkipped = new LinkedHashMap<>();
        if (Files.isDirectory(reports)) {
            List<Path> xmls;
            try (Stream<Path> files = Files.list(reports)) {
                xmls = files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).sorted()
                        .collect(Collectors.toList());
            }
            for (Path xml : xmls) {
                Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
                Element suite = doc.getDocumentElement();
                seconds += Double.parseDouble(suite.getAttribute("time").replace(",", ""));
                NodeList cases = suite.getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    Element c = (Element) cases.item(i);
                    tests++;
                    String test = c.getAttribute("name");
                    names.add(test);
                    NodeList skip = c.getElementsByTagName("skipped");
                    if (skip.getLength() > 0) {
                        String why = ((Element) skip.item(0)).getAttribute("message");
                        if (why.equals(NOT_RUN)) {
                            notRun.add(test);
                        } else {
                            skipped.add(test);
                            whySkipped.put(test, why.isBlank() ? "no reason given" : why.strip());
                        }
                    }
                    for (String kind : List.of("failure", "error")) {
                        NodeList problems = c.getElementsByTagName(kind);
                        if (problems.getLength() > 0) {
                            Element f = (Element) problems.item(0);
                            String message = f.getAttribute("message").isEmpty() ? f.getTextContent()
                                    : f.getAttribute("message");
                            failures.add(new Failure(test, f.getAttribute("type"), message,
                                    kind.equals("error")));
                        }
                    }
                }
            }
        }
        return new Outcome(lesson, tests, failures, names, seconds, skipped, List.of(), notRun, whySkipped);
    }

    boolean compiled() {
        return tests > 0;
    }

    /** Solved: no test failed and at least one passed. A skipped test proves nothing, so it never counts as passed. */
    boolean passed() {
        return failures.isEmpty() && passedCount() > 0;
    }

    /** The tests that ran and passed: not the failed ones, not those skipped, not those fail fast left out. */
    int passedCount() {
        return tests - failures.size() - notRun.size() - skipped.size();
    }

    /** What a test's report says of it: passed, failed (an assertion), error, skipped or notRun (fail fast). */
    String status(String test) {
        for (Failure f : failures) {
            if (f.test().equals(test)) {
                return f.isError() ? "error" : "failed";
            }
        }
        return notRun.contains(test) ? "notRun" : skipped.contains(test) ? "skipped" : "passed";
    }

    /** As the progress table shows it: solved, failing, or broken (nothing ran). */
    String state() {
        // Not graded: every test skipped on this JDK, or none ran although the code compiled (Grading.whyNotGraded).
        return passed() ? "solved" : !Grading.whyNotGraded(this).isEmpty() ? "not graded" : compiled() ? "failing"
                : "broken";
    }

    /** Right when the exercise fails as intended: every failure a race assertion. */
    Verdict failsForTheRightReason() {
        if (tests == 0) {
            return Verdict.wrong("did not compile or ran no tests");
        }
        if (failures.isEmpty()) {
            return Verdict.wrong("PASSES: all " + tests + " tests are green on the unfixed exercise");
        }
        List<String> wrong = new ArrayList<>();
        for (Failure f : failures) {
            if (f.isError()) {
                wrong.add(f.test() + " ended with an error (" + f.type() + "), not an assertion");
            } else if (WRONG_REASONS.contains(f.type())) {
                wrong.add(f.test() + " failed with " + Text.simpleName(f.type()) + " (harness), not a race assertion");
            }
        }
        return wrong.isEmpty() ? Verdict.RIGHT : Verdict.wrong(String.join("; ", wrong));
    }
}
