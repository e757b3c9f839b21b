package org.lateral.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.lateral.feed.FeedPlanner;
import org.lateral.plan.Format;
import org.lateral.plan.Input;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.plan.Plan;
import org.lateral.render.TemplateRenderer;
import org.lateral.search.SearchIndexWriter;
import org.lateral.site.Listing;
import org.lateral.site.Listings;
import org.lateral.site.Page;
import org.lateral.site.Pager;
import org.lateral.site.Site;

/**
 * Decides every file a build writes, from each kind's row of formats ({@link Kind#formats()}):
 * a page per post and page, the pages of every {@link Listing} (home, taxonomy indexes, tags and
 * categories, authors, the series index and each series, the archive and its periods, from
 * {@link Listings#of}), the search index and page, the 404 page, and (through {@link FeedPlanner})
 * the feeds of the home page and of every listing that has them, the sitemap and robots.txt.
 * Each becomes an {@link Output} that declares its inputs; nothing is rendered here.
 */
final class OutputPlanner {

    /** What every rendered page may read besides its own sources: other posts' titles, templates, settings, data. */
    static final Set<Input> SITE_WIDE = Set.of(Input.FRONT_MATTER, Input.TEMPLATES, Input.CONFIG, Input.DATA);

    /**
     * The template of each kind of list, and whether a theme must have it (older themes may lack
     * the series and archive templates; their lists are then not written).
     */
    private record ListTemplate(String name, boolean required) {
    }

    private static final Map<Kind, ListTemplate> LIST_TEMPLATES = Map.of(
            Kind.HOME, new ListTemplate("home.ftlh", true),
            Kind.TAXONOMY, new ListTemplate("taxonomy.ftlh", true),
            Kind.TERM, new ListTemplate("term.ftlh", true),
            Kind.AUTHOR, new ListTemplate("author.ftlh", true),
            Kind.AUTHORS, new ListTemplate("authors.ftlh", false),
            Kind.SERIES_LIST, new ListTemplate("series-list.ftlh", false),
            Kind.SERIES, new ListTemplate("series.ftlh", false),
            Kind.ARCHIVE, new ListTemplate("archive.ftlh", false),
            Kind.ARCHIVE_PERIOD, new ListTemplate("archive-period.ftlh", false));

    private final Site site;
    private final TemplateOutputs pages;
    private final FeedPlanner feeds;
    private final List<Listing> listings;
    private final List<Output> outputs = new ArrayList<>();

    private final java.util.function.Function<Page, List<String>> searchWords;

    OutputPlanner(Site site, TemplateRenderer templates, Path siteDir) {
        this(site, templates, siteDir, SearchIndexWriter::words);
    }

    /** @param searchWords each page's search words ({@link SearchIndexWriter#words}, or a session's cache of them) */
    OutputPlanner(Site site, TemplateRenderer templates, Path siteDir,
            java.util.function.Function<Page, List<String>> searchWords) {
        this.searchWords = searchWords;
        this.site = site;
        this.pages = new TemplateOutputs(templates, Map.of("site", site), site.basePath(), site.config().relativeUrls());
        this.feeds = new FeedPlanner(site, siteDir);
        this.listings = Listings.of(site);
    }

    Plan plan() {
        for (Page p : site.posts()) {
            page(p, p.layout().map(l -> l + ".ftlh").orElse("post.ftlh"));
        }
        for (Page p : site.pages()) {
            page(p, p.layout().map(l -> l + ".ftlh").orElse("page.ftlh"));
        }
        List<Listing> withFeeds = new ArrayList<>();
        for (Listing listing : listings) {
            ListTemplate template = LIST_TEMPLATES.get(listing.kind());
            boolean html = listing.kind().formats().contains(Format.HTML)
                    && (template.required() || pages.exists(template.name()));
            if (html && !listing.paginated()) {
                outputs.add(pages.html(listing.kind(), listing.address().outputFile(), listing.origin(), Optional.empty(),
                        template.name(), model(listing, null), SITE_WIDE));
            }
            for (Pager pager : html && listing.paginated() ? listing.pagers() : List.<Pager>of()) {
                outputs.add(pages.html(listing.kind(), pager.outputPath(), listing.origin(), Optional.empty(),
                        template.name(), model(listing, pager), inputs(pager.items())));
            }
            if (listing.hasFeeds()) {
                withFeeds.add(listing);
            }
        }
        if (site.config().writes(Kind.SEARCH_INDEX)) {
            search();
        }
        if (site.config().writes(Kind.NOT_FOUND) && pages.exists("404.ftlh")) {
            outputs.add(pages.html(Kind.NOT_FOUND, "404.html", "the 404 page", Optional.empty(), "404.ftlh", Map.of(),
                    SITE_WIDE));
        }
        // feeds, sitemap and robots.txt last: the sitemap lists every page planned above
        outputs.addAll(feeds.outputs(listings, outputs.stream().map(Output::outputPath).toList()));
        // redirect pages after the sitemap: an old address is listed nowhere
        outputs.addAll(AliasPages.outputs(site));
        return new Plan(outputs);
    }

    /** What a page showing these posts is made from: their sources (summaries, reading times) and {@link #SITE_WIDE}. */
    static Set<Input> inputs(List<Page> shown) {
        Set<Input> out = new HashSet<>(SITE_WIDE);
        for (Page p : shown) {
            out.add(Input.source(p.source()));
        }
        return out;
    }

    /** A list page's model: what it lists, the listing itself and, when paginated, its page. */
    private static Map<String, Object> model(Listing listing, Pager pager) {
        Map<String, Object> model = new HashMap<>(listing.subject());
        model.put("listing", listing);
        if (pager != null) {
            model.put("paginator", pager);
        }
        return model;
    }

    private void search() {
        Once index = new Once(() -> SearchIndexWriter.json(site, searchWords));
        Set<Input> all = Set.of(Input.ALL_SOURCES, Input.CONFIG);
        outputs.add(new Output(Kind.SEARCH_INDEX, Format.JSON, SearchIndexWriter.FILE, "the search index",
                Optional.empty(), all, index::get));
        outputs.add(new Output(Kind.SEARCH_INDEX, Format.JAVASCRIPT, SearchIndexWriter.SCRIPT_FILE, "the search index",
                Optional.empty(), all, () -> SearchIndexWriter.script(index.get())));
        if (site.config().writes(Kind.SEARCH) && pages.exists("search.ftlh")) {
            outputs.add(pages.html(Kind.SEARCH, "search/index.html", "the search page", Optional.empty(), "search.ftlh",
                    Map.of(), SITE_WIDE));
        }
    }

    private void page(Page p, String template) {
        outputs.add(pages.html(p.kind(), p.outputPath(), p.source().toString(), Optional.of(p.source()), template,
                Map.of("page", p), inputs(List.of(p))));
    }

    /** Bytes made once, when first asked for, by whichever output gets there first. */
    private static final class Once {
        private final Supplier<byte[]> maker;
        private byte[] bytes;

        Once(Supplier<byte[]> maker) {
            this.maker = maker;
        }

        synchronized byte[] get() {
            if (bytes == null) {
                bytes = maker.get();
            }
            return bytes;
        }
    }
}
