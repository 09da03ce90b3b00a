package workbook.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Every picture the exercises' tests drew (a failing test draws one per race: {@code target/exercise/pictures} in the
 * lesson, or the fast path's {@code target/workbook/fast/exercise/<lesson>/pictures}), loaded in headless
 * Chromium: the page renders with no console error, and shows what the facts file beside it says, counted and read
 * from the page as a person sees it (the lanes, the context switches, the lines marked as the student's code). A
 * screenshot of each goes to {@code target/pictures-screenshots}.
 */
class PicturesInABrowserTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = Path.of("target", "pictures-screenshots");
    /**
     * Chromium and its driver: the environment's CHROME_BIN and CHROMEDRIVER where set, else where Debian's packages,
     * Ubuntu's snap or a GitHub runner (google-chrome, $CHROMEWEBDRIVER) put them.
     */
    private static final Optional<Path> CHROMIUM = firstExecutable(System.getenv("CHROME_BIN"), "/usr/bin/chromium",
            "/usr/bin/chromium-browser", "/snap/bin/chromium", "/usr/bin/google-chrome");
    private static final Optional<Path> CHROMEDRIVER = firstExecutable(System.getenv("CHROMEDRIVER"),
            "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver", "/snap/bin/chromium.chromedriver",
            System.getenv("CHROMEWEBDRIVER") == null ? null : System.getenv("CHROMEWEBDRIVER") + "/chromedriver");
    /** The lessons whose exercises must have drawn a picture by the time this runs. */
    static final List<String> DRAWN = List.of("lesson01-atomic-puts", "lesson04-check-then-remove",
            "lesson07-per-key-counters", "lesson08-cluster-counters");

    private static ChromeDriver browser;

    @BeforeAll
    static void startTheBrowser() throws IOException {
        String missing = "no Chromium and chromedriver here (CHROME_BIN and CHROMEDRIVER, or the usual places: found "
                + CHROMIUM.map(Path::toString).orElse("no browser") + ", "
                + CHROMEDRIVER.map(Path::toString).orElse("no driver") + "); apt-get install chromium chromium-driver,"
                + " as .ci/run does";
        // In CI a picture check that cannot run is a failure, not a skip: CI must prove the pictures.
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(CHROMIUM.isPresent() && CHROMEDRIVER.isPresent(), missing);
        }
        Assumptions.assumeTrue(CHROMIUM.isPresent() && CHROMEDRIVER.isPresent(), "skipped: " + missing);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("pictures-check-chromium"), "--window-size=1200,1500");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.get().toFile())
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    private static Optional<Path> firstExecutable(String... candidates) {
        return java.util.Arrays.stream(candidates).filter(java.util.Objects::nonNull).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }

    @AfterAll
    static void endTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyLessonThatDrawsHasDrawnItsExercisesRace() {
        List<String> missing = DRAWN.stream().filter(lesson -> pictures().stream()
                .noneMatch(p -> p.startsWith(ROOT.resolve(lesson).resolve("target/exercise")))).toList();
        assertTrue(missing.isEmpty(), "no picture from the exercise of " + missing + " under <lesson>/target/exercise"
                + "/pictures: run their tests first (./mvnw test -pl <lesson> -am), as .ci/run's self-check does");
    }

    @Test
    void lesson06sGrowthChartWasDrawn() throws IOException {
        assertFalse(growthCharts().stream().noneMatch(p -> p.toString().contains("lesson06-fine-lock")),
                "no growth chart of lesson 06 under target/workbook/fast/*/lesson06-fine-lock/pictures: run"
                        + " java tools/Workbook.java check (its wrong fix shared-list-remove-first draws it) first");
    }

    @TestFactory
    Stream<DynamicTest> everyPictureShowsWhatItsFactsSay() {
        return pictures().stream().map(picture -> DynamicTest.dynamicTest(ROOT.relativize(picture).toString(),
                picture.toUri(), () -> check(picture)));
    }

    private static void check(Path picture) throws IOException {
        Map<String, Object> facts = new Json().toType(Files.readString(factsOf(picture), StandardCharsets.UTF_8),
                Json.MAP_TYPE);
        browser.get(picture.toUri().toString());
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(screenshotName(picture)), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(errors.isEmpty(), picture + ": console errors " + errors);
        assertFalse(browser.getTitle().isBlank(), picture + ": no title");
        @SuppressWarnings("unchecked")
        Map<String, Number> counts = (Map<String, Number>) facts.get("count");
        counts.forEach((selector, expected) -> assertEquals(expected.intValue(),
                browser.findElements(By.cssSelector(selector)).size(),
                picture + ": the number of \"" + selector + "\" (" + what(facts, selector) + ")"));
        @SuppressWarnings("unchecked")
        Map<String, List<String>> texts = (Map<String, List<String>>) facts.get("texts");
        texts.forEach((selector, expected) -> assertEquals(expected,
                browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList(),
                picture + ": the text of \"" + selector + "\" (" + what(facts, selector) + ")"));
    }

    private static String what(Map<String, Object> facts, String selector) {
        Object what = facts.get("what") instanceof Map<?, ?> m ? m.get(selector) : null;
        return what == null ? "as the facts file says" : what.toString();
    }

    /** "lesson01-atomic-puts.exercise.SharedStoreTest.noInterleavingLosesAPut.png", fast path's with "-fast". */
    private static String screenshotName(Path picture) {
        Path rel = ROOT.relativize(picture);
        String name = picture.getFileName().toString().replaceFirst("\\.html$", ".png");
        if (rel.startsWith("target")) { // target/workbook/fast/<variant>/<lesson>/pictures/x.html
            return rel.getName(4) + "." + rel.getName(3) + "-fast." + name;
        }
        return rel.getName(0) + "." + rel.getName(2) + "." + name; // <lesson>/target/<variant>/pictures/x.html
    }

    static Path factsOf(Path picture) {
        return picture.resolveSibling(picture.getFileName().toString().replaceFirst("\\.html$", ".json"));
    }

    /**
     * Every picture of an exercise with a facts file: Maven's, in each lesson, and the fast path's; and every growth
     * chart that check's runs of the fixes drew (lesson 06's exercise fails on its work budget before its chart is
     * drawn, so the chart comes from the wrong fix that check runs pinned: shared-list-remove-first).
     */
    static List<Path> pictures() {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> lessons = Files.list(ROOT)) {
            for (Path lesson : lessons.filter(d -> d.getFileName().toString().startsWith("lesson")).sorted().toList()) {
                found.addAll(htmlIn(lesson.resolve("target/exercise/pictures")));
                found.addAll(htmlIn(ROOT.resolve("target/workbook/fast/exercise").resolve(lesson.getFileName())
                        .resolve("pictures")));
            }
            found.addAll(growthCharts());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found.stream().filter(p -> Files.exists(factsOf(p))).sorted().collect(Collectors.toList());
    }

    /** The growth charts in the fast path's folders of the fixes: target/workbook/fast/VARIANT/LESSON/pictures. */
    static List<Path> growthCharts() throws IOException {
        Path fast = ROOT.resolve("target/workbook/fast");
        if (!Files.isDirectory(fast)) {
            return List.of();
        }
        try (Stream<Path> files = Files.find(fast, 4, (p, a) -> p.toString().endsWith(".json")
                && p.getParent().getFileName().toString().equals("pictures"))) {
            List<Path> charts = new ArrayList<>();
            for (Path facts : files.sorted().toList()) {
                if (Files.readString(facts).contains("\"kind\": \"growth\"")) {
                    charts.add(facts.resolveSibling(facts.getFileName().toString().replaceFirst("\\.json$", ".html")));
                }
            }
            return charts;
        }
    }

    private static List<Path> htmlIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }
}
