package org.lateral.site;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The published widths of each page's {@code image:} (a picture beside the page), by the page's
 * source; templates see it as {@code pictures}: {@code pictures.of(post)} is missing when the page
 * has no such picture.
 */
public final class Covers {

    /** No covers (a hub, a test). */
    public static final Covers NONE = new Covers(Map.of());

    private final Map<Path, Cover> bySource;

    public Covers(Map<Path, Cover> bySource) {
        this.bySource = Map.copyOf(bySource);
    }

    /** The page's cover picture, if its {@code image:} is a picture beside it that Lateral resized. */
    public Optional<Cover> of(Page page) {
        return page == null ? Optional.empty() : Optional.ofNullable(bySource.get(page.source()));
    }
}
