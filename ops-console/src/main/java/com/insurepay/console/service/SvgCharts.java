package com.insurepay.console.service;

import java.util.List;
import java.util.Locale;

/**
 * Bar charts as inline SVG, drawn on the server: no script, no library, no CDN, and nothing the strict CSP refuses
 * (no style attributes: colours come from classes in console.css). Every chart is an image with a title and a
 * description for screen readers; the page shows the same figures in a table.
 */
public final class SvgCharts {

    /** One bar: its label under the axis, its value, and what a tooltip and a screen reader say of it. */
    public record Bar(String label, double value, String valueText) {
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    static final int LEFT = 64;
    static final int RIGHT = 12;
    static final int TOP = 16;
    static final int BOTTOM = 44;

    private SvgCharts() {
    }

    /**
     * @param id unique on the page (for aria-labelledby)
     * @param max the top of the axis (e.g. 1.0 for a ratio); 0 or less: the largest value, rounded up
     * @param axisFormat how the axis writes a value
     */
    public static String bars(String id, String title, String description, List<Bar> bars, double max,
            java.util.function.DoubleFunction<String> axisFormat) {
        double top = max > 0 ? max : niceCeiling(bars.stream().mapToDouble(Bar::value).max().orElse(0));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(description)).append("</desc>");
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            double y = TOP + plotHeight - plotHeight * i / 4.0;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\"/>");
            svg.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4)).append("\" text-anchor=\"end\">")
                    .append(escape(axisFormat.apply(value))).append("</text>");
        }
        int n = Math.max(1, bars.size());
        double slot = (double) plotWidth / n;
        double barWidth = Math.max(1, slot * 0.7);
        int labelEvery = Math.max(1, (int) Math.ceil(n / 12.0));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double h = top <= 0 ? 0 : Math.max(0, Math.min(1, bar.value() / top)) * plotHeight;
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double y = TOP + plotHeight - h;
            svg.append("<rect class=\"bar\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"")
                    .append(fmt(barWidth))
                    .append("\" height=\"").append(fmt(h)).append("\"><title>").append(escape(bar.label() + ": " + bar.valueText()))
                    .append("</title></rect>");
            if (i % labelEvery == 0) {
                svg.append("<text class=\"axis\" x=\"").append(fmt(LEFT + slot * i + slot / 2)).append("\" y=\"")
                        .append(HEIGHT - BOTTOM + 18)
                        .append("\" text-anchor=\"middle\">").append(escape(bar.label())).append("</text>");
            }
        }
        svg.append("<line class=\"baseline\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(TOP + plotHeight).append("\" y2=\"").append(TOP + plotHeight).append("\"/>");
        svg.append("</svg>");
        return svg.toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code value} (1 when there is nothing to show). */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
