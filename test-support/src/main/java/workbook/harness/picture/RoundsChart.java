package workbook.harness.picture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import workbook.harness.Format;
import workbook.harness.measures.ReadBack;

/**
 * The picture of lessons 01 and 02's stress rounds: one row per round that ran, the key range cut into equal stretches,
 * each stretch hatched and red where keys were lost, with how many in words; then what {@code get()} found and what
 * {@code size()} said. The rounds before the failing one show what luck looks like: a round can lose nothing.
 */
public final class RoundsChart {

    private static final int LEFT = 90;
    private static final int CELL = 12;
    private static final int ROW = 64;

    private RoundsChart() {
    }

    /**
     * Draws {@code rounds} (the last one lost writes) as the running test's picture when the JVM ends; the line that
     * names it, or "" outside a lesson's test. {@code writes} says what the keys were written by ("puts").
     */
    public static String draw(String title, String writes, List<ReadBack> rounds, int ofUpTo) {
        List<ReadBack> drawn = List.copyOf(rounds);
        return Pictures.currentTest().map(test -> {
            Path picture = test.picture("");
            List<String> labels = new ArrayList<>();
            List<String> values = new ArrayList<>();
            int lostStretches = 0;
            for (int r = 0; r < drawn.size(); r++) {
                labels.add("round " + (r + 1));
                values.add(value(drawn.get(r), writes));
                lostStretches += (int) drawn.get(r).missingPerStretch().stream().filter(n -> n > 0).count();
            }
            int stretchesWithLosses = lostStretches;
            Pictures.writeLater(picture, () -> html(title, writes, drawn, ofUpTo), () -> Pictures.facts("rounds",
                    Map.of("g.round", drawn.size(), "rect.lost", stretchesWithLosses),
                    Map.of(".round-label", labels, ".round-value", values),
                    Map.of("g.round", "one row per round that ran", "rect.lost", "the stretches of keys with a loss",
                            ".round-label", "which round each row is", ".round-value", "what each round lost")));
            return Pictures.seeIt(picture);
        }).orElse("");
    }

    /** "lost 3,412 of 1,000,000 puts; size() says 992,462" or "kept all 1,000,000 puts". */
    static String value(ReadBack round, String writes) {
        String sizeSays = "size() says " + Format.count(round.size());
        return round.missing() == 0 ? (round.size() == round.expected() ? "kept all " : "every key read back of ")
                + Format.count(round.expected()) + " " + writes + (round.size() == round.expected() ? "" : "; "
                + sizeSays) : "lost " + Format.count(round.missing()) + " of " + Format.count(round.expected()) + " "
                + writes + "; " + sizeSays;
    }

    static String html(String title, String writes, List<ReadBack> rounds, int ofUpTo) {
        int stretches = ReadBack.STRETCHES;
        int width = LEFT + stretches * CELL + 20;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" width=\"").append(width).append("\" height=\"")
                .append(40 + rounds.size() * ROW).append("\" role=\"img\" aria-label=\"").append(rounds.size())
                .append(" rounds and what each lost\">")
                .append("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                        + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#b00020\"/>"
                        + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#fff\" stroke-width=\"2\"/></pattern>"
                        + "</defs>")
                .append("<text class=\"heading\" x=\"0\" y=\"16\">keys 0 … ")
                .append(Format.count(rounds.get(0).expected() - 1L)).append(" in ").append(stretches)
                .append(" stretches of ").append(Format.count(rounds.get(0).expected() / stretches))
                .append(", left to right</text>");
        for (int r = 0; r < rounds.size(); r++) {
            ReadBack round = rounds.get(r);
            int y = 30 + r * ROW;
            svg.append("<g class=\"round\"><text class=\"round-label\" x=\"0\" y=\"").append(y + 17).append("\">round ")
                    .append(r + 1).append("</text>");
            for (int s = 0; s < stretches; s++) {
                int lost = round.missingPerStretch().get(s);
                long from = (long) s * round.expected() / stretches;
                long to = (long) (s + 1) * round.expected() / stretches - 1;
                svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\""
                        + " height=\"24\"><title>keys %s–%s: %s</title></rect>", lost > 0 ? "lost" : "kept",
                        LEFT + s * CELL, y, CELL - 1, Format.count(from), Format.count(to),
                        lost > 0 ? Format.count(lost) + " lost" : "none lost"));
            }
            svg.append("<text class=\"round-value").append(round.missing() > 0 || round.size() != round.expected()
                    ? " bad" : "").append("\" x=\"").append(LEFT).append("\" y=\"").append(y + 44).append("\">")
                    .append(RaceHtml.escape(value(round, writes))).append("</text></g>");
        }
        svg.append("</svg>");
        int ran = rounds.size();
        return ChartPage.html(title, "round " + ran + " of up to " + ofUpTo + ": "
                + value(rounds.get(ran - 1), writes) + (ran > 1 ? "; the " + (ran == 2 ? "round" : (ran - 1)
                + " rounds") + " before it lost nothing." : "."),
                ".kept { fill: #c9d7ec; } .lost { fill: url(#hatch); stroke: #b00020; }\n"
                + ".round-label { font-weight: bold; } .round-value.bad { fill: #b00020; font-weight: bold; }\n",
                svg.toString(), "Each row is one round: every thread's " + RaceHtml.escape(writes) + " into one fresh"
                + " map, then every key read back. A hatched red stretch lost keys (hover it for how many); a pale"
                + " one kept them all. The losses fall wherever two threads happened to be inside the map at once, so"
                + " they are scattered, and a round may lose none: that is why the test runs up to " + ofUpTo
                + " rounds, and why a green run of a racy map proves nothing.");
    }
}
