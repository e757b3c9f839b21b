package org.lateral.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lateral.address.Address;
import org.lateral.plan.Format;
import org.lateral.plan.Input;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.site.Listing;
import org.lateral.site.Page;
import org.lateral.site.Pager;
import org.lateral.site.Site;

/**
 * Decides the feed files, the sitemap and robots.txt of a build; the bytes are produced later, in
 * parallel, by each {@link Output}'s supplier. Each output declares its inputs: a feed the
 * sources of the posts it lists, the sitemap every source.
 *
 * <ul>
 * <li>the site: {@code feed.xml} (Atom), {@code rss.xml}, {@code feed.json};</li>
 * <li>each listing that has feeds (tags, categories, authors, series): the same three names in its
 *     folder ({@code tags/oracy/feed.xml});</li>
 * <li>{@code sitemap.xml} and {@code robots.txt}, unless the site's {@code static/} folder has its own.</li>
 * </ul>
 *
 * <pre>{@code
 * FeedPlanner feeds = new FeedPlanner(site, siteDir);
 * List<Output> files = feeds.outputs(Listings.of(site), htmlPathsPlanned);
 * }</pre>
 *
 * <p>One instance per build; thread-safe (the outputs' suppliers share a cache of entries).
 */
public final class FeedPlanner {

    /** File names of the three formats, in a list's folder. */
    public static final String ATOM = "feed.xml";
    public static final String RSS = "rss.xml";
    public static final String JSON = "feed.json";
    public static final String SITEMAP = "sitemap.xml";
    public static final String ROBOTS = "robots.txt";

    private final Site site;
    private final Path siteDir;
    private final FeedEntries entries;
    private final FeedFragments fragments;

    /**
     * @param site    the assembled site
     * @param siteDir its folder: local images give their size to enclosures, and a
     *                {@code static/robots.txt} or {@code static/sitemap.xml} of the site's own wins
     */
    public FeedPlanner(Site site, Path siteDir) {
        this.site = Objects.requireNonNull(site, "site");
        this.siteDir = Objects.requireNonNull(siteDir, "siteDir");
        this.entries = new FeedEntries(site, siteDir);
        this.fragments = new FeedFragments();
    }

    /**
     * @param memory   a build session's memory of the last build's entry texts ({@link FeedFragments.Memory})
     * @param settings what the site's settings and templates are made from (the memory forgets its texts when it changes)
     */
    public FeedPlanner(Site site, Path siteDir, FeedFragments.Memory memory, String settings) {
        this.site = Objects.requireNonNull(site, "site");
        this.siteDir = Objects.requireNonNull(siteDir, "siteDir");
        // what a feed carries besides its entries, which could change what surrounds each entry's text
        this.fragments = memory.next(site.language(), settings + " " + site.hasEvents() + " " + site.hasCommunity());
        this.entries = new FeedEntries(site, siteDir, fragments);
        fragments.keepOnly(site.posts().size() + site.pages().size() + site.events().size(), () -> {
            java.util.Set<Path> sources = new java.util.HashSet<>();
            site.posts().forEach(p -> sources.add(p.source()));
            site.pages().forEach(p -> sources.add(p.source()));
            site.events().forEach(e -> sources.add(e.page().source()));
            return sources;
        });
    }

    /**
     * The site's feeds, the feeds of every listing that has its own (tags, categories, authors,
     * series), the sitemap and robots.txt.
     *
     * @param listings     the site's lists ({@code Listings.of(site)})
     * @param plannedPages output paths of every file the build writes so far; its HTML pages
     *                     (except {@code 404.html}) are the sitemap's entries
     */
    public List<Output> outputs(List<Listing<Page>> listings, List<String> plannedPages) {
        return outputs(listings, plannedPages, Map.of(), path -> List.of());
    }

    /**
     * The same, for a bilingual site: the sitemap also lists the pages of the other languages'
     * sides and, for each page with translations, its alternates.
     *
     * @param plannedPages output paths of every file the build writes so far, the sides' included
     * @param moreLastmods the last change of the sides' pages ({@link #lastmods}, paths with the side's folder)
     * @param alternates   a page's output path → its versions in each language, itself included
     */
    public List<Output> outputs(List<Listing<Page>> listings, List<String> plannedPages,
            Map<String, ZonedDateTime> moreLastmods,
            java.util.function.Function<String, List<SitemapAlternate>> alternates) {
        List<Output> out = new ArrayList<>(feeds(listings));
        if (site.config().writes(Kind.SITEMAP) && !ownStatic(SITEMAP)) {
            // Worked out only when written: a rebuild after a post's body changed does not write it.
            // Its entries are the planned pages' addresses and last-change times, which come from
            // file names and front matter (date, updated) and the settings, never from a body, and
            // a page added or removed makes a clean build: so it declares those, not every source.
            out.add(new Output(Kind.SITEMAP, Format.SITEMAP_XML, SITEMAP, "the sitemap", Optional.empty(),
                    Set.of(Input.FRONT_MATTER, Input.CONFIG), () -> {
                        Map<String, ZonedDateTime> lastmods = new HashMap<>(lastmods(listings));
                        lastmods.putAll(moreLastmods);
                        return SitemapWriter.sitemap(sitemapUrls(lastmods, plannedPages, alternates));
                    }));
        }
        if (site.config().writes(Kind.ROBOTS) && !ownStatic(ROBOTS)) {
            String sitemap = site.absUrl(SITEMAP);
            out.add(new Output(Kind.ROBOTS, Format.TEXT, ROBOTS, "robots.txt", Optional.empty(), Set.of(Input.CONFIG),
                    () -> SitemapWriter.robots(sitemap)));
        }
        return out;
    }

    /**
     * A page's version in one language, for the sitemap's {@code xhtml:link rel="alternate"}.
     *
     * @param hreflang a language code, or {@code x-default}
     * @param href     absolute URL
     */
    public record SitemapAlternate(String hreflang, String href) {
    }

    /** The site's feeds and the feeds of every listing that has its own, and the events' calendars: no sitemap. */
    public List<Output> feeds(List<Listing<Page>> listings) {
        List<Output> out = new ArrayList<>(forList(Kind.HOME,
                new FeedList(site.title(), site.description(), site.basePath(), site.posts()), "the site"));
        for (Listing l : listings) {
            if (l.hasFeeds()) {
                out.addAll(forList(l.kind(),
                        new FeedList(l.feedTitle(), l.feedDescription(), l.address().url(), l.feedPages()), l.origin()));
            }
        }
        out.addAll(new CalendarFeeds(site, entries).outputs());
        return out;
    }

    /** The feeds of any list of this kind, in the list's folder ({@code series/oracy-project/feed.xml}). */
    public List<Output> forList(Kind kind, FeedList list) {
        return forList(kind, list, "the list " + list.url());
    }

    /**
     * The feeds of one list, in its folder, one per feed format in its kind's row of
     * {@link Kind#formats()}; each is made from the sources of the posts it lists.
     */
    private List<Output> forList(Kind kind, FeedList list, String what) {
        String url = site.url(list.url());
        String dir = Address.ofUrl(site.config().origin(), site.basePath(), url).outputDir();
        List<Page> posts = list.pages().stream().filter(Page::isPost)
                .limit(site.config().feeds().entries()).toList();
        Set<Input> inputs = new HashSet<>(Set.of(Input.CONFIG, Input.FRONT_MATTER));
        posts.forEach(p -> inputs.add(Input.source(p.source())));
        List<String> entryUrls = posts.stream().map(Page::permalink).toList(); // each entry's url
        for (Format format : kind.formats()) {
            switch (format) {
                case ATOM -> fragments.expect(FeedFragments.Format.ATOM, entryUrls);
                case RSS -> fragments.expect(FeedFragments.Format.RSS, entryUrls);
                case JSON_FEED -> fragments.expect(FeedFragments.Format.JSON, entryUrls);
                default -> {
                    // not a feed
                }
            }
        }
        return FeedFormats.of(kind, dir, what, inputs, () -> document(list, url, posts), fragments);
    }

    /** Called when a feed is written, on any thread; the entries themselves are worked out once. */
    private FeedDocument document(FeedList list, String url, List<Page> posts) {
        return FeedFormats.document(site, list.title(), list.description(), url, entries.of(posts),
                entries.siteAsAuthor(), site.config().feeds().full(), site.config().publish().websub());
    }

    private boolean ownStatic(String name) {
        return Files.isRegularFile(siteDir.resolve("static").resolve(name));
    }

    /** One sitemap entry per HTML page planned, with the time it (or the newest post it lists) last changed. */
    private List<SitemapWriter.Url> sitemapUrls(Map<String, ZonedDateTime> lastmods, List<String> plannedPages,
            java.util.function.Function<String, List<SitemapAlternate>> alternates) {
        Optional<ZonedDateTime> newest = newest(lastmods.values());
        List<SitemapWriter.Url> urls = new ArrayList<>();
        for (String path : plannedPages) {
            if (!path.endsWith(".html") || path.equals("404.html")) {
                continue;
            }
            String pretty = path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length())
                    : path;
            Optional<ZonedDateTime> lastmod = Optional.ofNullable(lastmods.get(path)).or(() -> newest);
            urls.add(new SitemapWriter.Url(site.config().origin() + site.basePath() + pretty, lastmod,
                    alternates.apply(path)));
        }
        return urls;
    }

    /** Output path → last change, for every post, page and page of every listing. */
    public Map<String, ZonedDateTime> lastmods(List<Listing<Page>> listings) {
        Map<String, ZonedDateTime> out = new HashMap<>();
        for (Page p : site.posts()) {
            out.put(p.outputPath(), p.lastmod());
        }
        for (Page p : site.pages()) {
            out.put(p.outputPath(), p.lastmod());
        }
        for (org.lateral.site.Event e : site.events()) {
            out.put(e.page().outputPath(), e.page().lastmod());
        }
        for (Listing<Page> l : listings) {
            for (Pager<Page> pager : l.pagers()) {
                newest(pager.items().stream().map(Page::lastmod).toList()).ifPresent(d -> out.put(pager.outputPath(), d));
            }
        }
        return out;
    }

    private static Optional<ZonedDateTime> newest(Collection<ZonedDateTime> times) {
        return times.stream().max(Comparator.comparing(ZonedDateTime::toInstant));
    }
}
