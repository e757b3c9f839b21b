package org.lateral.feed;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lateral.site.Author;
import org.lateral.site.Page;
import org.lateral.site.Site;
import org.lateral.site.TermRef;

/**
 * Turns posts into {@link FeedEntry}s, each once per build however many feeds it appears in (a
 * post is in the site's feeds and in the feeds of each of its tags, categories and authors).
 * Thread-safe: feeds are written in parallel and share one instance.
 */
final class FeedEntries {

    private final Site site;
    private final Path siteDir;
    private final Map<Path, FeedEntry> cache = new ConcurrentHashMap<>();
    /** Where the last build's entries are found by page object (a session's), and this build's kept. */
    private final FeedFragments kept;

    /** @param siteDir the site's folder, for the size of local images */
    FeedEntries(Site site, Path siteDir) {
        this(site, siteDir, new FeedFragments());
    }

    /** @param kept the build's fragments, which hold a session's last entries (by page object) */
    FeedEntries(Site site, Path siteDir, FeedFragments kept) {
        this.site = site;
        this.siteDir = siteDir;
        this.kept = kept;
    }

    FeedEntry of(Page page) {
        return cache.computeIfAbsent(page.source(), k -> kept.entry(page, this::create));
    }

    List<FeedEntry> of(List<Page> pages) {
        return pages.stream().map(this::of).toList();
    }

    /** The site itself as an author, for posts that name none. */
    FeedEntry.Person siteAsAuthor() {
        return new FeedEntry.Person(XmlChars.clean(site.title()), site.baseUrl(), "");
    }

    private FeedEntry create(Page page) {
        List<FeedEntry.Person> authors = new ArrayList<>();
        for (Author a : page.authors()) {
            authors.add(new FeedEntry.Person(XmlChars.clean(a.name()), a.permalink() == null ? "" : a.permalink(),
                    a.avatar() == null || a.avatar().isBlank() ? "" : site.absUrl(a.avatar())));
        }
        if (authors.isEmpty()) {
            authors.add(siteAsAuthor());
        }
        List<FeedEntry.Category> categories = new ArrayList<>();
        for (TermRef t : page.categories()) {
            categories.add(category(t));
        }
        for (TermRef t : page.tags()) {
            categories.add(category(t));
        }
        for (org.lateral.config.SiteConfig.TaxonomyConfig own : site.config().taxonomies()) {
            for (TermRef t : page.termsOf(own.name())) {
                categories.add(category(t));
            }
        }
        String base = page.permalink();
        return new FeedEntry(EntryIds.of(page, site), XmlChars.clean(page.title()), base, page.date(),
                page.lastmod(), authors, categories,
                XmlChars.clean(AbsoluteUrls.resolve(page.content(), base)),
                XmlChars.clean(AbsoluteUrls.resolve(page.summary(), base)),
                XmlChars.clean(page.description()), page.image().map(i -> enclosure(page, i)),
                Optional.ofNullable(page.params().get("lang")).map(String::valueOf).map(String::strip)
                        .filter(l -> !l.isEmpty()).map(XmlChars::clean),
                inReplyTo(page));
    }

    /** {@code in_reply_to:} in the front matter (checked there: whole http(s) addresses). */
    private static List<FeedEntry.Reply> inReplyTo(Page page) {
        Object to = page.params().get("in_reply_to");
        if (!(to instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).map(XmlChars::clean).map(a -> new FeedEntry.Reply(a, a)).toList();
    }

    private FeedEntry.Category category(TermRef t) {
        return new FeedEntry.Category(t.taxonomy(), XmlChars.clean(t.name()), site.absUrl(t.url()));
    }

    private FeedEntry.Enclosure enclosure(Page page, String image) {
        String url = AbsoluteUrls.url(site.absUrl(image), page.permalink());
        return new FeedEntry.Enclosure(url, MediaTypes.guess(image), localFile(page, image).map(FeedEntries::size)
                .orElse(0L));
    }

    /**
     * The file behind a post's image: beside the post ({@code image: photo.jpg} in a folder
     * post) or in the site's {@code static/} folder ({@code image: /images/photo.jpg}).
     */
    private Optional<Path> localFile(Page page, String image) {
        if (image.contains("://")) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        if (image.startsWith(page.url())) {
            Path bundle = siteDir.resolve(page.source()).getParent();
            String rel = image.substring(page.url().length());
            resolve(bundle, rel).ifPresent(candidates::add);
            resolve(bundle, decode(rel)).ifPresent(candidates::add);
        }
        String inSite = site.url(image); // "/images/a.jpg" → "/cpd/images/a.jpg", as the page links it
        if (inSite.startsWith(site.basePath())) {
            String rel = inSite.substring(site.basePath().length());
            resolve(siteDir.resolve("static"), rel).ifPresent(candidates::add);
            resolve(siteDir.resolve("static"), decode(rel)).ifPresent(candidates::add);
        }
        Path root = siteDir.toAbsolutePath().normalize();
        return candidates.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .filter(p -> p.startsWith(root) && Files.isRegularFile(p))
                .findFirst();
    }

    private static Optional<Path> resolve(Path dir, String rel) {
        try {
            return Optional.of(dir.resolve(rel));
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0L;
        }
    }
}
