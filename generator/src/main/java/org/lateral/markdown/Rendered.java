package org.lateral.markdown;

import java.util.Objects;

/**
 * A Markdown body turned into HTML.
 *
 * @param html        the whole body
 * @param summaryHtml what comes before {@code <!--more-->}, else the first paragraph
 * @param summaryText the summary as plain text (for meta descriptions and feeds)
 * @param truncated   whether the summary is shorter than the body (a "read more" link is useful)
 * @param tocHtml     a nested list of the body's headings (levels 2 and 3) linking to their ids;
 *                    empty when not asked for or when there are none
 * @param wordCount   words in the body, for reading time
 * @param pictures    the body's pictures in order, each with its line
 */
public record Rendered(String html, String summaryHtml, String summaryText, boolean truncated, String tocHtml,
        int wordCount, java.util.List<Picture> pictures) {
    public Rendered {
        pictures = java.util.List.copyOf(pictures);
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(summaryHtml, "summaryHtml");
        Objects.requireNonNull(summaryText, "summaryText");
        Objects.requireNonNull(tocHtml, "tocHtml");
    }

    /** A rendering without pictures (tests and callers that do not check pictures). */
    public Rendered(String html, String summaryHtml, String summaryText, boolean truncated, String tocHtml,
            int wordCount) {
        this(html, summaryHtml, summaryText, truncated, tocHtml, wordCount, java.util.List.of());
    }
}
