package org.lateral.site;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lateral.address.Address;
import org.lateral.plan.Kind;

/**
 * One list of a site or hub: the home page, a tag or category, the tags index, an author, the series
 * index, a series, the archive, an archive period ({@link Listings#of}); the hub's river, members
 * page, each member, each topic and the digest ({@code aggregate.HubListings}). The planner writes
 * its pages from it, the feed planner its feeds, the sitemap its last change, and the theme's
 * {@code <head>} its feed links (templates see it as {@code listing}).
 *
 * @param <T>        what it lists: a site's posts ({@link Page}), a hub's entries, members or digests
 * @param kind       what kind of list it is
 * @param address    where its first page lives
 * @param title      its name ({@code oracy}, {@code Aisha Rahman}, the site's title for the home page)
 * @param origin     what it is, for messages ({@code the tag "oracy"})
 * @param pages      what it shows, in the order it shows it (an index: every post it covers, so its
 *                   last change is known)
 * @param pagination its numbered pages, each written with a {@code paginator}; empty when it is one
 *                   page without one (the indexes of tags, series and the archive, a member's page)
 * @param subject    what templates know the list by ({@code term} and {@code taxonomy}, {@code author},
 *                   {@code series}, {@code period}, {@code member}, {@code digest})
 * @param hasFeeds   whether it has its own feeds in its folder, one per feed format of its kind
 *                   (terms, authors and series unless {@code disableKinds} has {@code listFeeds};
 *                   the hub's river and digest)
 * @param feedTitle  the title of its feeds ({@code oracy · Site title}); empty without feeds
 * @param feedDescription the description of its feeds (an author's bio); may be empty
 * @param feedPages  what its feeds list, newest first
 */
public record Listing<T>(Kind kind, Address address, String title, String origin, List<T> pages,
        List<Pager<T>> pagination, Map<String, Object> subject, boolean hasFeeds, String feedTitle,
        String feedDescription, List<T> feedPages) {

    public Listing {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(origin, "origin");
        pages = List.copyOf(pages);
        pagination = List.copyOf(pagination);
        subject = Map.copyOf(subject);
        Objects.requireNonNull(feedTitle, "feedTitle");
        Objects.requireNonNull(feedDescription, "feedDescription");
        feedPages = List.copyOf(feedPages);
    }

    /** A list of one page, without a {@code paginator} and without feeds. */
    public static <T> Listing<T> single(Kind kind, Address address, String title, String origin, List<T> pages,
            Map<String, Object> subject) {
        return new Listing<>(kind, address, title, origin, pages, List.of(), subject, false, "", "", List.of());
    }

    /** Whether it is written as numbered pages, each with a {@code paginator}. */
    public boolean paginated() {
        return !pagination.isEmpty();
    }

    /** Its pages: the numbered ones when paginated, else the one page at its address holding everything. */
    public List<Pager<T>> pagers() {
        return paginated() ? pagination : Pager.paginate(pages, 0, address);
    }
}
