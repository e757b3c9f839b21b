package org.lateral.markdown;

import java.util.List;
import java.util.Objects;

/**
 * A Markdown body turned into HTML.
 *
 * @param html        the whole body
 * @param summaryHtml the front matter's {@code summary:}, else what comes before {@code <!--more-->}, else
 *                    the first paragraph; without heading ids or footnote markers
 * @param summaryText the summary as plain text (for meta descriptions and feeds)
 * @param truncated   whether the summary is shorter than the body (a "read more" link is useful)
 * @param tocHtml     a nested list of the body's headings (levels 2 and 3) linking to their ids;
 *                    empty when not asked for or when there are none
 * @param wordCount   words in the body, for reading time
 * @param fileLinks   links to other Markdown files ({@code [x](other-post.md)}), to be resolved to
 *                    their pages once every page's address is known
 * @param pictures    the body's pictures in order, each with its line
 */
public record Rendered(String html, String summaryHtml, String summaryText, boolean truncated, String tocHtml,
        int wordCount, List<FileLink> fileLinks, List<Picture> pictures) {
    public Rendered {
        pictures = List.copyOf(pictures);
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(summaryHtml, "summaryHtml");
        Objects.requireNonNull(summaryText, "summaryText");
        Objects.requireNonNull(tocHtml, "tocHtml");
        fileLinks = List.copyOf(fileLinks);
    }

    /** A rendering without links to Markdown files or pictures (tests). */
    public Rendered(String html, String summaryHtml, String summaryText, boolean truncated, String tocHtml,
            int wordCount) {
        this(html, summaryHtml, summaryText, truncated, tocHtml, wordCount, List.of(), List.of());
    }
}
