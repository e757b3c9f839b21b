package org.lateral.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.lateral.markdown.MarkdownRenderer;
import org.lateral.markdown.Rendered;
import org.lateral.output.OutputGuard;
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
    /** Content hash (table of contents flag included) → rendering, from the last build. */
    private Map<String, Rendered> converted = Map.of();
    private Previous previous;
    /** A page's search words by its body's hash, title and tags, from the last build. */
    private Map<String, List<String>> searchWords = Map.of();

    /** What the last successful build was made from. */
    private record Previous(Path siteDir, Path outputDir, String fingerprint, Map<Path, String> bodies,
            Map<Path, FrontMatter> frontMatter, Set<String> outputs) {
    }

    public synchronized BuildResult build(BuildRequest request) {
        long start = System.nanoTime();
        Map<String, Duration> phases = new LinkedHashMap<>();
        SiteBuilder.Stopwatch watch = new SiteBuilder.Stopwatch(phases);
        Path siteDir = request.siteDir().toAbsolutePath().normalize();
        Path outputDir = request.outputDir().toAbsolutePath().normalize();

        List<Problem> warnings = new ArrayList<>();
        SiteConfig config = SiteConfigLoader.load(siteDir, warnings, request.caller());
        SiteBuilder.refuseHub(siteDir, config);
        if (request.baseUrl().isPresent()) {
            config = config.withBaseUrl(request.baseUrl().get());
            warnings.removeIf(p -> p.message().contains("no baseUrl"));
        }
        OutputGuard.check(outputDir, siteDir).ifPresent(p -> {
            throw new LateralException(p);
        });
        Theme theme = ThemeLoader.load(config.theme(), siteDir, SiteBuilder.class.getClassLoader());
        Strings strings = Strings.load(theme, siteDir, config.language(), config.locale());
        TemplateRenderer templates = new TemplateRenderer(siteDir, theme, config.locale(), config.timezone(), strings);
        List<Problem> problems = new ArrayList<>(TemplateKinds.check(theme, siteDir, Kind.templateNames()));

        Map<String, Object> data = SiteBuilder.loadData(siteDir);
        ContentLoader.Loaded loaded = new ContentLoader(siteDir, config.timezone()).load();
        Learning learning = Learning.load(siteDir, problems);
        List<Source> sources = Records.publishable(loaded.sources(), learning, problems);
        watch.lap("load");
        Map<Path, String> bodies = new ConcurrentHashMap<>();
        Map<String, Rendered> cache = new ConcurrentHashMap<>();
        AtomicInteger conversions = new AtomicInteger();
        Map<Path, FrontMatter> frontMatter = new HashMap<>();
        for (Source s : sources) {
            frontMatter.put(s.path(), s.frontMatter());
        }
        Map<String, Rendered> before = converted;
        sources.parallelStream().forEach(s -> {
            String key = (s.frontMatter().toc() ? "toc:" : "") + sha256(s.body())
                    + s.frontMatter().summary().map(x -> ":" + sha256(x)).orElse("");
            bodies.put(s.path(), key);
            Rendered r = before.get(key);
            if (r == null) {
                r = markdown.render(s.body(), s.frontMatter().toc(), s.path(), s.bodyLine(), s.frontMatter().summary());
                conversions.incrementAndGet();
            }
            cache.put(key, r);
        });
        watch.lap("markdown");
        SiteAssembler.Assembled assembled = new SiteAssembler(config,
                new SiteAssembler.Options(request.drafts(), request.future(), request.now()))
                .assemble(sources, (s, toc) -> cache.get(bodies.get(s.path())), data);
        problems.addAll(loaded.problems());
        problems.addAll(assembled.problems());
        watch.lap("assemble");
        Site site = assembled.site();
        SiteRecord record = Records.of(site, learning, frontMatter);
        problems.addAll(Projects.overdue(record.projects(), site.buildTime().toLocalDate()));

        Map<String, List<String>> searchBefore = searchWords;
        Map<String, List<String>> searchNow = new ConcurrentHashMap<>();
        Plan plan = new OutputPlanner(site, templates, siteDir, p -> {
            String key = bodies.get(p.source()) + "\u0000" + site.basePath() + "\u0000" + p.title() + "\u0000"
                    + p.tags().stream().map(t -> t.name()).toList();
            List<String> words = searchBefore.get(key);
            if (words == null) {
                words = SearchIndexWriter.words(p);
            }
            searchNow.put(key, words);
            return words;
        }, record).plan();
        problems.addAll(Collisions.find(plan.outputs()));
        problems.addAll(OutputPaths.check(config.permalinks(), siteDir, plan.outputs(), Output::outputPath,
                Output::source));
        SiteBuilder.failOnErrors(problems, warnings);
        watch.lap("plan");

        String fingerprint = fingerprint(siteDir, outputDir, request, site);
        Set<String> paths = new HashSet<>();
        plan.outputs().forEach(o -> paths.add(o.outputPath()));
        Set<Input> changed = changes(siteDir, outputDir, fingerprint, bodies, frontMatter, paths);
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
            files = previousFiles;
            html = previousHtml;
            work = new BuildResult.Work(true, affected.size(), written, conversions.get(),
                    affected.stream().map(Output::outputPath).toList());
        } else {
            Renderer.Written written = Renderer.writeClean(plan, theme, siteDir, site, outputDir, problems, warnings,
                    watch);
            files = written.files();
            html = written.rendered().html();
            work = new BuildResult.Work(false, written.rendered().rendered(), written.rendered().files(),
                    conversions.get(), List.of());
        }
        previous = new Previous(siteDir, outputDir, fingerprint, Map.copyOf(bodies), Map.copyOf(frontMatter),
                Set.copyOf(paths));
        previousFiles = files;
        previousHtml = html;
        converted = cache;
        searchWords = searchNow;
        List<BuildResult.SkippedPost> skipped = assembled.skipped().stream()
                .map(s -> new BuildResult.SkippedPost(s.source(), s.title(),
                        s.reason().name().toLowerCase(Locale.ROOT), s.goesLive()))
                .toList();
        return new BuildResult(outputDir, files, html, site.posts().size(), site.pages().size(),
                site.tags().terms().size(), skipped, warnings, Duration.ofNanos(System.nanoTime() - start), phases,
                work);
    }

    private int previousFiles;
    private int previousHtml;

    /**
     * The inputs that changed since the last build, or {@code null} when this build cannot be an
     * incremental one (a first build, another site or folder, changed settings, templates, data or
     * static files, another set of outputs, changed front matter, or a missing output folder).
     */
    private Set<Input> changes(Path siteDir, Path outputDir, String fingerprint, Map<Path, String> bodies,
            Map<Path, FrontMatter> frontMatter, Set<String> paths) {
        Previous p = previous;
        if (p == null || !p.siteDir.equals(siteDir) || !p.outputDir.equals(outputDir)
                || !p.fingerprint.equals(fingerprint) || !p.outputs.equals(paths)
                || !p.frontMatter.equals(frontMatter) || !Files.isRegularFile(outputDir.resolve(OutputGuard.MARKER))) {
            return null;
        }
        Set<Input> changed = new HashSet<>();
        bodies.forEach((path, hash) -> {
            if (!hash.equals(p.bodies.get(path))) {
                changed.add(Input.source(path));
            }
        });
        return changed;
    }

    /** Writes each file whose bytes differ from what the output folder holds; returns how many. */
    private static int writeChanged(Path outputDir, Map<String, byte[]> made) {
        int written = 0;
        for (Map.Entry<String, byte[]> e : made.entrySet()) {
            Path target = outputDir.resolve(e.getKey()).normalize();
            if (!target.startsWith(outputDir) || target.equals(outputDir)) {
                throw new IllegalArgumentException("refusing to write outside the output folder: " + e.getKey());
            }
            try {
                if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), e.getValue())) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path tmp = target.resolveSibling(".lateral-" + target.getFileName() + ".tmp");
                Files.write(tmp, e.getValue());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written++;
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write " + e.getKey(), ex);
            }
        }
        return written;
    }

    /**
     * One hash of everything a rebuild cannot follow output by output: the request (but not its
     * time, except the year the footer shows), {@code site.yaml}, the site's templates, themes,
     * words and data (by content), and the static files and pictures copied into the output (by
     * size and time).
     */
    private static String fingerprint(Path siteDir, Path outputDir, BuildRequest request, Site site) {
        MessageDigest d = digest();
        update(d, "request " + request.drafts() + " " + request.future() + " " + request.baseUrl() + " "
                + site.buildTime().getYear());
        update(d, "site.yaml");
        hashFile(d, siteDir.resolve("site.yaml"), true);
        for (String dir : List.of("templates", "themes", "i18n", "data")) {
            hashTree(d, siteDir.resolve(dir), outputDir, true);
        }
        hashTree(d, siteDir.resolve("static"), outputDir, false);
        for (List<Page> pages : List.of(site.posts(), site.pages())) {
            for (Page p : pages) {
                for (Path r : p.resources()) {
                    update(d, "resource " + r);
                    hashFile(d, r, false);
                }
            }
        }
        return HexFormat.of().formatHex(d.digest());
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
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
