package org.lateral.cpd;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Charts of the record drawn as SVG by Lateral itself, for the page to include as it is: no
 * script, a {@code <title>} and {@code <desc>} as the text alternative (the page also shows the
 * numbers in a table), colours from the page's text colour so they print and suit dark mode.
 */
public final class CpdChart {

    private static final int WIDTH = 640;

    private CpdChart() {
    }

    /** Columns, one per total (the months of a year), with their labels below. */
    public static String columns(String id, String title, List<Total> totals) {
        int height = 220;
        int top = 20;
        int bottom = 40;
        int left = 40;
        double max = max(totals);
        double plot = height - top - bottom;
        double slot = (WIDTH - left - 10) / (double) Math.max(1, totals.size());
        StringBuilder b = open(id, title, totals, height);
        axis(b, left, top, plot, max);
        for (int i = 0; i < totals.size(); i++) {
            Total t = totals.get(i);
            double h = max == 0 ? 0 : t.hoursValue() / max * plot;
            double x = left + i * slot + slot * 0.15;
            double y = top + plot - h;
            b.append("<rect class=\"bar\" x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                    .append(n(slot * 0.7)).append("\" height=\"").append(n(h)).append("\" fill=\"currentColor\"/>");
            if (t.hours().signum() > 0) {
                b.append("<text x=\"").append(n(x + slot * 0.35)).append("\" y=\"").append(n(y - 4))
                        .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"currentColor\">")
                        .append(esc(t.hoursText())).append("</text>");
            }
            b.append("<text x=\"").append(n(x + slot * 0.35)).append("\" y=\"").append(n(top + plot + 16))
                    .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"currentColor\">").append(esc(t.label()))
                    .append("</text>");
        }
        return b.append("</svg>").toString();
    }

    /** Horizontal bars, one per total (the types of activity), labelled on the left. */
    public static String bars(String id, String title, List<Total> totals) {
        int row = 26;
        int top = 10;
        int left = 150;
        int height = top * 2 + row * Math.max(1, totals.size());
        double max = max(totals);
        double plot = WIDTH - left - 60;
        StringBuilder b = open(id, title, totals, height);
        for (int i = 0; i < totals.size(); i++) {
            Total t = totals.get(i);
            double w = max == 0 ? 0 : t.hoursValue() / max * plot;
            double y = top + i * row;
            b.append("<text x=\"").append(left - 8).append("\" y=\"").append(n(y + row * 0.65))
                    .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"currentColor\">").append(esc(t.label()))
                    .append("</text>");
            b.append("<rect class=\"bar\" x=\"").append(left).append("\" y=\"").append(n(y + 4)).append("\" width=\"")
                    .append(n(w)).append("\" height=\"").append(row - 8).append("\" fill=\"currentColor\"/>");
            b.append("<text x=\"").append(n(left + w + 6)).append("\" y=\"").append(n(y + row * 0.65))
                    .append("\" font-size=\"12\" fill=\"currentColor\">").append(esc(t.hoursText())).append("</text>");
        }
        return b.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String title, List<Total> totals, int height) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cpd-chart\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ")
                .append(id).append("-desc\"><title id=\"").append(id).append("-title\">").append(esc(title))
                .append("</title><desc id=\"").append(id).append("-desc\">").append(esc(describe(totals)))
                .append("</desc>");
        return b;
    }

    /** The text alternative: every label with its hours, in order ("Sep: 2.5 h; Oct: 0 h"). */
    static String describe(List<Total> totals) {
        StringBuilder d = new StringBuilder();
        for (Total t : totals) {
            if (d.length() > 0) {
                d.append("; ");
            }
            d.append(t.title()).append(": ").append(t.hoursText()).append(" h");
        }
        return d.toString();
    }

    private static void axis(StringBuilder b, int left, int top, double plot, double max) {
        b.append("<line x1=\"").append(left).append("\" y1=\"").append(n(top + plot)).append("\" x2=\"").append(WIDTH - 10)
                .append("\" y2=\"").append(n(top + plot)).append("\" stroke=\"currentColor\"/>");
        b.append("<text x=\"").append(left - 6).append("\" y=\"").append(top + 4)
                .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"currentColor\">")
                .append(esc(Hours.text(BigDecimal.valueOf(max)))).append(" h</text>");
    }

    private static double max(List<Total> totals) {
        return totals.stream().mapToDouble(Total::hoursValue).max().orElse(0);
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
