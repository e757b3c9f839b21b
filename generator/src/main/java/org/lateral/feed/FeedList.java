package org.lateral.feed;

import java.util.List;
import java.util.Objects;
import org.lateral.site.Page;

/**
 * A list of posts that gets its own feeds: the whole site, a tag, a category, an author, a series.
 *
 * @param title       the feed's title, as a reader shows it ({@code Oracy · Ms Rahman's CPD journal})
 * @param description one sentence for RSS's channel description; may be empty
 * @param url         the list page's relative URL, base path included, ending in {@code /}
 *                    ({@code /cpd/series/oracy-project/}); the feeds are written beside it
 * @param pages       the posts, newest first; only the first {@code feeds.entries} are used
 */
public record FeedList(String title, String description, String url, List<Page> pages) {
    public FeedList {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
        if (!url.endsWith("/")) {
            url = url + "/";
        }
        pages = List.copyOf(pages);
    }

    /** A list with no description of its own. */
    public static FeedList of(String title, String url, List<Page> pages) {
        return new FeedList(title, "", url, pages);
    }
}
