package org.lateral.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the template function {@code readable(html[, context[, demote]])} does to a body's HTML
 * (a post's, or a hub entry's) before a theme shows it, so that every theme gets it right:
 * <ul>
 *   <li>each table and code block is wrapped in a keyboard-reachable, labelled scroll region
 *       ({@code <div class="scroll-region" role="region" tabindex="0" aria-label="Table 1">}), so a
 *       reader who cannot use a mouse can scroll what is wider than the screen (WCAG 2.1.1; axe
 *       {@code scrollable-region-focusable});</li>
 *   <li>the footnotes get a heading ("Footnotes") and their markers names ("Footnote 1") in the
 *       site's language;</li>
 *   <li>with {@code demote}, headings move down that many levels (an entry's {@code h1} under an
 *       {@code h2} title becomes {@code h3}), never below {@code h6}.</li>
 * </ul>
 * Labels are unique on a page: {@code context} (an entry's title) is added to them where several
 * bodies share a page. It works on the HTML as written by commonmark-java and the hub's sanitiser
 * (well-formed, tags in lower case); anything else is left as it is.
 */
final class ReadableContent {

    /** What {@link #wrap} finds as an opening tag (kept as the definition its scan follows). */
    static final Pattern TABLE_OPEN = Pattern.compile("<table(?=[\\s>])");
    static final Pattern PRE_OPEN = Pattern.compile("<pre(?=[\\s>])");
    private static final Pattern FOOTNOTE_REF = Pattern.compile(
            "<a href=\"([^\"]*#fn-[^\"]*)\" id=\"(fnref-[^\"]*)\" data-footnote-ref>([^<]*)</a>");
    private static final Pattern BACKREF_LABEL = Pattern.compile(
            "(class=\"footnote-backref\"[^>]*?) aria-label=\"Back to reference ([^\"]*)\"");

    private final Strings strings;

    ReadableContent(Strings strings) {
        this.strings = strings;
    }

    String apply(String html, String context, int demote) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String out = html;
        if (demote > 0) {
            out = demote(out, demote);
        }
        if (out.contains("<table")) { // most bodies have neither: no regular expression runs over them
            out = wrap(out, "table", "readable_table", context);
        }
        if (out.contains("<pre")) {
            out = wrap(out, "pre", "readable_code", context);
        }
        if (out.contains("data-footnotes")) {
            out = footnotes(out, demote);
        }
        return out;
    }

    /**
     * Each outermost {@code <tag …>…</tag>} wrapped in a labelled scroll region. One scan with
     * {@code indexOf} (this runs on every post page): an opening tag is {@code <tag} followed by
     * white space or {@code >}, as the expressions {@link #TABLE_OPEN} and {@link #PRE_OPEN} say.
     */
    private String wrap(String html, String tag, String labelKey, String context) {
        String open = "<" + tag;
        String close = "</" + tag + ">";
        List<int[]> marks = new ArrayList<>(); // {start, end, 1 for an opening tag}, in order
        int opens = 0;
        int o = opening(html, open, 0);
        int c = html.indexOf(close);
        while (o >= 0 || c >= 0) {
            if (o >= 0 && (c < 0 || o < c)) {
                marks.add(new int[] {o, o + open.length(), 1});
                opens++;
                o = opening(html, open, o + open.length());
            } else {
                marks.add(new int[] {c, c + close.length(), 0});
                c = html.indexOf(close, c + close.length());
            }
        }
        if (opens == 0 || opens * 2 != marks.size()) {
            return html; // none, or hand-written HTML we cannot follow: left as it is
        }
        StringBuilder sb = new StringBuilder(html.length() + 200);
        int depth = 0;
        int n = 0;
        int at = 0;
        for (int[] m : marks) {
            if (m[2] == 1) {
                if (depth == 0) {
                    n++;
                    String label = strings.get(labelKey, n) + (context == null || context.isBlank() ? "" : " (" + context + ")");
                    sb.append(html, at, m[0]).append("<div class=\"scroll-region\" role=\"region\" tabindex=\"0\" aria-label=\"")
                            .append(attribute(label)).append("\">");
                    at = m[0];
                }
                depth++;
            } else {
                depth--;
                if (depth == 0) {
                    sb.append(html, at, m[1]).append("</div>");
                    at = m[1];
                } else if (depth < 0) {
                    return html;
                }
            }
        }
        sb.append(html, at, html.length());
        return sb.toString();
    }

    /** Where the next {@code <tag} followed by white space or {@code >} starts, from {@code from}; -1 if none. */
    private static int opening(String html, String open, int from) {
        for (int i = html.indexOf(open, from); i >= 0; i = html.indexOf(open, i + 1)) {
            int after = i + open.length();
            if (after < html.length()) {
                char ch = html.charAt(after);
                if (ch == '>' || ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r') {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Every heading tag ({@code <h2} or {@code </h2} followed by a space or {@code >}) moved down
     * {@code by} levels, never below 6: what the expression {@code <(/?)h([1-6])(?=[\s>])} finds,
     * found by looking at each {@code <} alone (it runs over every entry of every hub page).
     */
    static String demote(String html, int by) {
        StringBuilder sb = null;
        int copied = 0;
        int n = html.length();
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            int h = i + 1 < n && html.charAt(i + 1) == '/' ? i + 2 : i + 1;
            if (h + 2 >= n || html.charAt(h) != 'h') {
                continue;
            }
            char digit = html.charAt(h + 1);
            char after = html.charAt(h + 2);
            if (digit < '1' || digit > '6' || !(after == '>' || after == ' ' || after == '\t' || after == '\n'
                    || after == '\u000B' || after == '\f' || after == '\r')) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(n);
            }
            sb.append(html, copied, h + 1).append((char) ('0' + Math.min(6, digit - '0' + by)));
            copied = h + 2;
            i = h + 1;
        }
        return sb == null ? html : sb.append(html, copied, n).toString();
    }

    private String footnotes(String html, int demote) {
        int level = Math.min(6, 2 + demote);
        String heading = "<h" + level + " class=\"footnotes-title\">" + text(strings.get("readable_footnotes")) + "</h" + level + ">";
        String out = html.replace("<section class=\"footnotes\" data-footnotes>",
                "<section class=\"footnotes\" data-footnotes>\n" + heading);
        Matcher m = FOOTNOTE_REF.matcher(out);
        StringBuilder sb = new StringBuilder(out.length() + 100);
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement("<a href=\"" + m.group(1) + "\" id=\"" + m.group(2)
                    + "\" data-footnote-ref aria-label=\"" + attribute(strings.get("readable_footnote", m.group(3)))
                    + "\">" + m.group(3) + "</a>"));
        }
        m.appendTail(sb);
        Matcher b = BACKREF_LABEL.matcher(sb.toString());
        StringBuilder sb2 = new StringBuilder(sb.length());
        while (b.find()) {
            b.appendReplacement(sb2, Matcher.quoteReplacement(b.group(1) + " aria-label=\""
                    + attribute(strings.get("readable_footnote_back", b.group(2))) + "\""));
        }
        b.appendTail(sb2);
        return sb2.toString();
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attribute(String s) {
        return text(s).replace("\"", "&quot;");
    }
}
