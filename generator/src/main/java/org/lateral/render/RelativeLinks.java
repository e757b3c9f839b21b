package org.lateral.render;

/**
 * Rewrites a rendered page's site-internal links ({@code href}, {@code src}, {@code action},
 * {@code poster} values that start with the site's base path) into links relative to the page,
 * with {@code index.html} added to folder links. The site then works wherever it is put: on any
 * web host under any path, from a USB stick, or opened straight from disk with a double click.
 * Absolute URLs (canonical links, feeds, Open Graph) are left alone. A fast scan, not an HTML
 * parse: it runs on every page of a build.
 */
public final class RelativeLinks {

    private static final String[] ATTRIBUTES = {"href=\"", "src=\"", "action=\"", "poster=\""};

    private RelativeLinks() {
    }

    /**
     * @param html       the page
     * @param outputPath the page's file, relative to the output folder ({@code 2024/03/x/index.html})
     * @param basePath   the site's base path ({@code /} or {@code /cpd/})
     */
    public static String rewrite(String html, String outputPath, String basePath) {
        String up = "../".repeat((int) outputPath.chars().filter(c -> c == '/').count());
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
            if (!isLinkAttribute(html, attr + 1) || !html.startsWith(basePath, valueStart)
                    || html.startsWith("//", valueStart)) {
                continue;
            }
            int valueEnd = html.indexOf('"', valueStart);
            if (valueEnd < 0) {
                break;
            }
            String target = html.substring(valueStart + basePath.length(), valueEnd);
            if (out == null) {
                out = new StringBuilder(html.length() + 256);
            }
            out.append(html, copied, valueStart).append(up).append(withIndex(target));
            copied = valueEnd;
            i = valueEnd;
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

    /** {@code tags/x/#top} → {@code tags/x/index.html#top}; {@code ""} → {@code index.html}. */
    static String withIndex(String target) {
        int cut = target.length();
        for (char c : new char[] {'#', '?'}) {
            int p = target.indexOf(c);
            if (p >= 0 && p < cut) {
                cut = p;
            }
        }
        String path = target.substring(0, cut);
        if (path.isEmpty() || path.endsWith("/")) {
            return path + "index.html" + target.substring(cut);
        }
        return target;
    }
}
