package workbook.harness.picture;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Race} as one self-contained HTML page: CSS and inline SVG, no script, nothing from the network. Time runs
 * down the page, one lane per thread; a context switch is an arrow from one lane to the other. Marks are words in a
 * coloured frame, and the steps the text timeline folds unfold from a {@code <details>}.
 */
public final class RaceHtml {

    private static final String CSS = """
            body { font: 15px/1.4 system-ui, sans-serif; margin: 1.5em; color: #111; background: #fff; }
            h1 { font-size: 1.3em; margin: 0 0 .3em; }
            .verdict { border-left: 5px solid #b00020; padding: .4em .8em; background: #fdecee; white-space: pre-wrap; }
            .how { color: #444; font-size: .9em; }
            .race { display: grid; gap: 0; margin-top: 1em; }
            .lane-head { font-weight: bold; text-align: center; padding: .3em; border-bottom: 3px solid #333;
                         background: #f1f1f1; position: sticky; top: 0; }
            .rail { background: linear-gradient(#999, #999) center / 2px 100% no-repeat; min-height: 1.6em; }
            .lane-head { margin: 0 .3em; }
            .step { border: 1px solid #888; border-radius: 4px; margin: .25em .3em; padding: .25em .5em;
                    background: #fff; font-family: ui-monospace, monospace; font-size: .88em; overflow-wrap: anywhere; }
            .step.inside { margin-left: 1.5em; background: #fafafa; }
            .step.main-lane { border-style: dashed; }
            .switch { grid-column: 1 / -1; }
            .switch svg { display: block; width: 100%; height: 46px; }
            .switch .rails line { stroke: #999; stroke-width: 2; }
            .switch .arrow { stroke: #000; stroke-width: 2.5; stroke-dasharray: 7 4; }
            .switch text { font: bold 12px system-ui, sans-serif; fill: #000; }
            .mark { font-family: system-ui, sans-serif; margin: .3em 0 .1em; padding: .2em .4em; border-left: 5px solid;
                    font-size: .92em; }
            .mark b { letter-spacing: .04em; }
            .mark-student { border-color: #0b57d0; background: #e8f0fe; }
            .mark-stale { border-color: #b35c00; background: #fff3e0; }
            .mark-lost { border-color: #b00020; background: #fdecee; }
            .mark-repeated { border-color: #6a1b9a; background: #f3e5f5; }
            details { margin-top: .2em; color: #333; }
            summary { cursor: pointer; font-family: system-ui, sans-serif; font-size: .85em; }
            details pre { margin: .2em 0 0; font-size: .85em; white-space: pre-wrap; }
            footer { margin-top: 1.5em; color: #444; font-size: .85em; }
            """;

    private static final String ICONS = "◆⚠✖↻";

    private RaceHtml() {
    }

    public static String render(Race race) {
        List<String> lanes = race.lanes();
        StringBuilder html = new StringBuilder(8_192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(race.title())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(race.title())).append("</h1>\n")
                .append("<p class=\"verdict\"><b>What went wrong:</b> ").append(escape(race.verdict())).append("</p>\n")
                .append("<p class=\"how\">Time runs down the page, one lane per thread. A dashed arrow is a context"
                        + " switch: the thread on the left of it stops, the one it points to runs. Marked steps say"
                        + " what they are in words: YOUR CODE, STALE READ, LOST WRITE.</p>\n");
        html.append("<div class=\"race\" style=\"grid-template-columns: repeat(").append(lanes.size())
                .append(", minmax(12em, 1fr))\">\n");
        for (String lane : lanes) {
            html.append("<div class=\"lane-head\">").append(escape(lane)).append("</div>\n");
        }
        for (RaceStep step : race.steps()) {
            if (step.contextSwitch()) {
                switchRow(html, lanes, step);
            } else {
                stepRow(html, lanes, step);
            }
        }
        html.append("</div>\n");
        if (race.fullTrace() != null) {
            Path trace = Path.of(race.fullTrace());
            html.append("<footer>Every step, JDK internals included: <a href=\"")
                    .append(escape(trace.toUri().toString())).append("\"><code>")
                    .append(escape(String.valueOf(trace.getFileName()))).append("</code></a></footer>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void stepRow(StringBuilder html, List<String> lanes, RaceStep step) {
        for (String lane : lanes) {
            if (!lane.equals(step.lane())) {
                html.append("<div class=\"rail\"></div>\n");
                continue;
            }
            html.append("<div class=\"step").append(step.depth() > 0 ? " inside" : "")
                    .append(lane.equals("main") ? " main-lane" : "").append("\">").append(escape(step.text().strip()));
            for (Mark mark : step.marks()) {
                html.append("<p class=\"mark ").append(mark.kind().cssClass).append("\"><b>")
                        .append(ICONS.charAt(mark.kind().ordinal())).append(' ')
                        .append(mark.kind().label.toUpperCase(Locale.ROOT)).append("</b>");
                if (mark.where() != null) {
                    html.append(" · <code class=\"where\">").append(escape(mark.where())).append("</code>");
                }
                html.append(": ").append(escape(mark.words())).append("</p>");
            }
            if (!step.folded().isEmpty()) {
                html.append("<details><summary>").append(step.folded().size())
                        .append(step.folded().size() == 1 ? " step" : " steps")
                        .append(" inside, folded as in the text (JDK internals)</summary><pre>");
                step.folded().forEach(line -> html.append(escape(line)).append('\n'));
                html.append("</pre></details>");
            }
            html.append("</div>\n");
        }
    }

    /** An SVG across every lane: the rails, and a dashed arrow from the lane switched out to the one that runs. */
    private static void switchRow(StringBuilder html, List<String> lanes, RaceStep step) {
        int from = lanes.indexOf(step.lane());
        int to = step.to() == null ? from : lanes.indexOf(step.to());
        String words = "context switch: " + step.lane() + (step.to() == null ? " stops" : " → " + step.to());
        html.append("<div class=\"switch\"><svg class=\"switch-arrow\" role=\"img\" aria-label=\"")
                .append(escape(words)).append("\" data-from=\"").append(escape(step.lane())).append("\" data-to=\"")
                .append(escape(step.to() == null ? "" : step.to())).append("\"><title>").append(escape(words))
                .append("</title><defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\""
                        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5"
                        + " L0,10 z\"/></marker></defs><g class=\"rails\">");
        for (int i = 0; i < lanes.size(); i++) {
            String x = centre(i, lanes.size());
            html.append("<line x1=\"").append(x).append("\" y1=\"0\" x2=\"").append(x).append("\" y2=\"46\"/>");
        }
        html.append("</g><line class=\"arrow\" x1=\"").append(centre(from, lanes.size())).append("\" y1=\"18\" x2=\"")
                .append(centre(to, lanes.size())).append("\" y2=\"40\" marker-end=\"url(#head)\"/>")
                .append("<text x=\"").append(centre(Math.min(from, to), lanes.size()))
                .append("\" dx=\"8\" y=\"12\">context switch</text></svg></div>\n");
    }

    private static String centre(int lane, int lanes) {
        return String.format(Locale.ROOT, "%.2f%%", (lane + 0.5) * 100.0 / lanes);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
