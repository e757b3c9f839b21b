package org.lateral.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lateral.feed.FeedOutput;
import org.lateral.feed.FeedPlanner;
import java.util.function.Supplier;
import org.lateral.render.RelativeLinks;
import org.lateral.render.TemplateRenderer;
import org.lateral.search.SearchIndexWriter;
import org.lateral.site.Author;
import org.lateral.site.Page;
import org.lateral.site.Pager;
import org.lateral.site.Site;
import org.lateral.taxonomy.Archive;
import org.lateral.taxonomy.Series;
import org.lateral.taxonomy.Taxonomy;
import org.lateral.taxonomy.Term;

/**
 * Decides every file a build writes — a page per post and page, the paginated home, a page per
 * tag, category, author and series, the taxonomy and series indexes, the archives, the search
 * index and page, the 404 page, and (through {@link FeedPlanner}) the feeds, sitemap and
 * robots.txt — and which template renders each.
 * Each becomes a {@link Job}; nothing is rendered here.
 */
final class OutputPlanner {

    private final Site site;
    private final TemplateRenderer templates;
    private final FeedPlanner feeds;
    private final List<Job> jobs = new ArrayList<>();

    OutputPlanner(Site site, TemplateRenderer templates, Path siteDir) {
        this.site = site;
        this.templates = templates;
        this.feeds = new FeedPlanner(site, siteDir);
    }

    List<Job> plan() {
        for (Page p : site.posts()) {
            page(p, p.layout().map(l -> l + ".ftlh").orElse("post.ftlh"));
        }
        for (Page p : site.pages()) {
            page(p, p.layout().map(l -> l + ".ftlh").orElse("page.ftlh"));
        }
        for (Pager pager : Pager.paginate(site.posts(), site.config().paginate(), site.basePath(), "")) {
            html(pager.outputPath(), "the home page", "home.ftlh", Map.of("kind", "home", "paginator", pager));
        }
        for (Taxonomy t : site.taxonomies().values()) {
            if (t.isEmpty() || !site.config().writes(t.name())) {
                continue;
            }
            if (site.config().writes("taxonomy")) {
                html(t.outputDir() + "index.html", "the " + t.name() + " page", "taxonomy.ftlh",
                        Map.of("kind", "taxonomy", "taxonomy", t));
            }
            for (Term term : t.terms()) {
                for (Pager pager : Pager.paginate(term.pages(), site.config().paginateTerms(), term.url(),
                        term.outputDir())) {
                    html(pager.outputPath(), "the " + t.singular() + " \"" + term.name() + "\"", "term.ftlh",
                            Map.of("kind", "term", "taxonomy", t, "term", term, "paginator", pager));
                }
            }
        }
        for (Author a : site.config().writes("authors") ? site.authors() : List.<Author>of()) {
            List<Page> posts = site.postsByAuthor().getOrDefault(a.id(), List.of());
            String dir = a.url().substring(site.basePath().length());
            for (Pager pager : Pager.paginate(posts, site.config().paginateTerms(), a.url(), dir)) {
                html(pager.outputPath(), "the author page of " + a.name(), "author.ftlh",
                        Map.of("kind", "author", "author", a, "paginator", pager));
            }
        }
        authorsIndex();
        seriesAndArchives();
        if (site.config().writes("search")) {
            search();
        }
        if (site.config().writes("404") && templates.exists("404.ftlh")) {
            html("404.html", "the 404 page", "404.ftlh", Map.of("kind", "404"));
        }
        // feeds, sitemap and robots.txt last: the sitemap lists every page planned above
        for (FeedOutput f : feeds.outputs(jobs.stream().map(Job::outputPath).toList())) {
            jobs.add(new Job(f.outputPath(), f.origin(), Optional.empty(), f.content()));
        }
        return jobs;
    }

    /** The page listing every author ({@code authors/index.html}), when author pages are written. */
    private void authorsIndex() {
        if (site.config().writes("authors") && !site.authors().isEmpty() && templates.exists("authors.ftlh")) {
            String dir = site.authorsUrl().substring(site.basePath().length());
            html(dir + "index.html", "the authors page", "authors.ftlh", Map.of("kind", "authors"));
        }
    }

    /** Series and archive pages, for themes that have their templates (older themes may not). */
    private void seriesAndArchives() {
        int per = site.config().paginateTerms();
        boolean series = site.config().writes("series");
        boolean archive = site.config().writes("archive");
        if (series && !site.series().isEmpty() && templates.exists("series-list.ftlh")) {
            html(site.series().outputDir() + "index.html", "the series page", "series-list.ftlh",
                    Map.of("kind", "seriesList"));
        }
        for (Series s : series && templates.exists("series.ftlh") ? site.series().all() : List.<Series>of()) {
            for (Pager pager : Pager.paginate(s.parts(), per, s.url(), s.outputDir())) {
                html(pager.outputPath(), "the series \"" + s.name() + "\"", "series.ftlh",
                        Map.of("kind", "series", "series", s, "paginator", pager));
            }
        }
        if (archive && !site.archive().isEmpty() && templates.exists("archive.ftlh")) {
            html(site.archive().outputDir() + "index.html", "the archive page", "archive.ftlh",
                    Map.of("kind", "archive"));
        }
        boolean periods = archive && templates.exists("archive-period.ftlh");
        for (Archive.Period period : periods ? site.archive().periods() : List.<Archive.Period>of()) {
            for (Pager pager : Pager.paginate(period.pages(), per, period.url(), period.outputDir())) {
                html(pager.outputPath(), "the archive of " + period.key(), "archive-period.ftlh",
                        Map.of("kind", "archivePeriod", "period", period, "paginator", pager));
            }
        }
    }

    private void search() {
        Once index = new Once(() -> SearchIndexWriter.json(site));
        jobs.add(new Job(SearchIndexWriter.FILE, "the search index", Optional.empty(), index::get));
        jobs.add(new Job(SearchIndexWriter.SCRIPT_FILE, "the search index", Optional.empty(),
                () -> SearchIndexWriter.script(index.get())));
        if (templates.exists("search.ftlh")) {
            html("search/index.html", "the search page", "search.ftlh", Map.of("kind", "search"));
        }
    }

    private void page(Page p, String template) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", p.isPost() ? "post" : "page");
        model.put("page", p);
        add(p.outputPath(), p.source().toString(), Optional.of(p.source()), template, model);
    }

    private void html(String outputPath, String origin, String template, Map<String, Object> model) {
        add(outputPath, origin, Optional.empty(), template, model);
    }

    private void add(String outputPath, String origin, Optional<Path> source, String template,
            Map<String, Object> model) {
        Map<String, Object> full = new HashMap<>(model);
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
