package org.lateral.taxonomy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lateral.address.Address;
import org.lateral.address.Addressed;
import org.lateral.internal.Slugs;
import org.lateral.site.Page;

/**
 * Every series of a site, most recently continued first, and the page listing them
 * ({@code /series/}). Templates reach it as {@code site.series}.
 *
 * @param address   where the index page lives
 * @param all       the series
 */
public record SeriesIndex(Address address, List<Series> all) implements Addressed {

    public SeriesIndex {
        Objects.requireNonNull(address, "address");
        all = List.copyOf(all);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public Optional<Series> find(String slug) {
        return all.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** Where a post stands in its series; empty when it is in none. */
    public Optional<Series.Position> positionOf(Page page) {
        return page.series().flatMap(name -> find(Slugs.slugify(name))).flatMap(s -> s.position(page));
    }
}
