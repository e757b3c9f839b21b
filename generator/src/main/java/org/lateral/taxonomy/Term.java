package org.lateral.taxonomy;

import java.util.List;
import java.util.Objects;
import org.lateral.address.Address;
import org.lateral.site.Page;

/**
 * One tag or category and its posts, newest first.
 *
 * @param address    where its page lives ({@code tags/oracy/})
 */
public record Term(String taxonomy, String name, String slug, Address address, List<Page> pages) {
    public Term {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        pages = List.copyOf(pages);
    }

    /** Its relative URL, base path included. */
    public String url() {
        return address.url();
    }

    /** Its absolute URL. */
    public String permalink() {
        return address.permalink();
    }

    /** The folder of its page, relative to the output folder. */
    public String outputDir() {
        return address.outputDir();
    }

    public int count() {
        return pages.size();
    }
}
