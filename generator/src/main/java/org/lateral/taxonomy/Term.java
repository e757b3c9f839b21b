package org.lateral.taxonomy;

import java.util.List;
import java.util.Objects;
import org.lateral.address.Address;
import org.lateral.address.Addressed;
import org.lateral.site.Page;

/**
 * One tag or category and its posts, newest first.
 *
 * @param address    where its page lives ({@code tags/oracy/})
 */
public record Term(String taxonomy, String name, String slug, Address address, List<Page> pages)
        implements Addressed {
    public Term {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        pages = List.copyOf(pages);
    }

    public int count() {
        return pages.size();
    }
}
