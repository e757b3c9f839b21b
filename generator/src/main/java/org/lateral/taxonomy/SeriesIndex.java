package org.lateral.taxonomy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lateral.internal.Slugs;
import org.lateral.site.Page;

/**
 * Every series of a site, most recently continued first, and the page listing them
 * ({@code /series/}). Templates reach it as {@code site.series}.
 *
 * @param url       the index page's relative URL, base path included
 * @param outputDir folder of the index page, relative to the output folder
 * @param all       the series
 */
public record SeriesIndex(String url, String permalink, String outputDir, List<Series> all) {

    public SeriesIndex {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(permalink, "permalink");
        Objects.requireNonNull(outputDir, "outputDir");
        all = List.copyOf(all);
    }

    /** The same series with pages swapped ({@link org.lateral.site.Site#withPages}). */
    public SeriesIndex withPages(java.util.function.UnaryOperator<org.lateral.site.Page> swap) {
        return new SeriesIndex(url, permalink, outputDir, all.stream().map(s -> s.withPages(swap)).toList());
    }

    /** Where it lives, as one {@link Address}. */
    public Address address() {
        return new Address(url, permalink, outputDir);
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
