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
 */
public record Rendered(String html, String summaryHtml, String summaryText, boolean truncated, String tocHtml,
        int wordCount, List<FileLink> fileLinks) {
    public Rendered {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(summaryHtml, "summaryHtml");
        Objects.requireNonNull(summaryText, "summaryText");
        Objects.requireNonNull(tocHtml, "tocHtml");
        fileLinks = List.copyOf(fileLinks);
    }
}
