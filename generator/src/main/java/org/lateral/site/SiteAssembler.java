package org.lateral.site;

import org.lateral.plan.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lateral.Problem;
import org.lateral.config.SiteConfig;
import org.lateral.content.FrontMatter;
import org.lateral.content.Source;
import org.lateral.internal.LinkAttributes;
import org.lateral.internal.Slugs;
import org.lateral.markdown.FileLink;
import org.lateral.markdown.Rendered;
import org.lateral.address.Address;
import org.lateral.markdown.Embeds;
import org.lateral.taxonomy.Archive;
import org.lateral.taxonomy.Related;
import org.lateral.taxonomy.SeriesGrouper;
import org.lateral.taxonomy.SeriesIndex;
import org.lateral.taxonomy.Taxonomy;
import org.lateral.taxonomy.Term;

/**
 * Turns sources into the immutable {@link Site}: works out each page's URL from the permalink
 * patterns, leaves out drafts and scheduled or expired posts (unless asked), resolves authors,
 * and groups posts into tags, categories, author lists, series and archives, and finds each post's
 * related posts.
 */
public final class SiteAssembler {

    /** Where each event's page goes ({@code /events/2030/teachmeet-cwm/} for {@code 2030-03-14-teachmeet-cwm.md}). */
    static final String EVENTS_PERMALINK = "/events/:year/:slug/";

    private static final Pattern DATED_NAME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})-(.+)$");

    /** Why a post was left out, for the build log. */
    public record Skipped(Path source, String title, Reason reason, Optional<ZonedDateTime> goesLive) {
        public enum Reason { DRAFT, SCHEDULED, EXPIRED }
    }

    /** The assembled site, what was left out, and every problem found. */
    public record Assembled(Site site, List<Skipped> skipped, List<Problem> problems) {
        public Assembled {
            skipped = List.copyOf(skipped);
            problems = List.copyOf(problems);
        }
    }

    /** What the build asks for. */
    public record Options(boolean drafts, boolean future, Instant now, EventHistory history) {

        public Options {
            java.util.Objects.requireNonNull(history, "history");
        }

        /** Options with no version history (events' sequences as written). */
        public Options(boolean drafts, boolean future, Instant now) {
            this(drafts, future, now, EventHistory.NONE);
        }
    }

    private final SiteConfig config;
    private final Options options;
    private final String basePath;
    private final String origin;

    public SiteAssembler(SiteConfig config, Options options) {
        this.config = config;
        this.options = options;
        this.basePath = config.basePath();
        this.origin = config.origin();
    }

    /**
     * @param render turns a source's body into HTML; called in parallel, once per included source
     */
    public Assembled assemble(List<Source> sources, BiFunction<Source, Boolean, Rendered> render,
            Map<String, Object> data) {
        return assemble(sources, render, data, null, "");
    }

    /**
     * What the last assembly of a build session made, to make the next one cheaply: each source's
     * page (kept while the same {@link Source} and {@link Rendered} objects come back and no date of
     * it was passed by the clock), and the site's lists (taxonomies, authors, series, archive,
     * related posts), kept while every page is the same but for its body — then the changed pages
     * are put in the old lists in place of their old versions, instead of grouping every post
     * again. Anything else (another setting, a title, a tag, a date, a post added, removed,
     * published or unpublished, changed front matter) groups everything again.
     */
    public static final class Memory {
        private String key;
        private Instant now;
        private Map<Path, Converted> converted = Map.of();
        private List<Page> pages = List.of();
        private Map<Path, FrontMatter> frontMatter = Map.of();
        private Site site;
        private List<Problem> seriesProblems = List.of();
        private Set<Path> changed;

        /**
         * The sources whose page changed (by value) in the last assembly when it kept the site's
         * lists, so only pages showing them can differ; empty when it grouped everything again.
         */
        public Optional<Set<Path>> changedPages() {
            return Optional.ofNullable(changed);
        }
    }

    /** One source's conversion: its page (or why it has none), its problems and links to Markdown files. */
    private record Converted(Source source, Rendered rendered, Optional<Page> page, List<Problem> problems,
            List<Skipped> skipped, List<FileLink> fileLinks, List<Instant> dates) {
    }

    /**
     * As {@link #assemble(List, BiFunction, Map)}, reusing what {@code memory} kept from the last
     * assembly of the same site ({@code key} names everything else it was made from: settings,
     * templates, data, files; a different key forgets it all) and keeping this one there.
     */
    public Assembled assemble(List<Source> sources, BiFunction<Source, Boolean, Rendered> render,
            Map<String, Object> data, Memory memory, String key) {
        Memory m = memory;
        boolean same = m != null && key.equals(m.key) && m.now != null;
        Map<Path, Converted> before = same ? m.converted : Map.of();
        Instant previousNow = same ? m.now : null;
        Map<String, Author> knownAuthors = knownAuthors();
        Map<Path, Converted> now = new java.util.concurrent.ConcurrentHashMap<>(2 * sources.size() + 16);
        List<Converted> done = sources.parallelStream().map(s -> {
            Converted c = before.get(s.path());
            if (c == null || c.source() != s || c.rendered() != render.apply(s, s.frontMatter().toc())
                    || c.dates().stream().anyMatch(t -> t.isAfter(previousNow) != t.isAfter(options.now()))) {
                c = convert(s, render, knownAuthors, m != null);
            }
            now.put(s.path(), c);
            return c;
        }).toList();
        List<Problem> problems = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<Path, List<FileLink>> fileLinks = new java.util.HashMap<>();
        List<Page> converted = new ArrayList<>();
        for (Converted c : done) {
            problems.addAll(c.problems());
            skipped.addAll(c.skipped());
            c.page().ifPresent(converted::add);
            if (!c.fileLinks().isEmpty()) {
                fileLinks.put(c.source().path(), c.fileLinks());
            }
        }
        converted = MarkdownLinks.resolve(converted, fileLinks.isEmpty() ? Map.of() : bySource(sources), fileLinks,
                problems); // (no table of 10,000 sources when no post links a Markdown file)

        Map<Path, FrontMatter> frontMatter = new java.util.HashMap<>(2 * sources.size() + 16);
        sources.forEach(s -> frontMatter.putIfAbsent(s.path(), s.frontMatter()));
        ZonedDateTime buildTime = options.now().atZone(config.timezone());
        Site site = null;
        Set<Path> changed = null;
        List<Problem> seriesProblems;
        // a site with events is grouped again: an event holds its page and write-ups, and what is
        // coming up moves with the time
        boolean events = converted.stream().anyMatch(p -> p.kind() == Kind.EVENT);
        if (same && !events && m.site != null && m.site.events().isEmpty() && sameButBodies(m.pages, converted)
                && m.frontMatter.equals(frontMatter)) {
            Map<Page, Page> swap = new java.util.IdentityHashMap<>();
            changed = new java.util.HashSet<>();
            for (int i = 0; i < converted.size(); i++) {
                Page old = m.pages.get(i);
                Page mine = converted.get(i);
                if (old != mine) {
                    swap.put(old, mine);
                    if (!old.equals(mine)) {
                        changed.add(mine.source());
                    }
                }
            }
            site = m.site.withPages(p -> swap.getOrDefault(p, p), buildTime);
            seriesProblems = m.seriesProblems;
        } else {
            List<Problem> found = new ArrayList<>();
            site = group(sources, converted, knownAuthors, data, buildTime, found);
            seriesProblems = List.copyOf(found);
        }
        problems.addAll(seriesProblems);
        if (m != null) {
            m.key = key;
            m.now = options.now();
            m.converted = now;
            m.pages = List.copyOf(converted);
            m.frontMatter = frontMatter;
            m.site = site;
            m.seriesProblems = seriesProblems;
            m.changed = changed == null ? null : Set.copyOf(changed);
        }
        List<Skipped> sortedSkipped = new ArrayList<>(skipped);
        sortedSkipped.sort(Comparator.comparing(s -> s.source().toString()));
        List<Problem> sortedProblems = new ArrayList<>(problems);
        sortedProblems.sort(Comparator.comparing((Problem p) -> String.valueOf(p.file())).thenComparing(Problem::line));
        return new Assembled(site, sortedSkipped, sortedProblems);
    }

    /** Whether two lists hold the same pages in the same order, but for their bodies (what grouping never reads). */
    private static boolean sameButBodies(List<Page> before, List<Page> now) {
        if (before.size() != now.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (before.get(i) != now.get(i) && !before.get(i).sameButBody(now.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Posts and pages in order, then every list of the site: taxonomies, authors, series, archive, related posts. */
    private Site group(List<Source> sources, List<Page> converted, Map<String, Author> knownAuthors,
            Map<String, Object> data, ZonedDateTime buildTime, List<Problem> problems) {
        List<Page> posts = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        List<Page> eventPages = new ArrayList<>();
        for (Page p : converted) {
            (p.isPost() ? posts : p.kind() == Kind.EVENT ? eventPages : pages).add(p);
        }
        posts.sort(Site.NEWEST_FIRST);
        pages.sort(Comparator.comparing((Page p) -> p.title().toLowerCase(Locale.ROOT)));

        Map<String, Taxonomy> taxonomies = new LinkedHashMap<>();
        List<Page> tagged = new ArrayList<>(posts); // events are listed on their tags' pages too
        tagged.addAll(eventPages);
        tagged.sort(Comparator.comparing(Page::date).reversed().thenComparing(Page::title)
                .thenComparing(p -> p.source().toString()));
        taxonomies.put("tags", taxonomy("tags", "tag", config.permalinks().tags(), tagged, Page::tags));
        taxonomies.put("categories", taxonomy("categories", "category", config.permalinks().categories(), posts,
                Page::categories));
        for (SiteConfig.TaxonomyConfig own : config.taxonomies()) {
            Taxonomy t = taxonomy(own.name(), own.singular(), own.permalink(), posts, p -> p.termsOf(own.name()));
            taxonomies.put(own.name(), new Taxonomy(t.name(), own.singular(), t.address(), t.terms(), own.title(),
                    own.singular()));
        }

        Map<String, List<Page>> byAuthor = new LinkedHashMap<>();
        Map<String, Author> authorsById = new LinkedHashMap<>();
        for (Page p : posts) {
            for (Author a : p.authors()) {
                authorsById.putIfAbsent(a.id(), a);
                byAuthor.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(p);
            }
        }
        List<Author> authors = new ArrayList<>();
        knownAuthors.values().stream().filter(a -> authorsById.containsKey(a.id())).forEach(authors::add);
        authorsById.values().stream().filter(a -> !knownAuthors.containsKey(a.id()))
                .sorted(Comparator.comparing(Author::name)).forEach(authors::add);

        List<Event> events = Events.of(eventPages, posts, bySource(sources), options.now(), config,
                a -> resolveAuthor(a, knownAuthors), options.history(), problems);
        return new Site(config, posts, pages, taxonomies, authors, copyLists(byAuthor), data, buildTime,
                series(sources, posts, problems), Archive.of(posts, config.academicYearStartMonth(),
                        config.timezone(), this::address), config.writes("related") ? Related.index(posts, Related.MAX) : new Related(Map.of()),
                events);
    }

    private static Map<Path, Source> bySource(List<Source> sources) {
        Map<Path, Source> out = new java.util.HashMap<>();
        sources.forEach(s -> out.putIfAbsent(s.path(), s));
        return out;
    }

    private SeriesIndex series(List<Source> sources, List<Page> posts, List<Problem> problems) {
        Map<Path, FrontMatter> frontMatter = new java.util.HashMap<>(2 * sources.size() + 16);
        sources.forEach(s -> frontMatter.putIfAbsent(s.path(), s.frontMatter()));
        String pattern = config.permalinks().series();
        SeriesGrouper.Grouped grouped = SeriesGrouper.group(posts,
                slug -> address(expand(pattern, Map.of("slug", slug, "filename", slug, "title", slug))),
                (page, key) -> frontMatter.get(page.source()).lineOf(key, 1));
        problems.addAll(grouped.problems());
        return new SeriesIndex(address(seriesIndexPath(pattern)), grouped.series());
    }

    /** The folder above each series' page ({@code /series/} for {@code /series/:slug/}). */
    static String seriesIndexPath(String pattern) {
        return indexPath(pattern, "/series/");
    }

    /** The folder above the pages a pattern makes, or {@code fallback} when that is the site's root. */
    static String indexPath(String pattern, String fallback) {
        int token = pattern.indexOf(':');
        String head = token < 0 ? pattern : pattern.substring(0, token);
        String folder = head.substring(0, head.lastIndexOf('/') + 1);
        return folder.length() > 1 ? folder : fallback;
    }

    private Address address(String path) {
        return Address.ofPath(origin, basePath, path);
    }

    private static Map<String, List<Page>> copyLists(Map<String, List<Page>> in) {
        Map<String, List<Page>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    private Map<String, Author> knownAuthors() {
        Map<String, Author> out = new LinkedHashMap<>();
        config.authors().values().stream()
                .sorted(Comparator.comparing(SiteConfig.AuthorConfig::id))
                .forEach(a -> out.put(a.id(), author(a.id(), a.name(), a.bio(), a.avatar(), a.url())));
        return out;
    }

    private Author author(String id, String name, String bio, String avatar, String website) {
        String slug = Slugs.slugify(id);
        String path = expand(config.permalinks().authors(), Map.of("slug", slug, "filename", slug, "title", slug));
        return new Author(id, name, bio, address(path), avatar, website);
    }

    /** Converts one source, collecting its problems, why it was left out, and its links to Markdown files. */
    private Converted convert(Source s, BiFunction<Source, Boolean, Rendered> render, Map<String, Author> known,
            boolean remember) {
        List<Problem> problems = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>(1);
        List<FileLink> links = new ArrayList<>();
        Rendered[] used = new Rendered[1];
        Optional<Page> page = convert(s, render, known, problems, skipped, links, used);
        return new Converted(s, used[0] != null || !remember ? used[0] : render.apply(s, s.frontMatter().toc()), page,
                List.copyOf(problems), List.copyOf(skipped), List.copyOf(links), dates(s));
    }

    /** Every instant at which whether a source is published (or scheduled) can change. */
    private List<Instant> dates(Source s) {
        return datesOf(s, config.timezone());
    }

    /**
     * Every instant at which whether a source is published (or scheduled) can change, in a site of
     * this time zone: its date, publish and expiry dates, the date in its file name.
     */
    public static List<Instant> datesOf(Source s, java.time.ZoneId timezone) {
        FrontMatter fm = s.frontMatter();
        List<Instant> out = new ArrayList<>(4);
        fm.date().ifPresent(d -> out.add(d.toInstant()));
        fm.publishDate().ifPresent(d -> out.add(d.toInstant()));
        fm.expiryDate().ifPresent(d -> out.add(d.toInstant()));
        Matcher dated = DATED_NAME.matcher(s.name());
        if (dated.matches()) {
            org.lateral.content.Dates.parse(dated.group(1), timezone).ifPresent(d -> out.add(d.toInstant()));
        }
        return List.copyOf(out);
    }

    private Optional<Page> convert(Source s, BiFunction<Source, Boolean, Rendered> render,
            Map<String, Author> known, List<Problem> problems, List<Skipped> skipped,
            List<FileLink> fileLinks, Rendered[] used) {
        FrontMatter fm = s.frontMatter();
        List<Problem> mine = new ArrayList<>();
        String name = s.name();
        Optional<ZonedDateTime> date = s.isEvent() ? fm.event().map(e -> e.start()) : fm.date();
        if (config.languages().multilingual()) {
            name = config.languages().withoutSuffix(name); // oracy.cy.md is "oracy" on the Welsh side
        }
        Matcher dated = DATED_NAME.matcher(name);
        if (dated.matches()) {
            name = dated.group(2);
            if (date.isEmpty() && !s.isEvent()) {
                date = org.lateral.content.Dates.parse(dated.group(1), config.timezone());
            }
        }
        if (fm.title().isEmpty()) {
            mine.add(Problem.error(s.path(), fm.lineOf("title", 1), 1,
                    "this " + (s.isPost() ? "post" : s.isEvent() ? "event" : "page") + " has no title",
                    "add a line such as title: What I learned at TeachMeet North between the --- lines at the top"));
        }
        if (date.isEmpty()) {
            if (s.isEvent()) {
                return Optional.empty(); // its start was missing or wrong: said when its front matter was read
            } else if (s.isPost()) {
                mine.add(Problem.error(s.path(), 1, 1, "this post has no date",
                        "add a line such as date: " + options.now().atZone(config.timezone()).toLocalDate()
                                + " between the --- lines at the top"));
            } else {
                date = Optional.of(lastModified(s.file()));
            }
        }
        if (!mine.isEmpty()) {
            problems.addAll(mine);
            return Optional.empty();
        }
        String title = fm.title().get();
        if ((s.isPost() || s.isEvent()) && !included(s, title, s.isEvent() ? null : date.get(), fm, skipped)) {
            return Optional.empty();
        }
        String slug = fm.slug().map(Slugs::slugify).orElse(Slugs.slugify(name));
        if (slug.isEmpty()) {
            slug = Slugs.slugify(title);
        }
        String path;
        if (fm.url().isPresent()) {
            path = fm.url().get();
            if (!path.startsWith("/")) {
                path = "/" + path;
            }
        } else {
            ZonedDateTime d = date.get();
            Map<String, String> tokens = Map.of(
                    "year", Integer.toString(d.getYear()),
                    "month", twoDigits(d.getMonthValue()),
                    "day", twoDigits(d.getDayOfMonth()),
                    "slug", slug,
                    "filename", Slugs.slugify(name).isEmpty() ? slug : Slugs.slugify(name),
                    "title", Slugs.slugify(title),
                    "section", s.section());
            path = expand(s.isPost() ? config.permalinks().posts() : s.isEvent() ? EVENTS_PERMALINK
                    : config.permalinks().pages(), tokens);
        }
        Rendered r = render.apply(s, fm.toc());
        used[0] = r;
        fileLinks.addAll(r.fileLinks());
        problems.addAll(ImageChecks.check(s, r.pictures(), fm.image()));
        if (fm.params().containsKey("pinned") && !(fm.params().get("pinned") instanceof Boolean)) {
            problems.add(Problem.error(s.path(), fm.lineOf("pinned", 1), 1,
                    "pinned must be true or false, not \"" + fm.params().get("pinned") + "\"",
                    "write pinned: true to keep this post at the top of the home page, or delete the line"));
        }
        if (Boolean.TRUE.equals(fm.params().get("example"))) { // the starter site's posts say so
            problems.add(Problem.warning(s.path(), fm.lineOf("example", 1), 1,
                    "this is still the starter example from lateral new site, and is published with your posts",
                    "edit it into a post of your own and delete the line example: true, or delete the file"));
        }
        List<Author> authors = new ArrayList<>();
        for (String a : fm.authors()) {
            authors.add(resolveAuthor(a, known));
        }
        for (String a : fm.event().map(e -> e.organisers()).orElse(List.of())) {
            authors.add(resolveAuthor(a, known));
        }
        if (authors.isEmpty() && s.isPost() && !known.isEmpty()) {
            authors.add(known.values().iterator().next());
        }
        Address address = address(path);
        String url = address.url();
        Optional<String> image = fm.image().map(i -> i.contains("://") || i.startsWith("/") ? i : url + i);
        String description = r.summaryText(); // the front matter's summary: when it has one
        return Optional.of(new Page(s.isPost() ? Kind.POST : s.isEvent() ? Kind.EVENT : Kind.PAGE, s.path(), address, title, slug, date.get(), fm.updated(), authors,
                terms("tags", config.permalinks().tags(), fm.tags()),
                terms("categories", config.permalinks().categories(), fm.categories()),
                fm.series(), fm.part(), fm.stage(), Summaries.rebase(r.summaryHtml(), url, config.rootPath()), description,
                r.truncated(), LinkAttributes.rebase(downloads(s, r.html(), problems), config.rootPath()), // /about/ in a post: the whole site's
                r.tocHtml(), image, r.wordCount(), fm.draft(), fm.layout(), fm.params(), s.resources(),
                s.isPost() && fm.publishDate().orElse(date.get()).toInstant().isAfter(options.now()),
                ownTerms(s, fm, problems), fm.swap()));
    }

    /**
     * Front matter keys that often name a taxonomy: a list of them not declared in site.yaml is
     * told about (with any other plural key holding a list of words).
     */
    static final Set<String> TAXONOMY_LIKE = Set.of("subjects", "keystages", "phases", "standards", "topics",
            "yeargroups", "years", "levels", "strands", "themes", "departments", "audiences", "grades");

    /**
     * A post's terms in each of the site's own taxonomies ({@code subjects: [science, maths]},
     * or {@code subjects: science, maths}); a key that looks like a taxonomy the site does not
     * declare is a warning saying how to declare it.
     */
    private Map<String, List<TermRef>> ownTerms(Source s, FrontMatter fm, List<Problem> problems) {
        Map<String, List<TermRef>> out = new LinkedHashMap<>();
        Set<String> declared = new java.util.HashSet<>();
        for (SiteConfig.TaxonomyConfig t : config.taxonomies()) {
            declared.add(t.name());
            Object value = fm.params().get(t.name());
            if (value == null) {
                continue;
            }
            List<String> names = new ArrayList<>();
            if (value instanceof String text) {
                for (String n : text.split(",")) {
                    names.add(n);
                }
            } else if (value instanceof List<?> items && items.stream().allMatch(i -> i instanceof String
                    || i instanceof Number || i instanceof Boolean)) {
                items.forEach(i -> names.add(String.valueOf(i)));
            } else if (value instanceof Number || value instanceof Boolean) {
                names.add(String.valueOf(value));
            } else {
                problems.add(Problem.error(s.path(), fm.lineOf(t.name(), 1), 1,
                        t.name() + " must be a list of words, not " + (value instanceof Map ? "settings with colons"
                                : "nested lists"), "write it as " + t.name() + ": [science, maths] or one \"- word\" per line"));
                continue;
            }
            List<TermRef> refs = terms(t.name(), t.permalink(), names);
            if (!refs.isEmpty()) {
                out.put(t.name(), refs);
            }
        }
        for (Map.Entry<String, Object> e : fm.params().entrySet()) {
            String key = e.getKey();
            if (declared.contains(key) || !looksLikeTaxonomy(key, e.getValue())) {
                continue;
            }
            problems.add(Problem.warning(s.path(), fm.lineOf(key, 1), 1,
                    "\"" + key + "\" looks like a taxonomy, but site.yaml does not declare it, so no page lists"
                            + " the posts of each (it is kept for templates as page.params." + key + ")",
                    "add the line taxonomies: [" + key + "] to site.yaml (with any others, such as taxonomies: ["
                            + key + ", keystages]) to give each of its words a page and feeds"));
        }
        return out;
    }

    private static boolean looksLikeTaxonomy(String key, Object value) {
        if (!key.matches("[a-z][a-z0-9]*") || org.lateral.config.SiteConfigLoader.RESERVED_TAXONOMIES.contains(key)) {
            return false;
        }
        boolean words = value instanceof List<?> items && !items.isEmpty()
                && items.stream().allMatch(i -> i instanceof String w && w.length() <= 60);
        return words && (TAXONOMY_LIKE.contains(key) || key.endsWith("s"))
                || value instanceof String && TAXONOMY_LIKE.contains(key);
    }

    /**
     * Download cards ({@code markdown.Embeds}) with the sizes of the files beside the post; a card
     * for a file that is not there is a warning at its line.
     */
    private static String downloads(Source s, String html, List<Problem> problems) {
        List<String> files = Embeds.downloads(html);
        if (files.isEmpty()) {
            return html;
        }
        Path dir = s.file().getParent();
        for (String f : files) {
            Path file = dir.resolve(f).normalize();
            if (!file.startsWith(dir) || !Files.isRegularFile(file) || s.bundleDir().isEmpty()) {
                int line = 0;
                String[] lines = s.body().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].contains(f)) {
                        line = s.bodyLine() + i;
                        break;
                    }
                }
                problems.add(Problem.warning(s.path(), line, 1, "the download \"" + f + "\" is not beside this post,"
                        + " so its link will be broken", s.bundleDir().isEmpty()
                        ? "make the post a folder: move it to " + s.name() + "/index.md and put " + f + " beside it"
                        : "put " + f + " in the folder " + dir.getFileName() + "/ beside index.md, or correct the name"));
            }
        }
        return Embeds.withSizes(html, f -> {
            Path file = dir.resolve(f).normalize();
            try {
                return file.startsWith(dir) && s.bundleDir().isPresent() && Files.isRegularFile(file)
                        ? Optional.of(Files.size(file)) : Optional.empty();
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        });
    }

    private boolean included(Source s, String title, ZonedDateTime date, FrontMatter fm, List<Skipped> skipped) {
        if (fm.draft() && !options.drafts()) {
            skipped.add(new Skipped(s.path(), title, Skipped.Reason.DRAFT, Optional.empty()));
            return false;
        }
        ZonedDateTime live = fm.publishDate().orElse(date); // an event is published before it happens
        if (live != null && live.toInstant().isAfter(options.now()) && !options.future()) {
            skipped.add(new Skipped(s.path(), title, Skipped.Reason.SCHEDULED, Optional.of(live)));
            return false;
        }
        if (fm.expiryDate().isPresent() && !fm.expiryDate().get().toInstant().isAfter(options.now())
                && !options.future()) {
            skipped.add(new Skipped(s.path(), title, Skipped.Reason.EXPIRED, fm.expiryDate()));
            return false;
        }
        return true;
    }

    private Author resolveAuthor(String nameOrId, Map<String, Author> known) {
        Author byId = known.get(nameOrId);
        if (byId != null) {
            return byId;
        }
        for (Author a : known.values()) {
            if (a.name().equalsIgnoreCase(nameOrId.strip())) {
                return a;
            }
        }
        return author(Slugs.slugify(nameOrId), nameOrId.strip(), "", "", "");
    }

    private List<TermRef> terms(String taxonomy, String pattern, List<String> names) {
        Map<String, TermRef> out = new LinkedHashMap<>();
        for (String n : names) {
            String slug = Slugs.slugify(n);
            if (slug.isEmpty()) {
                continue;
            }
            String path = expand(pattern, Map.of("slug", slug, "filename", slug, "title", slug));
            out.putIfAbsent(slug, new TermRef(taxonomy, n.strip(), slug, address(path)));
        }
        return List.copyOf(out.values());
    }

    private Taxonomy taxonomy(String name, String singular, String pattern, List<Page> posts,
            java.util.function.Function<Page, List<TermRef>> refs) {
        Map<String, List<Page>> bySlug = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Page p : posts) {
            for (TermRef t : refs.apply(p)) {
                bySlug.computeIfAbsent(t.slug(), k -> new ArrayList<>()).add(p);
                names.putIfAbsent(t.slug(), t.name());
            }
        }
        List<Term> terms = new ArrayList<>();
        bySlug.forEach((slug, pages) -> {
            String path = expand(pattern, Map.of("slug", slug, "filename", slug, "title", slug));
            terms.add(new Term(name, names.get(slug), slug, address(path), pages));
        });
        String indexPath = "/" + name + "/";
        return new Taxonomy(name, singular, address(indexPath), terms);
    }

    private static ZonedDateTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().atZone(java.time.ZoneOffset.UTC);
        } catch (java.io.IOException e) {
            return Instant.EPOCH.atZone(java.time.ZoneOffset.UTC);
        }
    }

    /** Replaces {@code :token}s in a permalink pattern; longest token names first. */
    static String expand(String pattern, Map<String, String> tokens) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == ':') {
                int j = i + 1;
                while (j < pattern.length() && Character.isLetter(pattern.charAt(j))) {
                    j++;
                }
                String token = pattern.substring(i + 1, j);
                String value = tokens.get(token);
                if (value != null) {
                    out.append(value);
                    i = j;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        StringBuilder clean = new StringBuilder(out.length() + 1);
        if (out.length() == 0 || out.charAt(0) != '/') {
            clean.append('/');
        }
        for (int k = 0; k < out.length(); k++) {
            char c = out.charAt(k);
            if (c != '/' || clean.length() == 0 || clean.charAt(clean.length() - 1) != '/') {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    /** Site path → output file: pretty URLs end in {@code /} and get an {@code index.html}. */
    static String outputPath(String path) {
        return Address.ofPath("", "/", path).outputPath();
    }
}
