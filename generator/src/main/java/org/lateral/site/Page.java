package org.lateral.site;

import org.lateral.address.Address;
import org.lateral.address.Addressed;
import org.lateral.plan.Kind;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One rendered post or page, immutable. Templates read its components as {@code page.title},
 * {@code page.content} and so on; {@code Optional}s appear to templates as missing values
 * ({@code page.updated??}).
 *
 * @param kind        {@link Kind#POST} or {@link Kind#PAGE}
 * @param source      the Markdown file, relative to the site folder
 * @param address     where it lives: {@link #url()} relative, base path included ({@code /cpd/2024/03/oracy/}),
 *                    {@link #permalink()} absolute, {@link #outputPath()} the file written
 *                    ({@code 2024/03/oracy/index.html})
 * @param summary     HTML before {@code <!--more-->}, else the first paragraph
 * @param description plain-text summary (front matter {@code summary}/{@code description}, else the
 *                    summary's text)
 * @param truncated   whether the summary is shorter than the content
 * @param content     the whole body as HTML
 * @param toc         table of contents HTML, empty unless asked for with {@code toc: true}
 * @param image       relative or absolute URL of the post's image
 * @param params      front matter keys Lateral does not know, for templates
 * @param resources   files beside a post written as a folder, copied next to its page
 * @param scheduled   whether the post goes live after the build (shown only when built with future posts)
 * @param terms       its terms in each of the site's own taxonomies ({@code subjects}, {@code keystages}),
 *                    by taxonomy name; tags and categories are {@link #tags()} and {@link #categories()}
 * @param swap        a post's offer or request ({@code offer:}/{@code request:}), its place in the swap-shop
 */
public record Page(
        Kind kind,
        Path source,
        Address address,
        String title,
        String slug,
        ZonedDateTime date,
        Optional<ZonedDateTime> updated,
        List<Author> authors,
        List<TermRef> tags,
        List<TermRef> categories,
        Optional<String> series,
        Optional<Integer> part,
        Optional<String> stage,
        String summary,
        String description,
        boolean truncated,
        String content,
        String toc,
        Optional<String> image,
        int wordCount,
        boolean draft,
        Optional<String> layout,
        Map<String, Object> params,
        List<Path> resources,
        boolean scheduled,
        Map<String, List<TermRef>> terms,
        Optional<org.lateral.community.Swap> swap) implements Addressed {

    public Page {
        Objects.requireNonNull(swap, "swap");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        params = Map.copyOf(params);
        resources = List.copyOf(resources);
        terms = terms == null ? Map.of() : Map.copyOf(terms);
    }

    /** A page in no taxonomy of the site's own. */
    public Page(Kind kind, Path source, Address address, String title, String slug,
            ZonedDateTime date, Optional<ZonedDateTime> updated, List<Author> authors, List<TermRef> tags,
            List<TermRef> categories, Optional<String> series, Optional<Integer> part, Optional<String> stage,
            String summary, String description, boolean truncated, String content, String toc,
            Optional<String> image, int wordCount, boolean draft, Optional<String> layout,
            Map<String, Object> params, List<Path> resources, boolean scheduled) {
        this(kind, source, address, title, slug, date, updated, authors, tags, categories, series,
                part, stage, summary, description, truncated, content, toc, image, wordCount, draft, layout, params,
                resources, scheduled, Map.of());
    }

    /** Its terms in the taxonomy {@code name}: tags, categories or one of the site's own. */
    public List<TermRef> termsOf(String name) {
        return switch (name) {
            case "tags" -> tags;
            case "categories" -> categories;
            default -> terms.getOrDefault(name, List.of());
        };
    }

    /** A page that is neither an offer nor a request. */
    public Page(Kind kind, Path source, Address address, String title, String slug,
            ZonedDateTime date, Optional<ZonedDateTime> updated, List<Author> authors, List<TermRef> tags,
            List<TermRef> categories, Optional<String> series, Optional<Integer> part, Optional<String> stage,
            String summary, String description, boolean truncated, String content, String toc,
            Optional<String> image, int wordCount, boolean draft, Optional<String> layout,
            Map<String, Object> params, List<Path> resources, boolean scheduled, Map<String, List<TermRef>> terms) {
        this(kind, source, address, title, slug, date, updated, authors, tags, categories, series, part, stage,
                summary, description, truncated, content, toc, image, wordCount, draft, layout, params, resources,
                scheduled, terms, Optional.empty());
    }

    /** A page that is not scheduled. */
    public Page(Kind kind, Path source, Address address, String title, String slug,
            ZonedDateTime date, Optional<ZonedDateTime> updated, List<Author> authors, List<TermRef> tags,
            List<TermRef> categories, Optional<String> series, Optional<Integer> part, Optional<String> stage,
            String summary, String description, boolean truncated, String content, String toc,
            Optional<String> image, int wordCount, boolean draft, Optional<String> layout,
            Map<String, Object> params, List<Path> resources) {
        this(kind, source, address, title, slug, date, updated, authors, tags, categories, series,
                part, stage, summary, description, truncated, content, toc, image, wordCount, draft, layout, params,
                resources, false);
    }

    /** The same page with its body and summary replaced (links resolved after every page's address is known). */
    public Page withContent(String newContent, String newSummary) {
        return new Page(kind, source, address, title, slug, date, updated, authors, tags,
                categories, series, part, stage, newSummary, description, truncated, newContent, toc, image, wordCount,
                draft, layout, params, resources, scheduled, terms, swap);
    }

    /**
     * Whether this page is {@code other} but for what its body makes (content, summary, description,
     * table of contents, word count): then every list of the site holds it in the same place.
     */
    public boolean sameButBody(Page o) {
        return kind == o.kind && source.equals(o.source) && address.equals(o.address) && title.equals(o.title)
                && Objects.equals(slug, o.slug) && date.equals(o.date) && updated.equals(o.updated)
                && authors.equals(o.authors) && tags.equals(o.tags) && categories.equals(o.categories)
                && series.equals(o.series) && part.equals(o.part) && stage.equals(o.stage) && image.equals(o.image)
                && draft == o.draft && layout.equals(o.layout) && params.equals(o.params)
                && resources.equals(o.resources) && scheduled == o.scheduled && terms.equals(o.terms)
                && swap.equals(o.swap);
    }

    /** The file written for it, relative to the output folder ({@code 2024/03/oracy/index.html}). */
    public String outputPath() {
        return address.outputPath();
    }

    /** Minutes to read at 220 words a minute, at least 1. */
    public int readingTime() {
        return Math.max(1, (int) Math.round(wordCount / 220.0));
    }

    /** The stage as a CSS-friendly word ({@code "Act & review"} → {@code "act-review"}); empty when there is none. */
    public String stageSlug() {
        return stage.map(org.lateral.internal.Slugs::slugify).orElse("");
    }

    /** The last time the page changed: {@code updated}, else {@code date}. */
    public ZonedDateTime lastmod() {
        return updated.orElse(date);
    }

    /** Whether the post stays at the top of the home page ({@code pinned: true}). */
    public boolean pinned() {
        return Boolean.TRUE.equals(params.get("pinned"));
    }

    public boolean isPost() {
        return kind == Kind.POST;
    }

    /** Whether this is an event's page ({@code content/events/}). */
    public boolean isEvent() {
        return kind == Kind.EVENT;
    }
}
