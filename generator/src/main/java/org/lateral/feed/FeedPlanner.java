package org.lateral.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lateral.site.Author;
import org.lateral.site.Page;
import org.lateral.site.Pager;
import org.lateral.site.Site;
import org.lateral.taxonomy.Series;
import org.lateral.taxonomy.Taxonomy;
import org.lateral.taxonomy.Term;

/**
 * Decides the feed files, the sitemap and robots.txt of a build; the bytes are produced later, in
 * parallel, by each {@link FeedOutput}'s supplier.
 *
 * <ul>
 * <li>the site: {@code feed.xml} (Atom), {@code rss.xml}, {@code feed.json};</li>
 * <li>each tag, category and author: the same three names in the term's or author's folder
 *     ({@code tags/oracy/feed.xml});</li>
 * <li>any other list, through {@link #forList} ({@code series/oracy-project/feed.xml});</li>
 * <li>{@code sitemap.xml} and {@code robots.txt}, unless the site's {@code static/} folder has its own.</li>
 * </ul>
 *
 * <pre>{@code
 * FeedPlanner feeds = new FeedPlanner(site, siteDir);
 * List<FeedOutput> files = feeds.outputs(htmlPathsPlanned);
 * files.addAll(feeds.forList(FeedList.of("Oracy project", "/series/oracy-project/", parts)));
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

    /**
     * @param site    the assembled site
     * @param siteDir its folder: local images give their size to enclosures, and a
     *                {@code static/robots.txt} or {@code static/sitemap.xml} of the site's own wins
     */
    public FeedPlanner(Site site, Path siteDir) {
        this.site = Objects.requireNonNull(site, "site");
        this.siteDir = Objects.requireNonNull(siteDir, "siteDir");
        this.entries = new FeedEntries(site, siteDir);
    }

    /**
     * The site's feeds, every tag's, category's and author's, the sitemap and robots.txt.
     *
     * @param plannedPages output paths of every file the build writes so far; its HTML pages
     *                     (except {@code 404.html}) are the sitemap's entries
     */
    public List<FeedOutput> outputs(List<String> plannedPages) {
        List<FeedOutput> out = new ArrayList<>(forList(
                new FeedList(site.title(), site.description(), site.basePath(), site.posts()), "the site"));
        boolean lists = site.config().writes("listFeeds");
        for (Taxonomy t : lists ? site.taxonomies().values() : List.<Taxonomy>of()) {
            if (!site.config().writes(t.name())) {
                continue;
            }
            for (Term term : t.terms()) {
                out.addAll(forList(FeedList.of(term.name() + " · " + site.title(), term.url(), term.pages()),
                        "the " + t.singular() + " \"" + term.name() + "\""));
            }
        }
        for (Author a : lists && site.config().writes("authors") ? site.authors() : List.<Author>of()) {
            List<Page> posts = site.postsByAuthor().getOrDefault(a.id(), List.of());
            out.addAll(forList(new FeedList(a.name() + " · " + site.title(), a.bio() == null ? "" : a.bio(),
                    a.url(), posts), "the author " + a.name()));
        }
        for (Series s : lists && site.config().writes("series") ? site.series().all() : List.<Series>of()) {
            out.addAll(forList(FeedList.of(s.name() + " · " + site.title(), s.url(), s.pages()),
                    "the series \"" + s.name() + "\""));
        }
        if (site.config().writes("sitemap") && !ownStatic(SITEMAP)) {
            List<SitemapWriter.Url> urls = sitemapUrls(plannedPages);
            out.add(new FeedOutput(SITEMAP, "the sitemap", () -> SitemapWriter.sitemap(urls)));
        }
        if (site.config().writes("robots") && !ownStatic(ROBOTS)) {
            String sitemap = site.absUrl(SITEMAP);
            out.add(new FeedOutput(ROBOTS, "robots.txt", () -> SitemapWriter.robots(sitemap)));
        }
        return out;
    }

    /** Atom, RSS and JSON feeds of one list, written in the list's folder. */
    public List<FeedOutput> forList(FeedList list) {
        return forList(list, "the list " + list.url());
    }

    private List<FeedOutput> forList(FeedList list, String what) {
        String url = site.url(list.url());
        String dir = url.substring(Math.min(url.length(), site.basePath().length()));
        List<Page> posts = list.pages().stream().filter(Page::isPost)
                .limit(site.config().feeds().entries()).toList();
        return List.of(
                new FeedOutput(dir + ATOM, "the Atom feed of " + what,
                        () -> AtomWriter.write(document(list, url, posts))),
                new FeedOutput(dir + RSS, "the RSS feed of " + what,
                        () -> RssWriter.write(document(list, url, posts))),
                new FeedOutput(dir + JSON, "the JSON feed of " + what,
                        () -> JsonFeedWriter.write(document(list, url, posts))));
    }

    /** Called when a feed is written, on any thread; the entries themselves are worked out once. */
    private FeedDocument document(FeedList list, String url, List<Page> posts) {
        List<FeedEntry> items = entries.of(posts);
        ZonedDateTime updated = newest(items.stream().map(FeedEntry::updated).toList()).orElse(site.buildTime());
        String description = !list.description().isBlank() ? list.description()
                : !site.description().isBlank() ? site.description() : list.title();
        return new FeedDocument(XmlChars.clean(list.title()), XmlChars.clean(description.strip()),
                site.absUrl(url), site.absUrl(url + ATOM), site.absUrl(url + RSS), site.absUrl(url + JSON),
                site.language(), updated, entries.siteAsAuthor(), site.config().feeds().full(), items,
                site.config().publish().websub());
    }

    private boolean ownStatic(String name) {
        return Files.isRegularFile(siteDir.resolve("static").resolve(name));
    }

    /** One sitemap entry per HTML page planned, with the time it (or the newest post it lists) last changed. */
    private List<SitemapWriter.Url> sitemapUrls(List<String> plannedPages) {
        Map<String, ZonedDateTime> lastmods = lastmods();
        Optional<ZonedDateTime> newest = newest(lastmods.values());
        List<SitemapWriter.Url> urls = new ArrayList<>();
        for (String path : plannedPages) {
            if (!path.endsWith(".html") || path.equals("404.html")) {
                continue;
            }
            String pretty = path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length())
                    : path;
            Optional<ZonedDateTime> lastmod = Optional.ofNullable(lastmods.get(path)).or(() -> newest);
            urls.add(new SitemapWriter.Url(site.config().origin() + site.basePath() + pretty, lastmod));
        }
        return urls;
    }

    /** Output path → last change, for every page and list the site model knows of. */
    private Map<String, ZonedDateTime> lastmods() {
        Map<String, ZonedDateTime> out = new HashMap<>();
        for (Page p : site.posts()) {
            out.put(p.outputPath(), p.lastmod());
        }
        for (Page p : site.pages()) {
            out.put(p.outputPath(), p.lastmod());
        }
        list(out, site.posts(), site.config().paginate(), site.basePath(), "");
        for (Taxonomy t : site.taxonomies().values()) {
            List<Page> all = new ArrayList<>();
            for (Term term : t.terms()) {
                all.addAll(term.pages());
                list(out, term.pages(), site.config().paginateTerms(), term.url(), term.outputDir());
            }
            newest(all.stream().map(Page::lastmod).toList()).ifPresent(d -> out.put(t.outputDir() + "index.html", d));
        }
        for (Author a : site.authors()) {
            List<Page> posts = site.postsByAuthor().getOrDefault(a.id(), List.of());
            list(out, posts, site.config().paginateTerms(), a.url(), a.url().substring(site.basePath().length()));
        }
        return out;
    }

    private static void list(Map<String, ZonedDateTime> out, List<Page> items, int size, String url, String dir) {
        for (Pager pager : Pager.paginate(items, size, url, dir)) {
            newest(pager.items().stream().map(Page::lastmod).toList()).ifPresent(d -> out.put(pager.outputPath(), d));
        }
    }

    private static Optional<ZonedDateTime> newest(Collection<ZonedDateTime> times) {
        return times.stream().max(Comparator.comparing(ZonedDateTime::toInstant));
    }
}
