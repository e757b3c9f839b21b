package org.lateral.aggregate.parse;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Looks at decoded text before any XML parser does, and decides what it is: nothing, a web page,
 * something that is not XML, XML with a DOCTYPE the hub refuses, or XML worth parsing.
 *
 * <p>DOCTYPE policy: a DOCTYPE with an internal subset ({@code [ … ]}, where entities are declared:
 * XXE, billion laughs) is refused. A DOCTYPE that only names an external DTD (Netscape's RSS 0.91
 * has one) is blanked out before parsing, so nothing is ever fetched for it; the XML parser is
 * configured to refuse any DOCTYPE that might remain, so this is a convenience, not the defence.
 * A blanked declaration is replaced by spaces so line numbers stay true.
 */
final class FeedSniffer {

    enum Verdict { EMPTY, WEB_PAGE, NOT_XML, DOCTYPE, XML }

    /**
     * @param verdict what the text is
     * @param text    the text to parse (for {@code XML}: with a harmless DOCTYPE blanked)
     * @param line    the line of the DOCTYPE for {@code DOCTYPE}, else 0
     */
    record Sniffed(Verdict verdict, String text, int line) {
    }

    private static final Pattern HTML_MARKERS = Pattern.compile(
            "<(?:!doctype\\s+html|html[\\s>]|head[\\s>]|body[\\s>]|meta\\s|title>|script[\\s>]|div[\\s>])");
    private static final Pattern FEED_MARKERS = Pattern.compile("<(?:[a-z0-9_]+:)?(?:rss|feed|rdf)[\\s>]");

    private FeedSniffer() {
    }

    static Sniffed sniff(String text) {
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
                i++;
            }
            if (i >= n) {
                return new Sniffed(Verdict.EMPTY, text, 0);
            }
            if (text.charAt(i) != '<') {
                return new Sniffed(looksLikeHtml(text) ? Verdict.WEB_PAGE : Verdict.NOT_XML, text, 0);
            }
            if (text.startsWith("<?", i)) {
                int end = text.indexOf("?>", i + 2);
                if (end < 0) {
                    return new Sniffed(Verdict.XML, text, 0);
                }
                i = end + 2;
            } else if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i + 4);
                if (end < 0) {
                    return new Sniffed(Verdict.XML, text, 0);
                }
                i = end + 3;
            } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                String rest = text.substring(i + 9, Math.min(n, i + 40)).stripLeading().toLowerCase(Locale.ROOT);
                if (rest.startsWith("html")) {
                    return new Sniffed(Verdict.WEB_PAGE, text, 0);
                }
                int line = lineOf(text, i);
                int end = endOfDoctype(text, i + 9);
                if (end < 0) {
                    return new Sniffed(Verdict.DOCTYPE, text, line);
                }
                text = blank(text, i, end);
                i = end;
            } else {
                String head = text.substring(i, Math.min(n, i + 2048)).toLowerCase(Locale.ROOT);
                if (head.startsWith("<html") || head.startsWith("<head") || head.startsWith("<body")
                        || (!FEED_MARKERS.matcher(head).find() && HTML_MARKERS.matcher(head).find())) {
                    return new Sniffed(Verdict.WEB_PAGE, text, 0);
                }
                return new Sniffed(Verdict.XML, text, 0);
            }
        }
    }

    /**
     * True when the start of the text holds an {@code rss}, {@code feed} or {@code RDF} element:
     * only then may the XML parser's own words (which quote element names) be shown on the health page.
     */
    static boolean startsLikeFeed(String text) {
        String head = text.substring(0, Math.min(text.length(), 4096)).toLowerCase(Locale.ROOT);
        return FEED_MARKERS.matcher(head).find();
    }

    /** True when the start of the text has the marks of an HTML page and none of a feed. */
    static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(text.length(), 4096)).toLowerCase(Locale.ROOT);
        return HTML_MARKERS.matcher(head).find() && !FEED_MARKERS.matcher(head).find();
    }

    /**
     * The index just after a DOCTYPE without an internal subset, or -1 when it has one (or never
     * ends): quoted strings are skipped, so a {@code >} inside a system id does not end it early.
     */
    private static int endOfDoctype(String text, int from) {
        char quote = 0;
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                return -1;
            } else if (c == '>') {
                return j + 1;
            }
        }
        return -1;
    }

    private static String blank(String text, int from, int to) {
        StringBuilder out = new StringBuilder(text);
        for (int j = from; j < to; j++) {
            if (out.charAt(j) != '\n' && out.charAt(j) != '\r') {
                out.setCharAt(j, ' ');
            }
        }
        return out.toString();
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int j = 0; j < index; j++) {
            if (text.charAt(j) == '\n') {
                line++;
            }
        }
        return line;
    }
}
