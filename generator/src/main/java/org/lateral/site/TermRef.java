package org.lateral.site;

import java.util.Objects;

/**
 * A page's link to one of its terms (a tag, a category), as shown on the page.
 *
 * @param taxonomy {@code tags} or {@code categories}
 * @param name     as written by the author ({@code Oracy})
 * @param slug     as in the URL ({@code oracy})
 * @param url      the term page's relative URL, base path included
 */
public record TermRef(String taxonomy, String name, String slug, String url) {
    public TermRef {
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(url, "url");
    }
}
