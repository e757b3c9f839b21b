package org.lateral.site;

import org.lateral.internal.LinkAttributes;

/**
 * A post's summary is shown on other pages (the home page, tag pages, feeds), so its links and
 * pictures written relative to the post ({@code photo.jpg} beside {@code index.md},
 * {@code #fn-1}) are made root-relative to the post's address first; pages that want relative
 * links get them from there, as for every other link.
 */
final class Summaries {

    private Summaries() {
    }

    /**
     * @param html     the summary as rendered
     * @param pageUrl  the post's address with the base path ({@code /cpd/2024/03/oracy/})
     * @param basePath the site's base path ({@code /cpd/})
     */
    static String rebase(String html, String pageUrl, String basePath) {
        String rooted = LinkAttributes.rebase(html, basePath);
        return LinkAttributes.rewrite(rooted, "", v -> isRelative(v) ? resolve(pageUrl, v) : v);
    }

    private static boolean isRelative(String v) {
        if (v.isEmpty() || v.startsWith("/")) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ':') {
                return false; // https:, mailto:, data:
            }
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
        }
        return true;
    }

    private static String resolve(String pageUrl, String v) {
        try {
            return java.net.URI.create(pageUrl).resolve(v).toString();
        } catch (IllegalArgumentException e) {
            return v; // not a valid address: left as written
        }
    }
}
