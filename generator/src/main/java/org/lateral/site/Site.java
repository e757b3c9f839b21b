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
 */
public record Site(SiteConfig config, List<Page> posts, List<Page> pages, Map<String, Taxonomy> taxonomies,
        List<Author> authors, Map<String, List<Page>> postsByAuthor, Map<String, Object> data,
        ZonedDateTime buildTime, SeriesIndex series, Archive archive, Related related) {

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
    }

    /** The same site seen with another config (tests; a preview with another base URL). */
    public Site withConfig(SiteConfig other) {
        return new Site(other, posts, pages, taxonomies, authors, postsByAuthor, data, buildTime, series, archive,
                related);
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

    /** Where a post stands in its series ({@code "Part 2 of 5"}); missing in templates when it is in none. */
    public Optional<Series.Position> seriesOf(Page page) {
        return series.positionOf(page);
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

    /** The latest {@code n} posts. */
    public List<Page> recent(int n) {
        return posts.subList(0, Math.min(n, posts.size()));
    }

    /** {@code "about/"} or {@code "/about/"} → {@code "/cpd/about/"}; absolute URLs are returned as they are. */
    public String url(String path) {
        if (path.contains("://") || path.startsWith("#") || path.startsWith("mailto:")) {
            return path;
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.startsWith(basePath().substring(1)) && basePath().length() > 1) {
            return "/" + p;
        }
        return basePath() + p;
    }

    /** Absolute URL for a relative one (from {@link #url} or a page's {@code url}). */
    public String absUrl(String path) {
        if (path.contains("://")) {
            return path;
        }
        return config.origin() + url(path);
    }
}
