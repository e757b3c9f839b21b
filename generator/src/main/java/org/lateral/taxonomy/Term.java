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

    public int count() {
        return pages.size();
    }
}
