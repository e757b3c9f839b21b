package org.lateral.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.config.SiteConfig;
import org.lateral.config.SiteConfigLoader;
import org.lateral.content.ContentLoader;
import org.lateral.cpd.Learning;
import org.lateral.cpd.Projects;
import org.lateral.cpd.SiteRecord;
import org.lateral.content.FrontMatter;
import org.lateral.content.Source;
import org.lateral.internal.AtomicFiles;
import org.lateral.markdown.MarkdownRenderer;
import org.lateral.markdown.Rendered;
import org.lateral.output.OutputGuard;
import org.lateral.output.OutputLock;
import org.lateral.output.OutputPaths;
import org.lateral.plan.Input;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.plan.Plan;
import org.lateral.render.Strings;
import org.lateral.search.SearchIndexWriter;
import org.lateral.render.TemplateKinds;
import org.lateral.render.TemplateRenderer;
import org.lateral.render.Theme;
import org.lateral.render.ThemeLoader;
import org.lateral.site.Page;
import org.lateral.site.Site;
import org.lateral.publish.GitHistory;
import org.lateral.site.EventHistory;
import org.lateral.site.SiteAssembler;

/**
 * Builds a site, and builds it again cheaply: the Markdown engine is made once per session,
 * converted Markdown is kept by content hash (an unchanged post is not converted again), and a
 * rebuild of the same site into the same folder re-renders only the outputs whose declared
 * {@link Input}s changed and writes only the files whose bytes changed.
 *
 * <p>A rebuild is incremental only when it is safe to be: same site and output folder, the
 * previous output still there, the same settings, templates, data, static files and pictures
 * (a fingerprint of them), the same set of output files, and no front matter changed (a title or
 * a tag is shown on many pages). Otherwise it is a clean, atomic build. In both cases an error
 * leaves the output folder as it was: a rebuild renders what it must into memory first.
 *
 * <p>Not thread-safe for one site: {@link #build} is synchronized.
 */
public final class Session {

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    /** Content hash (table of contents flag, summary and first line included) → rendering, from the last build. */
    private Map<String, Rendered> converted = Map.of();
    /** Each source of the last build with its content hash: a source read again gets its hash again. */
    private Map<Path, Keyed> keys = Map.of();
    /** File reads and pages kept for the next build; null in a one-shot build (they would only raise its peak memory). */
    private final ContentLoader.Memory content;
    private final SiteAssembler.Memory assembly;
    /** Whether builds use the build cache on disk (a one-shot build: a new process each time). */
    private final boolean onDisk;
    private Engines engines;
    private Previous previous;
    /**
     * The sources whose pages changed in builds since the last successful one (which failed before
     * writing them), or null when one of those builds was to be a clean one.
     */
    private Set<Path> unwritten = Set.of();
    /** A page's search words by its body's hash, title and tags, from the last build. */
    private Map<String, List<String>> searchWords = Map.of();
    /** The same by page object: a page the session kept gets its words without its key being made again. */
    private Map<PageKey, PageWords> pageWords = Map.of();

    /** A page by identity (a page's equals compares its whole body). */
    private record PageKey(Page page) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PageKey k && k.page == page;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(page);
        }
    }

    /** A page's search words with the key they are kept by in {@link #searchWords}. */
    private record PageWords(String key, List<String> words) {
    }
    private final SearchIndexWriter.Memory search;
    /** The feeds' entry texts of the last build, spliced into this one's feeds where an entry is the same. */
    private final org.lateral.feed.FeedFragments.Memory feedTexts = new org.lateral.feed.FeedFragments.Memory();
    /** A bilingual site's other sides: each language's pages and search index, kept as the main side's. */
    private final Map<String, SiteAssembler.Memory> sideAssemblies = new HashMap<>();
    private final Map<String, SearchIndexWriter.Memory> sideSearch = new HashMap<>();
    /** The last build's pictures (by size and time), and its renderings with responsive pictures, by content hash and picture stamp. */
    private final PagePictures.Memory pictureMemory = new PagePictures.Memory();
    private Map<Path, Responsive> responsive = Map.of();

    /** A source's rendering with responsive pictures, made from the rendering of {@code body} (its content key) and pictures {@code stamp}. */
    private record Responsive(String body, String stamp, Rendered rendered) {
        boolean of(String b, String st) {
            return body.equals(b) && stamp.equals(st); // the same key object as last time: equal at once
        }
    }

    private record Keyed(Source source, String key) {
    }

    /*
     * The targeted path ({@link #build(BuildRequest, Set)}): whether the last build looked at every
     * input that a change to a post's file cannot touch (settings, templates, data, static files,
     * the content folder's listing, pictures beside posts), what it was asked (site, output,
     * options), and its hash of the pictures beside posts. A build that fails before it has looked
     * at them all leaves {@code scanned} false, so the next one looks at everything again.
     */
    private boolean scanned;
    private String lastAsked;
    private String lastResources;

    /** What a request asks, but its time: a targeted build must be asked the same as the last. */
    private static String asked(BuildRequest request, Path siteDir, Path outputDir) {
        return siteDir + "\u0000" + outputDir + "\u0000" + request.drafts() + " " + request.future() + " "
                + request.baseUrl() + " " + request.caller() + " " + request.cacheDir();
    }

    /** Whether every changed file is a Markdown file in the site's {@code content/} folder. */
    private static boolean onlyContent(Set<Path> changed, Path siteDir) {
        if (changed == null || changed.isEmpty()) {
            return false;
        }
        Path content = siteDir.resolve("content");
        for (Path p : changed) {
            Path f = p.toAbsolutePath().normalize();
            String name = f.getFileName() == null ? "" : f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!f.startsWith(content) || !(name.endsWith(".md") || name.endsWith(".markdown"))) {
                return false;
            }
        }
        return true;
    }

    private static Set<Path> normalized(Set<Path> changed) {
        Set<Path> out = new HashSet<>();
        changed.forEach(p -> out.add(p.toAbsolutePath().normalize()));
        return out;
    }

    /**
     * What is made from the site's settings and theme, kept while they are the same: the settings
     * (with their warnings), theme, words, data and the FreeMarker engine with its parsed templates.
     * {@code settings} is the hash of everything they are made from but the templates;
     * {@code templates} the hash of the templates (when only it changes, the engine forgets its
     * parsed templates and is kept).
     */
    private record Engines(String settings, String templates, SiteConfig config, List<Problem> warnings, Theme theme,
            TemplateRenderer renderer, List<Problem> templateProblems, Map<String, Object> data,
            LanguageSides.Engines languages) {
    }

    private EventHistory history;
    private Path historyDir;

    /** Which outputs of the last full plan each source is shown on; null: none kept (plan everything). */
    private Affects affects;

    /**
     * The last full plan's inputs turned round: for each source, the output paths that declared it,
     * and the outputs made from every source (the search index); what a body edit affects
     * ({@link Output#isAffectedBy}) without planning every output again. Valid for the plan of the
     * same site, output folder and fingerprint while the site's lists are kept (only bodies change).
     */
    private record Affects(Path siteDir, Path outputDir, String fingerprint, Map<Path, List<String>> bySource,
            List<String> everySource) {

        static Affects of(Plan plan, Path siteDir, Path outputDir, String fingerprint) {
            Map<Path, List<String>> by = new HashMap<>();
            List<String> every = new ArrayList<>();
            for (Output o : plan.outputs()) {
                if (o.inputs().contains(Input.ALL_SOURCES)) {
                    every.add(o.outputPath());
                    continue;
                }
                for (Input i : o.inputs()) {
                    if (i.scope() == Input.Scope.SOURCE) {
                        by.computeIfAbsent(i.path(), k -> new ArrayList<>(4)).add(o.outputPath());
                    }
                }
            }
            return new Affects(siteDir, outputDir, fingerprint, by, List.copyOf(every));
        }

        boolean matches(Path site, Path output, String print) {
            return siteDir.equals(site) && outputDir.equals(output) && fingerprint.equals(print);
        }

        /** The output paths a change to these sources affects, or null when the sitemap is among them (it is planned whole). */
        Set<String> of(Set<Path> sources) {
            Set<String> out = new HashSet<>(everySource);
            sources.forEach(p -> out.addAll(bySource.getOrDefault(p, List.of())));
            return out.contains(org.lateral.feed.FeedPlanner.SITEMAP) ? null : out;
        }
    }

    /** What the last successful build was made from. */
    private record Previous(Path siteDir, Path outputDir, String fingerprint, Set<String> outputs, int files,
            int html) {
    }

    /** The git history events' calendar revisions are counted from, found once per site folder. */
    private EventHistory history(Path siteDir) {
        if (history == null || !siteDir.equals(historyDir)) {
            history = GitHistory.forSite(siteDir);
            historyDir = siteDir;
        }
        return history;
    }

    /** A session that keeps what it made for the next build. */
    public Session() {
        this(true);
    }

    /** @param keep whether to keep file reads and pages for a next build (false: a one-shot build) */
    Session(boolean keep) {
        content = keep ? new ContentLoader.Memory() : null;
        assembly = keep ? new SiteAssembler.Memory() : null;
        onDisk = !keep;
        search = keep ? new SearchIndexWriter.Memory() : SearchIndexWriter.Memory.none();
    }

    public synchronized BuildResult build(BuildRequest request) {
        return build(request, null);
    }

    /**
     * The targeted path (a preview's watcher says what changed): when every changed file is a
     * Markdown file under {@code content/}, the same request as last time, and the last build
     * looked at the whole site ({@link #scanned}), the settings, templates and pictures beside
     * posts are taken as they were and only the changed files are stat-ed and read
     * ({@link ContentLoader#load(Set)}); the rest of the build is the same as a full one (so a
     * front-matter change still re-groups the lists). Anything else looks at every file.
     *
     * @param changedFiles the files that changed since this session's last build; null: unknown
     */
    public synchronized BuildResult build(BuildRequest request, Set<Path> changedFiles) {
        long start = System.nanoTime();
        Map<String, Duration> phases = new LinkedHashMap<>();
        SiteBuilder.Stopwatch watch = new SiteBuilder.Stopwatch(phases);
        Path siteDir = request.siteDir().toAbsolutePath().normalize();
        Path outputDir = request.outputDir().toAbsolutePath().normalize();
        DiskCache disk = onDisk ? DiskCache.open(request, siteDir, outputDir, cacheDir(request, outputDir)) : null;
        if (disk != null && disk.upToDate()) {
            return disk.unchanged(outputDir, start);
        }
        String asked = asked(request, siteDir, outputDir);
        Set<Path> targeted = scanned && asked.equals(lastAsked) && engines != null && lastResources != null
                && onlyContent(changedFiles, siteDir) ? normalized(changedFiles) : null;
        scanned = false; // until this build has looked at what it must
        lastAsked = asked;

        Engines e = targeted != null ? engines : engines(siteDir, outputDir, request);
        SiteConfig config = e.config();
        List<Problem> warnings = new ArrayList<>(e.warnings());
        if (disk != null) {
            warnings.addAll(disk.notes());
        }
        List<Problem> problems = new ArrayList<>(e.templateProblems());
        TemplateRenderer templates = e.renderer();
        Theme theme = e.theme();
        Map<String, Object> data = e.data();
        OutputGuard.check(outputDir, siteDir).ifPresent(p -> {
            throw new LateralException(p);
        });

        ContentLoader.Loaded loaded = new ContentLoader(siteDir, config.timezone(), content).load(targeted);
        List<Problem> loadProblems = loaded.problems();
        Learning learning = Learning.load(siteDir, problems);
        List<Source> sources = Records.publishable(loaded.sources(), learning, problems);
        String resources = targeted != null ? lastResources : resources(loaded.sources());
        // the build cache keeps when publishing can change, from every source read (not their text)
        List<java.time.Instant> dates = disk == null ? List.of() : DiskCache.dates(loaded.sources(), config.timezone());
        loaded = null; // a one-shot build holds no source text once it is converted (see below)
        LanguageSides.Split split = LanguageSides.split(config, sources, problems);
        watch.lap("load");
        PagePictures pictures = PagePictures.prepare(sources, cacheDir(request, outputDir), siteDir,
                content == null ? null : pictureMemory, problems);
        watch.lap("pictures");
        Map<Path, Responsive> responsiveBefore = responsive;
        int room = 2 * sources.size() + 16; // sized once: a table growing under parallel puts is most of their cost
        Map<Path, Responsive> responsiveNow = new ConcurrentHashMap<>(room);
        Map<Path, String> bodies = new ConcurrentHashMap<>(room);
        Map<Path, Keyed> keysNow = new ConcurrentHashMap<>(room);
        Map<String, Rendered> cache = new ConcurrentHashMap<>(room);
        AtomicInteger conversions = new AtomicInteger();
        Map<Path, FrontMatter> frontMatter = new HashMap<>(room);
        for (Source s : sources) {
            frontMatter.put(s.path(), s.frontMatter());
        }
        Map<String, Rendered> before = disk == null ? converted : disk.renderings(converted);
        Map<Path, Keyed> keysBefore = keys;
        // A one-shot build lets each source's text go as soon as it is converted (at 100,000 posts the
        // texts were 650 MB, held beside every conversion to the end of the assembly): the array is
        // then the sources' only holder, each replaced by its text-less copy; the sides are split again.
        Source[] all = sources.toArray(new Source[0]);
        if (content == null) {
            sources = null;
            split = null;
        }
        java.util.stream.IntStream.range(0, all.length).parallel().forEach(i -> {
            Source s = all[i];
            Keyed known = keysBefore.get(s.path());
            String key = known != null && known.source() == s ? known.key() : key(s);
            bodies.put(s.path(), key);
            if (content != null) { // a one-shot build keeps no source past its conversion
                keysNow.put(s.path(), new Keyed(s, key));
            }
            Rendered r = before.get(key);
            if (r == null) {
                r = cache.get(key);
            }
            if (r == null) {
                r = markdown.render(s.body(), s.frontMatter().toc(), s.path(), s.bodyLine(), s.frontMatter().summary());
                conversions.incrementAndGet();
            }
            cache.putIfAbsent(key, r);
            if (content == null) {
                all[i] = withoutText(s, r);
            }
        });
        if (content == null) { // the same sides as above (their warnings are given already)
            sources = List.of(all);
            split = LanguageSides.split(config, sources, new ArrayList<>());
        }
        watch.lap("markdown");
        lastResources = content != null ? resources : null;
        scanned = content != null; // settings, templates, content and resources are as on disk
        String fingerprint = e.settings() + " " + e.templates() + " " + resources + " "
                + request.now().atZone(config.timezone()).getYear();
        SiteAssembler.Options options = new SiteAssembler.Options(request.drafts(), request.future(), request.now(),
                history(siteDir));
        String main = split.byLanguage().keySet().iterator().next();
        java.util.function.BiFunction<Source, Boolean, Rendered> responsiveBody = (s, toc) -> {
            // by path, with the body's key and the pictures' stamp: no key made and hashed per source and build
            String body = bodies.get(s.path());
            String stamp = pictures.stamp(s);
            Responsive known = responsiveNow.get(s.path());
            if (known == null || !known.of(body, stamp)) {
                known = responsiveBefore.get(s.path());
            }
            if (known == null || !known.of(body, stamp)) { // the same object as last time for the same body and pictures: the page is kept
                known = new Responsive(body, stamp, pictures.rewrite(s, cache.get(body)));
            }
            if (content != null) { // kept for a session's next build; a one-shot build has none
                responsiveNow.put(s.path(), known);
            }
            return known.rendered();
        };
        SiteAssembler.Assembled assembled = new SiteAssembler(config, options)
                .assemble(split.byLanguage().get(main), responsiveBody, data,
                        assembly, e.settings() + " " + resources);
        problems.addAll(loadProblems);
        problems.addAll(assembled.problems());
        Map<String, SiteAssembler.Assembled> others = new LinkedHashMap<>();
        for (String lang : config.languages().others()) {
            SiteAssembler.Memory memory = content == null ? null : sideAssemblies.computeIfAbsent(lang,
                    l -> new SiteAssembler.Memory());
            SiteAssembler.Assembled side = new SiteAssembler(config.side(lang), options)
                    .assemble(split.byLanguage().get(lang), responsiveBody, data,
                            memory, e.settings() + " " + resources);
            problems.addAll(side.problems());
            others.put(lang, side);
        }
        sideAssemblies.keySet().retainAll(others.keySet());
        Map<Path, String> translationKeys = split.keys();
        // The sources' text (every body, as read) is not needed past here: a one-shot build lets it go
        // (a session keeps it in its memories), which is a third of what a large build holds.
        sources = null;
        split = null;
        watch.lap("assemble");
        Site site = assembled.site();
        Set<Path> since = sinceLastSuccess();
        if (disk != null) { // the pages that changed since the last process's build, when only bodies did
            since = disk.since(frontMatter, bodies, site, !others.isEmpty());
        }
        SiteRecord record = Records.of(site, learning, frontMatter);
        problems.addAll(Projects.overdue(record.projects(), site.buildTime().toLocalDate()));
        Map<String, Site> sites = new LinkedHashMap<>();
        sites.put(main, site);
        others.forEach((lang, a) -> sites.put(lang, a.site()));

        Map<String, List<String>> searchBefore = disk == null ? searchWords : disk.words(searchWords);
        Map<String, List<String>> searchNow = new ConcurrentHashMap<>(2 * searchBefore.size() + 16);
        Map<PageKey, PageWords> byPageBefore = pageWords;
        Map<PageKey, PageWords> byPageNow = content == null ? null : new ConcurrentHashMap<>(2 * byPageBefore.size() + 16);
        java.util.concurrent.ConcurrentMap<String, String> vocabulary = new ConcurrentHashMap<>(); // each word once
        java.util.function.Function<Page, List<String>> words = p -> {
            // a page the session kept (the same object) has the same words: no key is worked out
            PageKey id = content == null ? null : new PageKey(p);
            PageWords known = id == null ? null : byPageBefore.get(id);
            if (known == null) {
                // held for every post to the build's end (for the cache on disk): a hash, not the ~300 characters it is of
                String key = sha256(bodies.get(p.source()) + "\u0000" + p.url() + "\u0000" + p.title() + "\u0000"
                        + p.tags().stream().map(t -> t.name()).toList());
                List<String> w = searchBefore.get(key);
                if (w == null) {
                    w = SearchIndexWriter.words(p, vocabulary);
                }
                known = new PageWords(key, w);
            }
            if (content != null || disk != null) { // kept for the next build, in this session or on disk
                searchNow.put(known.key(), known.words());
            }
            if (byPageNow != null) {
                byPageNow.put(id, known);
            }
            return known.words();
        };
        List<OutputPlanner.Side> sides = new ArrayList<>();
        others.forEach((lang, a) -> sides.add(new OutputPlanner.Side(a.site(), e.languages().renderer(lang),
                Records.of(a.site(), learning, frontMatter), sideSearch.computeIfAbsent(lang,
                        l -> content == null ? SearchIndexWriter.Memory.none() : new SearchIndexWriter.Memory()), words)));
        java.util.function.Supplier<OutputPlanner> newPlanner = () -> {
            OutputPlanner p = new OutputPlanner(site, templates, siteDir, words, record, search, pictures.covers(site))
                    .languages(e.languages().translations(config, sites, translationKeys), templates, sides);
            if (content != null) { // a one-shot build keeps nothing for a next one
                p.feeds(feedTexts, e.settings() + " " + e.templates());
            }
            return p;
        };
        Previous last = disk == null ? previous : disk.intactState().map(s -> new Previous(siteDir, outputDir,
                s.fingerprint(), s.planned(), s.summary().files(), s.summary().html())).orElse(null);
        boolean sameBase = last != null && last.siteDir.equals(siteDir) && last.outputDir.equals(outputDir)
                && last.fingerprint.equals(fingerprint);
        // Only bodies changed, and the last build's plan said which outputs show them: plan only those
        // (the site's lists, and so every output path and input, are the same as last time).
        // (and the output folder still holds the last build: a clean build plans everything)
        boolean marked = Files.isRegularFile(outputDir.resolve(OutputGuard.MARKER));
        Set<String> only = since != null && sameBase && marked && disk == null && others.isEmpty() && affects != null
                && affects.matches(siteDir, outputDir, fingerprint) ? affects.of(since) : null;
        OutputPlanner planner = newPlanner.get();
        if (only != null) {
            planner.only(only);
        }
        Plan plan = planner.plan();
        Set<String> paths;
        if (only != null && plan.outputs().size() == only.size()) {
            paths = last.outputs;
        } else {
            if (only != null) { // not what the last plan said: plan everything (never expected)
                planner = newPlanner.get();
                plan = planner.plan();
                only = null;
            }
            paths = new HashSet<>();
            for (Output o : plan.outputs()) {
                paths.add(o.outputPath());
            }
        }
        problems.addAll(planner.missingTemplates());
        boolean sameOutputs = sameBase && last.outputs.equals(paths);
        if (!sameOutputs) { // the same paths from the same settings were checked by the last build
            problems.addAll(Collisions.find(plan.outputs(), frontMatter));
            problems.addAll(OutputPaths.check(config.permalinks(), siteDir, plan.outputs(), Output::outputPath,
                    Output::source));
        }
        SiteBuilder.failOnErrors(problems, warnings);
        watch.lap("plan");

        Set<Input> changed = since == null || !sameOutputs || !marked ? null : inputs(since);
        BuildResult.Work work;
        int files;
        int html;
        if (changed != null) {
            List<Output> affected = plan.affectedBy(changed);
            Map<String, byte[]> made = Renderer.renderInMemory(affected, problems);
            SiteBuilder.failOnErrors(problems, warnings);
            watch.lap("render");
            int written = writeChanged(outputDir, made);
            watch.lap("write");
            files = last.files;
            html = last.html;
            work = new BuildResult.Work(true, affected.size(), written, conversions.get(),
                    affected.stream().map(Output::outputPath).toList(), pictures.encoded(), false,
                    plan.outputs().size());
        } else {
            Renderer.Written written = Renderer.writeClean(plan, theme, siteDir, site,
                    LanguageSides.byFolder(config, sites), outputDir, problems, warnings, watch, pictures);
            files = written.files();
            html = written.rendered().html();
            work = new BuildResult.Work(false, written.rendered().rendered(), written.rendered().files(),
                    conversions.get(), List.of(), pictures.encoded(), false, plan.outputs().size());
        }
        if (only == null) {
            affects = content == null || disk != null || !others.isEmpty() ? null
                    : Affects.of(plan, siteDir, outputDir, fingerprint);
        }
        previous = new Previous(siteDir, outputDir, fingerprint, only == null ? Set.copyOf(paths) : last.outputs,
                files, html);
        unwritten = Set.of();
        converted = cache;
        responsive = content == null ? Map.of() : responsiveNow;
        keys = keysNow;
        searchWords = searchNow;
        pageWords = byPageNow == null ? Map.of() : byPageNow;
        List<SiteAssembler.Skipped> skippedAll = new ArrayList<>(assembled.skipped());
        others.values().forEach(a -> skippedAll.addAll(a.skipped()));
        List<BuildResult.SkippedPost> skipped = skippedAll.stream()
                .map(s -> new BuildResult.SkippedPost(s.source(), s.title(),
                        s.reason().name().toLowerCase(Locale.ROOT), s.goesLive()))
                .toList();
        int posts = sites.values().stream().mapToInt(x -> x.posts().size()).sum();
        int pageCount = sites.values().stream().mapToInt(x -> x.pages().size()).sum();
        int tags = sites.values().stream().mapToInt(x -> x.tags().terms().size()).sum();
        BuildResult result = new BuildResult(outputDir, files, html, posts, pageCount, tags, skipped, warnings,
                Duration.ofNanos(System.nanoTime() - start), phases, work);
        if (disk != null) {
            disk.write(siteDir, outputDir, new DiskCache.Made(fingerprint, Set.copyOf(paths), result, dates,
                    frontMatter, bodies, site, !others.isEmpty(), cache, searchNow, outsideTheme(theme, siteDir),
                    config.timezone(), request.now()));
            watch.lap("cache");
            result = new BuildResult(outputDir, files, html, posts, pageCount, tags, skipped, warnings,
                    Duration.ofNanos(System.nanoTime() - start), phases, work);
        }
        return result;
    }

    /** The folder of the picture cache, which may not be in the output folder (the next build would delete it). */
    static Path cacheDir(BuildRequest request, Path outputDir) {
        Path cache = request.cacheDir().toAbsolutePath().normalize();
        if (cache.startsWith(outputDir) || outputDir.startsWith(cache)) {
            throw new LateralException(Problem.general("the picture cache (" + cache + ") and the output folder ("
                    + outputDir + ") overlap, so each build would throw the other away",
                    "keep the cache in a folder of its own outside the output, e.g. the site's .lateral-cache"
                            + " (the default)"));
        }
        return cache;
    }

    /**
     * The settings, theme, words, data and template engine: the last build's when nothing they are
     * made from changed, else made again (the template engine kept, its parsed templates
     * forgotten, when only templates changed).
     */
    private Engines engines(Path siteDir, Path outputDir, BuildRequest request) {
        Engines last = engines;
        String settings = settings(siteDir, outputDir, request, last);
        String templatesHash = templatesHash(siteDir, outputDir, last);
        if (last != null && last.settings.equals(settings)) {
            if (last.templates.equals(templatesHash)) {
                return last;
            }
            last.renderer.forget();
            last.languages.forget();
            Engines now = new Engines(settings, templatesHash, last.config, last.warnings, last.theme, last.renderer,
                    TemplateKinds.check(last.theme, siteDir, Kind.templateNames()), last.data, last.languages);
            engines = now;
            return now;
        }
        List<Problem> warnings = new ArrayList<>();
        SiteConfig config = SiteConfigLoader.load(siteDir, warnings, request.caller());
        SiteBuilder.refuseHub(siteDir, config);
        if (request.baseUrl().isPresent()) {
            config = config.withBaseUrl(request.baseUrl().get());
            warnings.removeIf(p -> p.message().contains("no baseUrl"));
        }
        Theme theme = ThemeLoader.load(config, siteDir, SiteBuilder.class.getClassLoader(), warnings);
        Strings strings = Strings.load(theme, siteDir, config.language(), config.locale());
        TemplateRenderer templates = new TemplateRenderer(siteDir, theme, config.locale(), config.timezone(), strings);
        List<Problem> templateProblems = TemplateKinds.check(theme, siteDir, Kind.templateNames());
        Map<String, Object> data = SiteBuilder.loadData(siteDir);
        Engines now = new Engines(settings(siteDir, outputDir, request, theme), templatesHash(siteDir, outputDir,
                theme), config, List.copyOf(warnings), theme, templates, List.copyOf(templateProblems), data,
                LanguageSides.engines(config, theme, siteDir, strings));
        engines = now;
        return now;
    }

    /**
     * A hash of what the settings, theme, words and data are made from: the request (but not its
     * time), {@code site.yaml}, the site's {@code i18n/} and {@code data/} (by content), its static
     * files (by size and time), the theme.yaml and words of every theme of the chain in a folder,
     * and the static files of one outside the site (a theme in the site's {@code themes/} is covered
     * by the templates' hash; one in a jar does not change).
     */
    private static String settings(Path siteDir, Path outputDir, BuildRequest request, Engines last) {
        return settings(siteDir, outputDir, request, last == null ? null : last.theme);
    }

    private static String settings(Path siteDir, Path outputDir, BuildRequest request, Theme theme) {
        MessageDigest d = digest();
        update(d, "request " + request.drafts() + " " + request.future() + " " + request.baseUrl() + " "
                + request.caller() + " " + siteDir);
        update(d, "site.yaml");
        hashFile(d, siteDir.resolve("site.yaml"), true);
        for (String dir : List.of("i18n", "data")) {
            hashTree(d, siteDir.resolve(dir), outputDir, true);
        }
        hashTree(d, siteDir.resolve("static"), outputDir, false);
        for (Path root : folderThemes(theme)) { // theme.yaml and words of the theme and its parents, in or out of the site
            update(d, "theme " + root);
            hashTree(d, root.resolve("i18n"), outputDir, true);
            hashFile(d, root.resolve("theme.yaml"), true);
        }
        outsideTheme(theme, siteDir).forEach(root -> hashTree(d, root.resolve("static"), outputDir, false));
        return HexFormat.of().formatHex(d.digest());
    }

    private static String templatesHash(Path siteDir, Path outputDir, Engines last) {
        return templatesHash(siteDir, outputDir, last == null ? null : last.theme);
    }

    /** A hash of the site's {@code templates/} and {@code themes/}, and of an outside theme's templates, by content. */
    private static String templatesHash(Path siteDir, Path outputDir, Theme theme) {
        MessageDigest d = digest();
        for (String dir : List.of("templates", "themes")) {
            update(d, dir);
            hashTree(d, siteDir.resolve(dir), outputDir, true);
        }
        outsideTheme(theme, siteDir).forEach(root -> hashTree(d, root.resolve("templates"), outputDir, true));
        return HexFormat.of().formatHex(d.digest());
    }

    /** The folders on disk of the theme and the themes it extends (a jar's theme does not change). */
    private static List<Path> folderThemes(Theme theme) {
        if (theme == null) {
            return List.of();
        }
        return theme.chain().stream().filter(t -> t.root().getFileSystem() == java.nio.file.FileSystems.getDefault())
                .map(t -> t.root().toAbsolutePath().normalize()).toList();
    }

    /** Those of {@link #folderThemes} outside the site (the site's own themes/ is hashed with its templates). */
    private static List<Path> outsideTheme(Theme theme, Path siteDir) {
        return folderThemes(theme).stream().filter(root -> !root.startsWith(siteDir)).toList();
    }

    /** A hash of the pictures and files beside posts written as folders (by size and time): they are copied as they are. */
    private static String resources(List<Source> sources) {
        MessageDigest d = digest();
        for (Source s : sources) {
            for (Path r : s.resources()) {
                update(d, "resource " + r);
                hashFile(d, r, false);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * The source without its text, once converted: all the assembly reads of it but the text, which
     * it reads only to tell the line of a download link to a file that is not there, so a source
     * whose conversion has download links keeps it.
     */
    static Source withoutText(Source s, Rendered r) {
        if (s.body().isEmpty() || !org.lateral.markdown.Embeds.downloads(r.html()).isEmpty()) {
            return s;
        }
        return new Source(s.file(), s.path(), s.section(), s.name(), s.frontMatter(), "", s.bodyLine(), s.resources());
    }

    /** What a source's conversion depends on: its body, summary, table-of-contents flag, file and first line. */
    private static String key(Source s) {
        return (s.frontMatter().toc() ? "toc:" : "") + sha256(s.body())
                + s.frontMatter().summary().map(x -> ":" + sha256(x)).orElse("") + ":" + s.bodyLine() + ":" + s.path();
    }

    /**
     * The sources whose pages changed since the last successful build, when every assembly since
     * kept the site's lists (only bodies changed), or {@code null} when this build must be a clean
     * one (an assembly grouped everything again).
     */
    private Set<Path> sinceLastSuccess() {
        java.util.Optional<Set<Path>> pages = assembly == null ? java.util.Optional.empty() : assembly.changedPages();
        for (SiteAssembler.Memory side : sideAssemblies.values()) {
            java.util.Optional<Set<Path>> changed = side.changedPages();
            if (changed.isEmpty()) {
                pages = java.util.Optional.empty();
            } else if (pages.isPresent()) {
                Set<Path> both = new HashSet<>(pages.get());
                both.addAll(changed.get());
                pages = java.util.Optional.of(both);
            }
        }
        if (pages.isEmpty() || unwritten == null) {
            unwritten = null;
            return null;
        }
        Set<Path> since = new HashSet<>(unwritten);
        since.addAll(pages.get());
        unwritten = Set.copyOf(since); // kept if this build fails: the next one writes them
        return since;
    }

    private static Set<Input> inputs(Set<Path> sources) {
        Set<Input> changed = new HashSet<>();
        sources.forEach(p -> changed.add(Input.source(p)));
        return changed;
    }

    /**
     * Writes each file whose bytes differ from what the output folder holds, under the folder's
     * {@link OutputLock} (no other build writes it meanwhile); returns how many. All or nothing as
     * far as the file system allows: every new file is first written beside its target under a
     * temporary name, and only when all were written is each renamed over its target (one atomic
     * rename per file); a failure before that removes the temporary files and leaves the site as it was.
     */
    static int writeChanged(Path outputDir, Map<String, byte[]> made) {
        try (OutputLock lock = OutputLock.acquire(outputDir)) {
            Map<Path, Path> moves = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, byte[]> e : made.entrySet()) {
                    Path target = outputDir.resolve(e.getKey()).normalize();
                    if (!target.startsWith(outputDir) || target.equals(outputDir)) {
                        throw new IllegalArgumentException("refusing to write outside the output folder: " + e.getKey());
                    }
                    if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                            && Files.size(target) == e.getValue().length
                            && java.util.Arrays.equals(Files.readAllBytes(target), e.getValue())) {
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    Path tmp = target.resolveSibling(".lateral-" + target.getFileName() + ".tmp");
                    moves.put(tmp, target);
                    Files.write(tmp, e.getValue());
                }
            } catch (IOException | RuntimeException ex) {
                for (Path tmp : moves.keySet()) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // the next clean build removes it with the rest of the old output
                    }
                }
                if (ex instanceof IOException io) {
                    throw new UncheckedIOException("cannot write the rebuilt files into " + outputDir, io);
                }
                throw (RuntimeException) ex;
            }
            for (Map.Entry<Path, Path> m : moves.entrySet()) {
                try {
                    AtomicFiles.move(m.getKey(), m.getValue());
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot write " + outputDir.relativize(m.getValue()), ex);
                }
            }
            return moves.size();
        }
    }

    private static void hashTree(MessageDigest d, Path dir, Path outputDir, boolean content) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> !f.startsWith(outputDir) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList()) {
                update(d, "file " + dir.relativize(f));
                hashFile(d, f, content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static void hashFile(MessageDigest d, Path f, boolean content) {
        try {
            if (!Files.isRegularFile(f)) {
                update(d, "none");
            } else if (content) {
                d.update(Files.readAllBytes(f));
            } else {
                update(d, Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static void update(MessageDigest d, String s) {
        d.update(s.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
    }

    private static String sha256(String text) {
        return org.lateral.cache.ContentHash.of(text); // a body's fingerprint: SHA-256 is slow with the quick JIT
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
