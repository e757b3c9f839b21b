package org.lateral.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lateral.feed.FeedOutput;
import org.lateral.feed.FeedPlanner;
import org.lateral.kind.Kind;
import java.util.function.Supplier;
import org.lateral.render.RelativeLinks;
import org.lateral.render.TemplateRenderer;
import org.lateral.search.SearchIndexWriter;
import org.lateral.site.Listing;
import org.lateral.site.Listings;
import org.lateral.site.Page;
import org.lateral.site.Pager;
import org.lateral.site.Site;

/**
 * Decides every file a build writes — a page per post and page, the pages of every
 * {@link Listing} (home, taxonomy indexes, tags and categories, authors, the series index and each
 * series, the archive and its periods, from {@link Listings#of}), the search index and page, the
 * 404 page, and (through {@link FeedPlanner}) the feeds, sitemap and robots.txt — and which
 * template renders each.
 * Each becomes a {@link Job}; nothing is rendered here.
 */
final class OutputPlanner {

    private final Site site;
    private final TemplateRenderer templates;
    private final FeedPlanner feeds;
    private final List<Listing> listings;
    private final List<Job> jobs = new ArrayList<>();

    OutputPlanner(Site site, TemplateRenderer templates, Path siteDir) {
        this.site = site;
        this.templates = templates;
        this.feeds = new FeedPlanner(site, siteDir);
        this.listings = Listings.of(site);
    }

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
            Kind.SERIES_LIST, new ListTemplate("series-list.ftlh", false),
            Kind.SERIES, new ListTemplate("series.ftlh", false),
            Kind.ARCHIVE, new ListTemplate("archive.ftlh", false),
            Kind.ARCHIVE_PERIOD, new ListTemplate("archive-period.ftlh", false));

    List<Job> plan() {
        for (Page p : site.posts()) {
            page(p, p.layout().map(l -> l + ".ftlh").orElse("post.ftlh"));
        }
        for (Page p : site.pages()) {
            page(p, p.layout().map(l -> l + ".ftlh").orElse("page.ftlh"));
        }
        for (Listing listing : listings) {
            ListTemplate template = LIST_TEMPLATES.get(listing.kind());
            if (!template.required() && !templates.exists(template.name())) {
                continue;
            }
            if (!listing.paginated()) {
                html(listing.address().outputFile(), listing.origin(), template.name(), model(listing, null));
                continue;
            }
            for (Pager pager : listing.pagers()) {
                html(pager.outputPath(), listing.origin(), template.name(), model(listing, pager));
            }
        }
        if (site.config().writes(Kind.SEARCH_INDEX)) {
            search();
        }
        if (site.config().writes(Kind.NOT_FOUND) && templates.exists("404.ftlh")) {
            html("404.html", "the 404 page", "404.ftlh", Map.of("kind", Kind.NOT_FOUND));
        }
        // feeds, sitemap and robots.txt last: the sitemap lists every page planned above
        for (FeedOutput f : feeds.outputs(listings, jobs.stream().map(Job::outputPath).toList())) {
            jobs.add(new Job(f.outputPath(), f.origin(), Optional.empty(), f.content()));
        }
        return jobs;
    }

    /** A list page's model: its kind, what it lists, the listing itself and, when paginated, its page. */
    private static Map<String, Object> model(Listing listing, Pager pager) {
        Map<String, Object> model = new HashMap<>(listing.subject());
        model.put("kind", listing.kind());
        model.put("listing", listing);
        if (pager != null) {
            model.put("paginator", pager);
        }
        return model;
    }

    private void search() {
        Once index = new Once(() -> SearchIndexWriter.json(site));
        jobs.add(new Job(SearchIndexWriter.FILE, "the search index", Optional.empty(), index::get));
        jobs.add(new Job(SearchIndexWriter.SCRIPT_FILE, "the search index", Optional.empty(),
                () -> SearchIndexWriter.script(index.get())));
        if (site.config().writes(Kind.SEARCH) && templates.exists("search.ftlh")) {
            html("search/index.html", "the search page", "search.ftlh", Map.of("kind", Kind.SEARCH));
        }
    }

    private void page(Page p, String template) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", p.kind());
        model.put("page", p);
        add(p.outputPath(), p.source().toString(), Optional.of(p.source()), template, model);
    }

    private void html(String outputPath, String origin, String template, Map<String, Object> model) {
        add(outputPath, origin, Optional.empty(), template, model);
    }

    private void add(String outputPath, String origin, Optional<Path> source, String template,
            Map<String, Object> model) {
        Map<String, Object> full = new HashMap<>(model);
        full.put("kind", ((Kind) model.get("kind")).templateName()); // templates compare names: kind == "term"
        full.put("site", site);
        boolean relative = site.config().relativeUrls() && !outputPath.equals("404.html");
        String basePath = site.basePath();
        jobs.add(new Job(outputPath, origin, source, () -> {
            String html = templates.render(template, full);
            if (relative) {
                html = RelativeLinks.rewrite(html, outputPath, basePath);
            }
            return html.getBytes(StandardCharsets.UTF_8);
        }));
    }

    /** Bytes made once, when first asked for, by whichever job gets there first. */
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
