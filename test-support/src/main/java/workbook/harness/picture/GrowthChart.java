package workbook.harness.picture;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The picture of "the same job at n and at 4n": the CPU time of a lock hold at both sizes, as two bars, and its growth
 * beside the growth the reference solution was measured at and the limit. One self-contained HTML page with an SVG
 * chart, no script.
 */
public final class GrowthChart {

    private static final int WIDTH = 540;
    private static final int BAR_HEIGHT = 34;

    private GrowthChart() {
    }

    /** What to draw: two sizes, the hold time at each (ns), the limit on growth, the reference's measured range. */
    public record Growth(String n, String fourN, long atN, long at4N, double allowed, double referenceLow,
            double referenceHigh) {

        double ratio() {
            return (double) at4N / atN;
        }
    }

    /** Draws {@code growth} as the running test's picture when the JVM ends; the line that names it, or "". */
    public static String draw(String title, String verdict, Growth growth) {
        return Pictures.currentTest().map(test -> {
            Path picture = test.picture("");
            List<String> labels = List.of("yours, " + growth.n() + " entries", "yours, " + growth.fourN() + " entries",
                    "growth: yours", "growth: the reference solution");
            Pictures.writeLater(picture, () -> html(title, verdict, growth), () -> Pictures.facts("growth",
                    Map.of("rect.bar", 3, "rect.limit", 1), Map.of(".bar-label", labels),
                    Map.of("rect.bar", "the hold time at n, at 4n, and your growth",
                            "rect.limit", "the limit on growth", ".bar-label", "what each bar is")));
            return Pictures.seeIt(picture);
        }).orElse("");
    }

    static String html(String title, String verdict, Growth g) {
        double longest = Math.max(g.atN(), g.at4N());
        double widest = Math.max(Math.max(g.ratio(), g.allowed()), g.referenceHigh()) * 1.15;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" width=\"").append(WIDTH + 360).append("\" height=\"330\" role=\"img\"")
                .append(" aria-label=\"hold time at n and 4n, and its growth\">");
        svg.append("<text class=\"heading\" x=\"0\" y=\"16\">CPU time within which 9 in 10 holds of the lock stayed"
                + "</text>");
        bar(svg, 30, "yours, " + g.n() + " entries", g.atN() / longest, micros(g.atN()), "bar hold");
        bar(svg, 30 + BAR_HEIGHT + 10, "yours, " + g.fourN() + " entries", g.at4N() / longest, micros(g.at4N()),
                "bar hold");
        svg.append("<text class=\"heading\" x=\"0\" y=\"150\">growth from n to 4n entries (1× is flat: linear work)"
                + "</text>");
        bar(svg, 164, "growth: yours", g.ratio() / widest, times(g.ratio()), "bar growth"
                + (g.ratio() > g.allowed() ? " over" : ""));
        int y = 164 + BAR_HEIGHT + 10;
        double x0 = 250 + g.referenceLow() / widest * WIDTH;
        double x1 = 250 + g.referenceHigh() / widest * WIDTH;
        svg.append("<text class=\"bar-label\" x=\"240\" y=\"").append(y + 22).append("\" text-anchor=\"end\">")
                .append("growth: the reference solution</text>")
                .append(String.format(Locale.ROOT, "<rect class=\"reference\" x=\"%.1f\" y=\"%d\" width=\"%.1f\""
                        + " height=\"%d\"/>", x0, y, Math.max(2, x1 - x0), BAR_HEIGHT))
                .append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%d\">%s–%s (measured)"
                        + "</text>", x1 + 6, y + 22, times(g.referenceLow()), times(g.referenceHigh())));
        double limit = 250 + g.allowed() / widest * WIDTH;
        svg.append(String.format(Locale.ROOT, "<rect class=\"limit\" x=\"%.1f\" y=\"156\" width=\"3\" height=\"%d\"/>"
                + "<text class=\"value\" x=\"%.1f\" y=\"%d\">limit %s</text>", limit, 2 * BAR_HEIGHT + 24, limit + 5,
                y + BAR_HEIGHT + 24, times(g.allowed())));
        svg.append("</svg>");
        return ChartPage.html(title, verdict, ".bar.hold { fill: #5b7db1; } .bar.growth { fill: #5b7db1; }"
                + " .bar.over { fill: #b00020; }\n.reference { fill: #2e7d32; } .limit { fill: #000; }\n",
                svg.toString(),
                "Each hold removes one entry, so its cost should not depend on how many entries there are: flat growth"
                + " (about 1×) is linear work, growth towards 4× is work that grows with the entries, quadratic in all."
                + " A red bar is over the limit.");
    }

    private static void bar(StringBuilder svg, int y, String label, double fraction, String value, String css) {
        double width = Math.max(2, fraction * WIDTH);
        svg.append("<text class=\"bar-label\" x=\"240\" y=\"").append(y + 22).append("\" text-anchor=\"end\">")
                .append(RaceHtml.escape(label)).append("</text>")
                .append(String.format(Locale.ROOT,
                        "<rect class=\"%s\" x=\"250\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>", css, y, width,
                        BAR_HEIGHT))
                .append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%d\">%s</text>",
                        250 + width + 6, y + 22, value));
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
