package org.lateral.taxonomy;

import java.util.List;
import java.util.Objects;
import org.lateral.site.Page;

/**
 * One tag or category and its posts, newest first.
 *
 * @param url        relative URL, base path included
 * @param outputDir  folder of its page, relative to the output folder ({@code tags/oracy/})
 */
public record Term(String taxonomy, String name, String slug, String url, String permalink, String outputDir,
        List<Page> pages) {
    public Term {
        Objects.requireNonNull(name, "name");
        pages = List.copyOf(pages);
    }

    /** Where it lives, as one {@link Address}. */
    public Address address() {
        return new Address(url, permalink, outputDir);
    }

    /** The same term with pages swapped ({@link org.lateral.site.Site#withPages}). */
    public Term withPages(java.util.function.UnaryOperator<org.lateral.site.Page> swap) {
        List<org.lateral.site.Page> now = org.lateral.site.Site.swapped(pages, swap);
        return now == pages ? this : new Term(taxonomy, name, slug, url, permalink, outputDir, now);
    }

    public int count() {
        return pages.size();
    }
}
