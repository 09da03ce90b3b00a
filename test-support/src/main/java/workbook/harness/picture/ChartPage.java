package workbook.harness.picture;

/**
 * The page around a chart ({@link GrowthChart}, {@link RoundsChart}): a title, what went wrong, the SVG and a line on
 * how to read it. One self-contained HTML file: CSS inline, no script, nothing from the network.
 */
final class ChartPage {

    private static final String CSS = """
            body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5em; color: #111; background: #fff; }
            h1 { font-size: 1.3em; margin: 0 0 .3em; }
            .verdict { border-left: 5px solid #b00020; padding: .4em .8em; background: #fdecee; white-space: pre-wrap; }
            .chart text { font: 13px system-ui, sans-serif; } .chart .heading { font-weight: bold; }
            """;

    private ChartPage() {
    }

    /** The page: {@code css} adds the chart's own rules; {@code svg} and {@code howToRead} are HTML already. */
    static String html(String title, String verdict, String css, String svg, String howToRead) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + RaceHtml.escape(title)
                + "</title>\n<style>\n" + CSS + css + "</style>\n</head>\n<body>\n<h1>" + RaceHtml.escape(title)
                + "</h1>\n<p class=\"verdict\"><b>What went wrong:</b> " + RaceHtml.escape(verdict) + "</p>\n" + svg
                + "\n<p>" + howToRead + "</p>\n</body>\n</html>\n";
    }
}
