package org.lateral.internal;

import java.util.function.UnaryOperator;

/**
 * Rewrites the values of link attributes ({@code href}, {@code src}, {@code action},
 * {@code poster}) in generated HTML with a fast scan rather than an HTML parse: it runs on every
 * page of a build. Values are seen as written (entities are not decoded).
 */
public final class LinkAttributes {

    private static final String[] ATTRIBUTES = {"href=\"", "src=\"", "action=\"", "poster=\""};

    private LinkAttributes() {
    }

    /**
     * Replaces each link value for which {@code rewrite} returns something other than its input.
     * Only values starting with {@code prefix} are offered to it (a cheap filter).
     */
    public static String rewrite(String html, String prefix, UnaryOperator<String> rewrite) {
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
            if (!html.startsWith(prefix, valueStart) || !isLinkAttribute(html, attr + 1)) {
                continue;
            }
            int valueEnd = html.indexOf('"', valueStart);
            if (valueEnd < 0) {
                break;
            }
            String value = html.substring(valueStart, valueEnd);
            String replaced = rewrite.apply(value);
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

    private static boolean isLinkAttribute(String html, int quotePos) {
        for (String a : ATTRIBUTES) {
            int start = quotePos + 1 - a.length();
            if (start >= 1 && html.startsWith(a, start) && Character.isWhitespace(html.charAt(start - 1))) {
                return true;
            }
        }
        return false;
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
