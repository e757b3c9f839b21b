package org.lateral.site;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lateral.address.Address;
import org.lateral.config.SiteConfig;
import org.lateral.taxonomy.Archive;
import org.lateral.taxonomy.Related;
import org.lateral.taxonomy.Series;
import org.lateral.taxonomy.SeriesIndex;
import org.lateral.taxonomy.Taxonomy;

/**
 * The assembled site: every published post and page, its taxonomies and authors. Immutable;
 * templates receive it as {@code site}.
 *
 * @param posts       published posts, newest first
 * @param pages       standalone pages, by title
 * @param taxonomies  {@code tags} and {@code categories}
 * @param authors     everyone who wrote a post, in site.yaml order then by name
 * @param postsByAuthor each author's posts, newest first, by author id
 * @param data        the site's {@code data/*.yaml} files by file name
 * @param buildTime   when this build ran, in the site's time zone
 * @param series      every series and the page listing them
 * @param archive     posts by year, month and academic year
 * @param related     each post's related posts
 * @param events      every event, soonest first ({@code content/events/})
 */
public record Site(SiteConfig config, List<Page> posts, List<Page> pages, Map<String, Taxonomy> taxonomies,
        List<Author> authors, Map<String, List<Page>> postsByAuthor, Map<String, Object> data,
        ZonedDateTime buildTime, SeriesIndex series, Archive archive, Related related, List<Event> events) {

    /** A site without events. */
    public Site(SiteConfig config, List<Page> posts, List<Page> pages, Map<String, Taxonomy> taxonomies,
            List<Author> authors, Map<String, List<Page>> postsByAuthor, Map<String, Object> data,
            ZonedDateTime buildTime, SeriesIndex series, Archive archive, Related related) {
        this(config, posts, pages, taxonomies, authors, postsByAuthor, data, buildTime, series, archive, related,
                List.of());
    }

    public Site {
        Objects.requireNonNull(config, "config");
        posts = List.copyOf(posts);
        pages = List.copyOf(pages);
        taxonomies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(taxonomies)); // in the order given: outputs are listed in it
        authors = List.copyOf(authors);
        postsByAuthor = Map.copyOf(postsByAuthor);
        data = Map.copyOf(data);
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(related, "related");
        events = List.copyOf(events);
    }

    /** The same site seen with another config (tests; a preview with another base URL). */
    public Site withConfig(SiteConfig other) {
        return new Site(other, posts, pages, taxonomies, authors, postsByAuthor, data, buildTime, series, archive,
                related, events);
    }

    /**
     * The same site with some pages replaced by new versions of themselves ({@code swap} gives each
     * page's replacement, or the page itself) everywhere it is listed, and another build time: what
     * a rebuild makes when only bodies changed. Lists no page is swapped in are kept as they are.
     * Not for a site with events (an event holds its page and its write-ups, and what is coming up
     * depends on the time): such a site is grouped again.
     */
    public Site withPages(java.util.function.UnaryOperator<Page> swap, ZonedDateTime time) {
        if (!events.isEmpty()) {
            throw new IllegalStateException("a site with events is grouped again, not swapped");
        }
        Map<String, Taxonomy> tax = new java.util.LinkedHashMap<>();
        taxonomies.forEach((k, t) -> tax.put(k, t.withPages(swap)));
        Map<String, List<Page>> byAuthor = new java.util.HashMap<>();
        postsByAuthor.forEach((k, v) -> byAuthor.put(k, swapped(v, swap)));
        return new Site(config, swapped(posts, swap), swapped(pages, swap), tax, authors, byAuthor, data, time,
                series.withPages(swap), archive.withPages(swap), related.withPages(swap));
    }

    /** {@code pages} with each page swapped, or {@code pages} itself when none is. */
    public static List<Page> swapped(List<Page> pages, java.util.function.UnaryOperator<Page> swap) {
        Page[] out = null;
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            Page q = swap.apply(p);
            if (q != p) {
                if (out == null) {
                    out = pages.toArray(new Page[0]);
                }
                out[i] = q;
            }
        }
        return out == null ? pages : List.of(out);
    }

    /** A site with no series and no archive pages, and no related posts (small tests). */
    public static Site withoutExtras(SiteConfig config, List<Page> posts, List<Page> pages,
            Map<String, Taxonomy> taxonomies, List<Author> authors, Map<String, List<Page>> postsByAuthor,
            Map<String, Object> data, ZonedDateTime buildTime) {
        String base = config.basePath();
        return new Site(config, posts, pages, taxonomies, authors, postsByAuthor, data, buildTime,
                new SeriesIndex(Address.ofPath(config.origin(), base, "series/"), List.of()),
                new Archive(Address.ofPath(config.origin(), base, "archive/"), config.academicYearStartMonth(),
                        List.of(), List.of()),
                new Related(Map.of()));
    }

    public String title() {
        return config.title();
    }

    public String description() {
        return config.description();
    }

    public String baseUrl() {
        return config.baseUrl();
    }

    public String basePath() {
        return config.basePath();
    }

    public String language() {
        return config.language();
    }

    public List<SiteConfig.MenuItem> menu() {
        return config.menu();
    }

    public Map<String, Object> params() {
        return config.params();
    }

    public Optional<Taxonomy> taxonomy(String name) {
        return Optional.ofNullable(taxonomies.get(name));
    }

    public Taxonomy tags() {
        return taxonomies.get("tags");
    }

    public Taxonomy categories() {
        return taxonomies.get("categories");
    }

    /** The site's own taxonomies ({@code taxonomies:} in {@code site.yaml}), in the order written. */
    public List<Taxonomy> ownTaxonomies() {
        return taxonomies.values().stream().filter(Taxonomy::isCustom).toList();
    }

    /** Where a post stands in its series ({@code "Part 2 of 5"}); missing in templates when it is in none. */
    public Optional<Series.Position> seriesOf(Page page) {
        return series.positionOf(page);
    }

    /**
     * The post before {@code page} in reading order: the previous part of its series when it is in
     * one, else the next older post; missing in templates when there is none (templates link it
     * with {@code rel="prev"}).
     */
    public Optional<Page> previousOf(Page page) {
        Optional<Series.Position> in = series.positionOf(page);
        if (in.isPresent()) {
            return in.get().previous();
        }
        int i = indexOf(page);
        return i < 0 || i + 1 >= posts.size() ? Optional.empty() : Optional.of(posts.get(i + 1));
    }

    /** The post after {@code page}: the next part of its series, else the next newer post ({@code rel="next"}). */
    public Optional<Page> nextOf(Page page) {
        Optional<Series.Position> in = series.positionOf(page);
        if (in.isPresent()) {
            return in.get().next();
        }
        int i = indexOf(page);
        return i <= 0 ? Optional.empty() : Optional.of(posts.get(i - 1));
    }

    /** The order of {@link #posts()}: newest first, then by title and file. */
    public static final java.util.Comparator<Page> NEWEST_FIRST = java.util.Comparator.comparing(Page::date)
            .reversed().thenComparing(Page::title).thenComparing(p -> p.source().toString());

    private int indexOf(Page page) {
        if (!page.isPost()) {
            return -1;
        }
        int i = java.util.Collections.binarySearch(posts, page, NEWEST_FIRST);
        if (i >= 0 && posts.get(i).source().equals(page.source())) {
            return i;
        }
        for (int j = 0; j < posts.size(); j++) { // a list in another order (a hand-made site in tests)
            if (posts.get(j).source().equals(page.source())) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The posts in home-page order: pinned posts ({@code pinned: true}) first, newest first, then
     * every other post newest first.
     */
    public List<Page> homePosts() {
        if (posts.stream().noneMatch(Page::pinned)) {
            return posts;
        }
        List<Page> out = new java.util.ArrayList<>(posts.stream().filter(Page::pinned).toList());
        posts.stream().filter(p -> !p.pinned()).forEach(out::add);
        return List.copyOf(out);
    }

    /** The posts sharing most tags with {@code page}, best first, at most {@link Related#MAX}. */
    public List<Page> relatedTo(Page page) {
        return related.of(page);
    }

    /**
     * The address of the page listing every author: the folder above the author pages
     * ({@code /authors/} for {@code authors: /authors/:slug/}), base path included.
     */
    public String authorsUrl() {
        return authorsAddress().url();
    }

    /** Where the page listing every author lives ({@link #authorsUrl()}). */
    public Address authorsAddress() {
        return Address.ofPath(config.origin(), basePath(), SiteAssembler.indexPath(config.permalinks().authors(), "/authors/"));
    }

    /** How many posts an author wrote. */
    public int postCount(Author author) {
        return postsByAuthor.getOrDefault(author.id(), List.of()).size();
    }

    /** Events that have not ended yet, soonest first. */
    public List<Event> upcomingEvents() {
        return events.stream().filter(Event::upcoming).toList();
    }

    /** Events that are over, the latest first. */
    public List<Event> pastEvents() {
        List<Event> past = new java.util.ArrayList<>(events.stream().filter(e -> !e.upcoming()).toList());
        java.util.Collections.reverse(past);
        return past;
    }

    /**
     * The event a page is about: an event's page its own, a post the event it writes up
     * ({@code event:}); missing in templates for any other page.
     */
    public Optional<Event> eventOf(Page page) {
        for (Event e : events) {
            if (e.page().source().equals(page.source()) || e.writeUps().stream().anyMatch(p -> p.source().equals(page.source()))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Whether the site has an events page and its calendar ({@code /events/}, {@code /events/calendar.ics}). */
    public boolean hasEvents() {
        return !events.isEmpty() && config.writes(org.lateral.plan.Kind.EVENTS);
    }

    /** The address of the site's calendar, {@code events/calendar.ics}, base path included. */
    public String calendarUrl() {
        return url(Events.CALENDAR);
    }

    /** The site's swap-shop at build time: open offers and requests, and the mentoring profile if still open. */
    public SwapShop swapShop() {
        return SwapShop.of(this);
    }

    /**
     * Whether the site publishes community data ({@code community.json}, linked from every feed):
     * an open offer or request, or a mentoring profile.
     */
    public boolean hasCommunity() {
        return config.writes(org.lateral.plan.Kind.COMMUNITY) && !swapShop().isEmpty();
    }

    /** Whether the site writes its swap-shop page ({@code swap-shop/}). */
    public boolean hasSwapShop() {
        return config.writes(org.lateral.plan.Kind.SWAP_SHOP) && !swapShop().isEmpty();
    }

    /** The address of {@code community.json}, base path included. */
    public String communityUrl() {
        return url(org.lateral.community.CommunityFile.FILE);
    }

    /** The latest {@code n} posts. */
    public List<Page> recent(int n) {
        return posts.subList(0, Math.min(n, posts.size()));
    }

    /**
     * {@code "about/"} or {@code "/about/"} → {@code "/cpd/about/"}; absolute URLs are returned as they are.
     * On a language's side of a bilingual site this is still the whole site's address (static
     * files, the menu, pictures): the side's own pages are {@link #sideUrl}.
     */
    public String url(String path) {
        return under(config.rootPath(), path);
    }

    /**
     * An address of this language's side: {@code "search/"} → {@code "/cpd/cy/search/"} on the
     * Welsh side of a bilingual site; the same as {@link #url} on any other site.
     */
    public String sideUrl(String path) {
        return under(basePath(), path);
    }

    private static String under(String base, String path) {
        if (path.contains("://") || path.startsWith("#") || path.startsWith("mailto:")) {
            return path;
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.startsWith(base.substring(1)) && base.length() > 1) {
            return "/" + p;
        }
        return base + p;
    }

    /** Absolute URL for a relative one (from {@link #url} or a page's {@code url}). */
    public String absUrl(String path) {
        if (path.contains("://")) {
            return path;
        }
        return config.origin() + url(path);
    }
}
