package org.lateral.render;

import org.lateral.internal.LinkAttributes;

/**
 * Rewrites a rendered page's site-internal links (addresses in the attributes of
 * {@link LinkAttributes#ATTRIBUTES} that start with the site's base path) into links relative to the page,
 * with {@code index.html} added to folder links. The site then works wherever it is put: on any
 * web host under any path, from a USB stick, or opened straight from disk with a double click.
 * Absolute URLs (canonical links, feeds, Open Graph) are left alone.
 */
public final class RelativeLinks {

    private RelativeLinks() {
    }

    /**
     * @param html       the page
     * @param outputPath the page's file, relative to the output folder ({@code 2024/03/x/index.html})
     * @param basePath   the site's base path ({@code /} or {@code /cpd/})
     */
    public static String rewrite(String html, String outputPath, String basePath) {
        String up = "../".repeat((int) outputPath.chars().filter(c -> c == '/').count());
        return LinkAttributes.rewrite(html, basePath,
                v -> v.startsWith("//") ? v : up + withIndex(v.substring(basePath.length())));
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
