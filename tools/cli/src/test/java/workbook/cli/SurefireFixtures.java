package workbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Surefire reports written as surefire and tools/runner write them, for outcomes of every kind. */
final class SurefireFixtures {

    /** A test case: its name, and a status of passed, failed, error, skipped or notRun with its message. */
    record Case(String name, String status, String message) {

        static Case passed(String name) {
            return new Case(name, "passed", "");
        }

        static Case failed(String name, String message) {
            return new Case(name, "failed", message);
        }

        static Case skipped(String name, String why) {
            return new Case(name, "skipped", why);
        }

        static Case notRun(String name) {
            return new Case(name, "skipped", Outcome.NOT_RUN);
        }

        String xml() {
            String open = "  <testcase name=\"" + name + "\" classname=\"workbook.lesson01.SharedStoreTest\""
                    + " time=\"0.1\"";
            return switch (status) {
                case "passed" -> open + "/>\n";
                case "failed" -> open + ">\n    <failure message=\"" + escape(message)
                        + "\" type=\"org.opentest4j.AssertionFailedError\">" + escape(message) + "</failure>\n"
                        + "  </testcase>\n";
                case "error" -> open + ">\n    <error message=\"" + escape(message)
                        + "\" type=\"java.lang.IllegalStateException\">" + escape(message) + "</error>\n"
                        + "  </testcase>\n";
                default -> open + ">\n    <skipped message=\"" + escape(message) + "\"/>\n  </testcase>\n";
            };
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace("\n", "&#10;");
        }
    }

    /** The outcome tools/cli reads from a reports folder holding one suite of these cases. */
    static Outcome outcome(Path folder, String lesson, Case... cases) throws Exception {
        Path reports = folder.resolve(lesson + "-" + System.nanoTime());
        Files.createDirectories(reports);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"t\""
                + " time=\"1.5\" tests=\"" + cases.length + "\">\n");
        for (Case c : cases) {
            xml.append(c.xml());
        }
        Files.writeString(reports.resolve("TEST-workbook.SharedStoreTest.xml"), xml.append("</testsuite>\n"));
        return Outcome.read(lesson, reports);
    }

    static Map<String, Outcome> one(Outcome o) {
        return Map.of(o.lesson(), o);
    }

    static void writeString(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
