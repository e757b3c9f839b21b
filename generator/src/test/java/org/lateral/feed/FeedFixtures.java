package org.lateral.feed;

import org.lateral.address.Address;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lateral.config.SiteConfig;
import org.lateral.site.Author;
import org.lateral.plan.Kind;
import org.lateral.site.Page;
import org.lateral.site.Site;
import org.lateral.site.TermRef;
import org.lateral.taxonomy.Taxonomy;
import org.lateral.taxonomy.Term;

/** Small hand-made feeds, pages and sites for the writers' and planner's tests. */
final class FeedFixtures {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String BASE = "https://example.org/cpd/";

    private FeedFixtures() {
    }

    static ZonedDateTime date(String iso) {
        return java.time.LocalDateTime.parse(iso + "T09:30:00").atZone(LONDON);
    }

    static FeedEntry entry(String title, String content) {
        return new FeedEntry("tag:example.org,2024-03-05:/cpd/posts/oracy", title,
                BASE + "2024/03/oracy/", date("2024-03-05"), date("2024-03-07"),
                List.of(new FeedEntry.Person("Aisha Rahman", BASE + "authors/arahman/", "")),
                List.of(new FeedEntry.Category("categories", "Events", BASE + "categories/events/"),
                        new FeedEntry.Category("tags", "Oracy", BASE + "tags/oracy/")),
                content, "<p>Summary.</p>", "Summary.",
                Optional.of(new FeedEntry.Enclosure(BASE + "2024/03/oracy/photo.jpg", "image/jpeg", 1234)),
                Optional.empty());
    }

    static FeedEntry inWelsh(FeedEntry e) {
        return new FeedEntry(e.id(), e.title(), e.url(), e.published(), e.updated(), e.authors(), e.categories(),
                e.contentHtml(), e.summaryHtml(), e.summaryText(), e.image(), Optional.of("cy"));
    }

    static FeedDocument document(boolean full, FeedEntry... entries) {
        return new FeedDocument("Ms Rahman's CPD journal", "What I am learning.", BASE, BASE + "feed.xml",
                BASE + "rss.xml", BASE + "feed.json", "en-GB", date("2024-03-07"),
                new FeedEntry.Person("Ms Rahman's CPD journal", BASE, ""), full, List.of(entries));
    }

    static SiteConfig config() {
        return new SiteConfig("Ms Rahman's CPD journal", "What I am learning.", BASE, "en-GB", LONDON, "default",
                Map.of(), SiteConfig.Permalinks.DEFAULT, 10, 10, List.of(), SiteConfig.FeedConfig.DEFAULT, Map.of(),
                Optional.empty(), 9, true, java.util.Set.of());
    }

    static Author author() {
        return new Author("arahman", "Aisha Rahman", "Teaches English.",
                new Address("/cpd/authors/arahman/", BASE + "authors/arahman/", "authors/arahman/index.html"), "", "");
    }

    /** A post at {@code /cpd/<yyyy>/<mm>/<slug>/}, tagged {@code oracy}, by {@link #author()}. */
    static Page post(String source, String slug, String title, ZonedDateTime date, Map<String, Object> params) {
        String path = String.format("%04d/%02d/%s/", date.getYear(), date.getMonthValue(), slug);
        return new Page(Kind.POST, Path.of(source), new Address("/cpd/" + path, BASE + path, path + "index.html"), title, slug,
                date, Optional.empty(), List.of(author()),
                List.of(new TermRef("tags", "Oracy", "oracy", Address.ofPath("https://example.org", "/cpd/", "tags/oracy/"))), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), "<p>Hello.</p>", "Hello.", true,
                "<p>Hello.</p><p><img src=\"photo.jpg\" alt=\"\"></p>", "", Optional.empty(), 2, false,
                Optional.empty(), params, List.of());
    }

    static Site site(List<Page> posts) {
        return site(posts, BASE);
    }

    static Site site(List<Page> posts, String baseUrl) {
        Map<String, Taxonomy> taxonomies = new LinkedHashMap<>();
        taxonomies.put("tags", new Taxonomy("tags", "tag", Address.folder("/cpd/tags/", BASE + "tags/", "tags/"),
                posts.isEmpty() ? List.of()
                        : List.of(new Term("tags", "Oracy", "oracy",
                                Address.folder("/cpd/tags/oracy/", BASE + "tags/oracy/", "tags/oracy/"), posts))));
        taxonomies.put("categories", new Taxonomy("categories", "category",
                Address.folder("/cpd/categories/", BASE + "categories/", "categories/"), List.of()));
        List<Author> authors = posts.isEmpty() ? List.of() : List.of(author());
        Map<String, List<Page>> byAuthor = posts.isEmpty() ? Map.of() : Map.of("arahman", new ArrayList<>(posts));
        return Site.withoutExtras(config().withBaseUrl(baseUrl), posts, List.of(), taxonomies, authors, byAuthor, Map.of(), date("2024-04-01"));
    }
}
