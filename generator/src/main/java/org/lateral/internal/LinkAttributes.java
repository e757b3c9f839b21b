package org.lateral.internal;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Lateral's one URL rewriter: which attributes of HTML hold addresses, and how each address in
 * them is offered to a rewriting function. Pages (base-path rebasing and relative links), feeds
 * (absolute addresses) and the hub (its sanitiser's address checks, its pages' relative links)
 * all use it, so they agree on {@link #ATTRIBUTES}: {@code href}, {@code src}, {@code srcset}
 * (every candidate), {@code poster}, {@code cite}, {@code data} and {@code action}.
 *
 * <p>Two ways in: {@link #rewrite} scans generated HTML as text, without an HTML parse (it runs
 * on every page of a build; values are seen as written, entities not decoded); {@link #value}
 * rewrites one attribute's value, for code that already holds a parsed document (jsoup).
 */
public final class LinkAttributes {

    /** The attributes whose values are addresses ({@code srcset}: a list of them). */
    public static final List<String> ATTRIBUTES = List.of("href", "src", "srcset", "poster", "cite", "data", "action");

    private static final String[] MARKERS = ATTRIBUTES.stream().map(a -> a + "=\"").toArray(String[]::new);
    private static final String SRCSET = "srcset=\"";

    private LinkAttributes() {
    }

    /**
     * Replaces each address for which {@code rewrite} returns something other than its input.
     * Only addresses starting with {@code prefix} are offered to it (a cheap filter); in a
     * {@code srcset}, each candidate's address is offered on its own and its descriptor kept.
     */
    public static String rewrite(String html, String prefix, UnaryOperator<String> rewrite) {
        UnaryOperator<String> filtered = v -> v.startsWith(prefix) ? rewrite.apply(v) : v;
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (true) {
            int attr = html.indexOf("=\"", i);
            if (attr < 0) {
                break;
            }
            int valueStart = attr + 2;
            i = valueStart;
            boolean srcset = isAttribute(html, attr + 1, SRCSET);
            if (!srcset && (!html.startsWith(prefix, valueStart) || !isLinkAttribute(html, attr + 1))) {
                continue;
            }
            int valueEnd = html.indexOf('"', valueStart);
            if (valueEnd < 0) {
                break;
            }
            String value = html.substring(valueStart, valueEnd);
            String replaced = srcset ? srcset(value, filtered) : rewrite.apply(value);
            i = valueEnd;
            if (replaced.equals(value)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(html.length() + 256);
            }
            out.append(html, copied, valueStart).append(replaced);
            copied = valueEnd;
        }
        if (out == null) {
            return html;
        }
        out.append(html, copied, html.length());
        return out.toString();
    }

    /**
     * One attribute's value with its addresses rewritten: the whole value for the attributes of
     * {@link #ATTRIBUTES}, each candidate for {@code srcset}, and the value unchanged for any other
     * attribute.
     */
    public static String value(String attribute, String value, UnaryOperator<String> rewrite) {
        if (attribute.equals("srcset")) {
            return srcset(value, rewrite);
        }
        return ATTRIBUTES.contains(attribute) ? rewrite.apply(value) : value;
    }

    /**
     * {@code a.jpg 1x, /b.jpg 2x} with each candidate's address rewritten and everything else
     * (descriptors, commas, spaces) kept as written, as the HTML standard splits a srcset: an
     * address runs to the next white space, and a comma at its end ends the candidate.
     */
    static String srcset(String value, UnaryOperator<String> rewrite) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        int n = value.length();
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && (isSpace(value.charAt(i)) || value.charAt(i) == ',')) {
                i++;
            }
            out.append(value, start, i);
            if (i >= n) {
                break;
            }
            int url = i;
            while (i < n && !isSpace(value.charAt(i))) {
                i++;
            }
            int urlEnd = i;
            while (urlEnd > url && value.charAt(urlEnd - 1) == ',') {
                urlEnd--;
            }
            out.append(rewrite.apply(value.substring(url, urlEnd))).append(value, urlEnd, i);
            if (urlEnd < i) {
                continue; // "a.jpg," has no descriptor
            }
            int descriptor = i;
            int depth = 0;
            while (i < n && (value.charAt(i) != ',' || depth > 0)) {
                char c = value.charAt(i);
                depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
                i++;
            }
            out.append(value, descriptor, i);
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isLinkAttribute(String html, int quotePos) {
        for (String a : MARKERS) {
            if (isAttribute(html, quotePos, a)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text ending at {@code quotePos} (the opening quote) is {@code marker}, after white space. */
    private static boolean isAttribute(String html, int quotePos, String marker) {
        int start = quotePos + 1 - marker.length();
        return start >= 1 && html.startsWith(marker, start) && Character.isWhitespace(html.charAt(start - 1));
    }

    /**
     * Root-relative links written by authors ({@code /about/}) mean "at the root of my site": on a
     * site published under a path ({@code https://me.github.io/cpd/}) they get that path in front.
     */
    public static String rebase(String html, String basePath) {
        if (basePath.equals("/")) {
            return html;
        }
        return rewrite(html, "/", v -> v.startsWith("//") || v.startsWith(basePath) ? v : basePath + v.substring(1));
    }
}
