package org.lateral.taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lateral.address.Address;
import org.lateral.address.Addressed;
import org.lateral.site.Page;

/**
 * Posts written as parts of one piece of work ({@code series: Oracy project} in front matter), in
 * reading order: by {@code part:} where given, else by date, oldest first.
 *
 * <p>A series is a list like a tag: {@link #pages()} gives its posts newest first (for feeds),
 * {@link #parts()} in reading order (for its page and "part 2 of 5").
 *
 * @param name      as written in the first part's front matter
 * @param slug      as in the URL
 * @param address   where its page lives ({@code /series/oracy-project/})
 * @param parts     its posts in reading order
 */
public record Series(String name, String slug, Address address, List<Page> parts)
        implements Addressed {

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(address, "address");
        parts = List.copyOf(parts);
    }

    /** How many parts are published. */
    public int count() {
        return parts.size();
    }

    /** The parts newest first, the order feeds and other lists use. */
    public List<Page> pages() {
        List<Page> out = new ArrayList<>(parts);
        out.sort(Comparator.comparing(Page::date).reversed());
        return List.copyOf(out);
    }

    /** The part most recently published. */
    public Page latest() {
        return parts.stream().max(Comparator.comparing(Page::date)).orElseThrow();
    }

    /** Where {@code page} stands in this series; empty when it is not one of its parts. */
    public Optional<Position> position(Page page) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).source().equals(page.source())) {
                return Optional.of(new Position(this, i + 1,
                        i > 0 ? Optional.of(parts.get(i - 1)) : Optional.empty(),
                        i + 1 < parts.size() ? Optional.of(parts.get(i + 1)) : Optional.empty()));
            }
        }
        return Optional.empty();
    }

    /**
     * One post's place in its series, for "Part 2 of 5" and links to the parts either side.
     *
     * @param number 1-based place in reading order (not necessarily the {@code part:} written, when
     *               parts are missing or not yet published)
     */
    public record Position(Series series, int number, Optional<Page> previous, Optional<Page> next) {
        public Position {
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(next, "next");
        }

        public int total() {
            return series.count();
        }
    }
}
