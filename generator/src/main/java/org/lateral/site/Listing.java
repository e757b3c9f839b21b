package org.lateral.site;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lateral.plan.Kind;
import org.lateral.taxonomy.Address;

/**
 * One list of the site: the home page, a tag or category, the tags index, an author, the series
 * index, a series, the archive, an archive period. The planner writes its pages from it, the feed
 * planner its feeds, the sitemap its last change, and the theme's {@code <head>} its feed links
 * (templates see it as {@code listing}). {@link Listings#of} makes every listing of a site, once.
 *
 * @param kind      what kind of list it is
 * @param address   where its first page lives
 * @param title     its name ({@code oracy}, {@code Aisha Rahman}, the site's title for the home page)
 * @param origin    what it is, for messages ({@code the tag "oracy"})
 * @param pages     the posts it shows, in the order it shows them (an index: every post it covers, so
 *                  its last change is known)
 * @param paginated whether it is written as numbered pages, each with a {@code paginator} (the
 *                  indexes of tags, series and the archive are one page without one)
 * @param perPage   posts per page when paginated (0: one page holding every post)
 * @param subject   what templates know the list by ({@code term} and {@code taxonomy}, {@code author},
 *                  {@code series}, {@code period})
 * @param hasFeeds  whether it has its own Atom, RSS and JSON feeds in its folder (terms, authors and
 *                  series, unless {@code disableKinds} has {@code listFeeds})
 * @param feedTitle the title of its feeds ({@code oracy · Site title}); empty without feeds
 * @param feedDescription the description of its feeds (an author's bio); may be empty
 * @param feedPages its posts newest first, as its feeds list them
 */
public record Listing(Kind kind, Address address, String title, String origin, List<Page> pages, boolean paginated, int perPage,
        Map<String, Object> subject, boolean hasFeeds, String feedTitle, String feedDescription,
        List<Page> feedPages) {

    public Listing {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(origin, "origin");
        pages = List.copyOf(pages);
        subject = Map.copyOf(subject);
        Objects.requireNonNull(feedTitle, "feedTitle");
        Objects.requireNonNull(feedDescription, "feedDescription");
        feedPages = List.copyOf(feedPages);
    }

    /** Its pages: numbered ones when paginated, else the one page at its address holding every post. */
    public List<Pager> pagers() {
        return Pager.paginate(pages, paginated ? perPage : 0, address);
    }
}
