package com.insurepay.bench;

import java.util.List;
import java.util.Locale;

/**
 * An SVG chart of latency distributions: the cumulative share of requests (y) answered within a latency (x, log
 * scale), one line per measured series, with the p50/p90/p99 levels marked. Plain SVG, no library.
 */
final class LatencyChart {

    private static final int W = 760;
    private static final int H = 420;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 90;
    private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd"};

    record Series(String label, Stats stats) {
    }

    private LatencyChart() {
    }

    static String cdf(String title, List<Series> series) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Series s : series) {
            long[] sorted = s.stats().sortedNanos();
            if (sorted.length > 0) {
                min = Math.min(min, sorted[0] / 1e6);
                max = Math.max(max, sorted[sorted.length - 1] / 1e6);
            }
        }
        double lo = Math.pow(10, Math.floor(Math.log10(Math.max(0.1, min))));
        double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(lo * 10, max))));
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", LEFT,
                escape(title)));
        // y grid: 0..100 %, with the percentiles the tables report
        for (int p : new int[] {0, 25, 50, 75, 90, 99, 100}) {
            double y = TOP + plotH - p / 100.0 * plotH;
            String dash = p == 50 || p == 90 || p == 99 ? " stroke-dasharray=\"4 3\"" : "";
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ccc\"%s/>%n", LEFT, y,
                    W - RIGHT, y, dash));
            if (p == 100) {
                continue;
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT - 6, y + 4,
                    p == 50 || p == 90 || p == 99 ? "p" + p : p + "%"));
        }
        // x grid: 1-2-5 steps on a log scale
        for (double decade = lo; decade < hi * 1.001; decade *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                double v = decade * m;
                if (v > hi * 1.001) {
                    break;
                }
                double x = x(v, lo, hi, plotW);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n", x, TOP, x,
                        TOP + plotH));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, TOP + plotH + 16,
                        v < 1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v)));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">latency, ms (log scale)</text>%n",
                LEFT + plotW / 2, TOP + plotH + 34));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
                LEFT, TOP, plotW, plotH));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            long[] sorted = s.stats().sortedNanos();
            StringBuilder points = new StringBuilder();
            int step = Math.max(1, sorted.length / 600);
            for (int k = 0; k < sorted.length; k += step) {
                appendPoint(points, sorted, k, lo, hi, plotW, plotH);
            }
            if (sorted.length > 0) {
                appendPoint(points, sorted, sorted.length - 1, lo, hi, plotW, plotH);
            }
            svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", colour,
                    points.toString().trim()));
            int ly = TOP + plotH + 52 + i * 16;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>%n",
                    LEFT, ly - 4, LEFT + 24, ly - 4, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, %.0f/s</text>%n",
                    LEFT + 32, ly,
                    escape(s.label()), s.stats().percentileMillis(50), s.stats().percentileMillis(90), s.stats().percentileMillis(99),
                    s.stats().perSecond()));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void appendPoint(StringBuilder points, long[] sorted, int k, double lo, double hi, int plotW, int plotH) {
        double ms = Math.max(lo, sorted[k] / 1e6);
        double share = (k + 1) / (double) sorted.length;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(ms, lo, hi, plotW), TOP + plotH - share * plotH));
    }

    private static double x(double ms, double lo, double hi, int plotW) {
        return LEFT + (Math.log10(ms) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * plotW;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
