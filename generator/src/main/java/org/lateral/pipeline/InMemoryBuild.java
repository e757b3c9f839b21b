package org.lateral.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lateral.BuildRequest;
import org.lateral.Problem;
import org.lateral.config.SiteConfig;
import org.lateral.config.SiteConfigLoader;
import org.lateral.cpd.Learning;
import org.lateral.cpd.Projects;
import org.lateral.cpd.SiteRecord;
import org.lateral.content.ContentLoader;
import org.lateral.content.FrontMatter;
import org.lateral.content.SiteLinks;
import org.lateral.content.Source;
import org.lateral.markdown.MarkdownRenderer;
import org.lateral.markdown.Rendered;
import org.lateral.output.OutputPaths;
import org.lateral.plan.Format;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.plan.Plan;
import org.lateral.render.Strings;
import org.lateral.render.TemplateKinds;
import org.lateral.render.TemplateRenderer;
import org.lateral.render.Theme;
import org.lateral.render.ThemeLoader;
import org.lateral.search.SearchIndexWriter;
import org.lateral.publish.GitHistory;
import org.lateral.site.Page;
import org.lateral.site.Site;
import org.lateral.site.SiteAssembler;

/**
 * Builds a site into memory, as {@link Session} would build it but writing nothing, for
 * {@code lateral check}: the same phases (load, Markdown, assemble, plan, render), the same errors
 * (a site that does not build is not checked), and then what a checker needs besides the pages: the
 * files a build would copy, and the pages of drafts and scheduled posts (assembled a second time
 * with them in, from the same conversions) so that a link to one can be named.
 */
public final class InMemoryBuild {

    private InMemoryBuild() {
    }

    /**
     * @throws org.lateral.LateralException listing every error, as a build would
     */
    public static SiteSnapshot run(BuildRequest request) {
        Path siteDir = request.siteDir().toAbsolutePath().normalize();
        List<Problem> warnings = new ArrayList<>();
        SiteConfig loadedConfig = SiteConfigLoader.load(siteDir, warnings, request.caller());
        SiteBuilder.refuseHub(siteDir, loadedConfig);
        SiteConfig config = request.baseUrl().map(loadedConfig::withBaseUrl).orElse(loadedConfig);
        Theme theme = ThemeLoader.load(config, siteDir, SiteBuilder.class.getClassLoader(), warnings);
        Strings strings = Strings.load(theme, siteDir, config.language(), config.locale());
        TemplateRenderer templates = new TemplateRenderer(siteDir, theme, config.locale(), config.timezone(), strings);
        List<Problem> problems = new ArrayList<>(TemplateKinds.check(theme, siteDir, Kind.templateNames()));
        Map<String, Object> data = SiteBuilder.loadData(siteDir);
        ContentLoader.Loaded loaded = new ContentLoader(siteDir, config.timezone()).load();
        Learning learning = Learning.load(siteDir, problems);
        // as a build: a private record's page is not published, so it is not there to link to
        List<Source> publishable = Records.publishable(loaded.sources(), learning, problems);
        LanguageSides.Split split = LanguageSides.split(config, publishable, problems);
        MarkdownRenderer markdown = new MarkdownRenderer();
        Map<Path, Rendered> converted = new ConcurrentHashMap<>();
        publishable.parallelStream().forEach(s -> converted.put(s.path(),
                markdown.render(s.body(), s.frontMatter().toc(), s.path(), s.bodyLine(), s.frontMatter().summary())));
        SiteAssembler.Options options = new SiteAssembler.Options(request.drafts(), request.future(), request.now(),
                GitHistory.forSite(siteDir));
        String main = split.byLanguage().keySet().iterator().next();
        SiteAssembler.Assembled assembled = new SiteAssembler(config, options)
                .assemble(split.byLanguage().get(main), (s, toc) -> converted.get(s.path()), data);
        problems.addAll(loaded.problems());
        problems.addAll(assembled.problems());
        Site site = assembled.site();
        Map<Path, FrontMatter> frontMatter = new HashMap<>();
        publishable.forEach(s -> frontMatter.put(s.path(), s.frontMatter()));
        SiteRecord record = Records.of(site, learning, frontMatter);
        problems.addAll(Projects.overdue(record.projects(), site.buildTime().toLocalDate()));
        Map<String, Site> sites = new java.util.LinkedHashMap<>();
        sites.put(main, site);
        List<SiteAssembler.Skipped> skippedAll = new ArrayList<>(assembled.skipped());
        LanguageSides.Engines engines = LanguageSides.engines(config, theme, siteDir, strings);
        List<OutputPlanner.Side> sides = new ArrayList<>();
        for (String lang : config.languages().others()) {
            SiteAssembler.Assembled a = new SiteAssembler(config.side(lang), options)
                    .assemble(split.byLanguage().get(lang), (s, toc) -> converted.get(s.path()), data);
            problems.addAll(a.problems());
            skippedAll.addAll(a.skipped());
            sites.put(lang, a.site());
            sides.add(new OutputPlanner.Side(a.site(), engines.renderer(lang), Records.of(a.site(), learning, frontMatter),
                    new SearchIndexWriter.Memory(), SearchIndexWriter::words));
        }
        OutputPlanner planner = new OutputPlanner(site, templates, siteDir, SearchIndexWriter::words, record)
                .languages(engines.translations(config, sites, split.keys()), templates, sides);
        Plan plan = planner.plan();
        problems.addAll(planner.missingTemplates());
        problems.addAll(Collisions.find(plan.outputs(), frontMatter));
        problems.addAll(OutputPaths.check(config.permalinks(), siteDir, plan.outputs(), Output::outputPath,
                Output::source));
        SiteBuilder.failOnErrors(problems, warnings);
        List<Output> pages = plan.outputs().stream().filter(o -> o.format() == Format.HTML).toList();
        Map<String, byte[]> html = Renderer.renderInMemory(pages, problems);
        SiteBuilder.failOnErrors(problems, warnings);

        Map<String, SiteSnapshot.Unpublished> unpublished = new HashMap<>();
        if (!skippedAll.isEmpty()) {
            Map<Path, String> reasons = skippedAll.stream().collect(Collectors.toMap(
                    SiteAssembler.Skipped::source, s -> s.reason().name().toLowerCase(Locale.ROOT), (a, b) -> a));
            for (String lang : sites.keySet()) {
                String folder = config.languages().prefix(lang);
                Site everything = new SiteAssembler(config.side(lang), new SiteAssembler.Options(true, true, request.now()))
                        .assemble(split.byLanguage().get(lang), (s, toc) -> converted.get(s.path()), data).site();
                for (List<Page> list : List.of(everything.posts(), everything.pages())) {
                    for (Page p : list) {
                        String reason = reasons.get(p.source());
                        if (reason != null) {
                            unpublished.putIfAbsent(folder + p.outputPath(), new SiteSnapshot.Unpublished(p, reason));
                        }
                    }
                }
            }
        }
        Map<Path, Source> sources = new HashMap<>();
        publishable.forEach(s -> sources.putIfAbsent(s.path(), s));
        return new SiteSnapshot(siteDir, site, sources, plan.outputs(), html, copiedFiles(theme, siteDir, site, LanguageSides.byFolder(config, sites)),
                unpublished, theme, warnings);
    }

    /** What {@link SiteBuilder#copyStatic} would copy, by output path: the theme's static files, the site's, pictures. */
    private static Map<String, Path> copiedFiles(Theme theme, Path siteDir, Site site, Map<String, Site> sides) {
        Map<String, Path> files = new HashMap<>();
        theme.staticDirs().forEach(dir -> tree(dir, siteDir, files));
        tree(siteDir.resolve("static"), siteDir, files);
        Map<String, Site> all = new java.util.LinkedHashMap<>();
        all.put("", site);
        all.putAll(sides);
        for (Map.Entry<String, Site> side : all.entrySet()) {
        Site each = side.getValue();
        for (List<Page> list : List.of(each.posts(), each.pages(), each.events().stream().map(e -> e.page()).toList())) {
            for (Page p : list) {
                if (p.resources().isEmpty()) {
                    continue;
                }
                String dir = side.getKey() + p.address().outputDir(); // as SiteBuilder.copyResources: the page's folder
                Path bundle = p.resources().get(0).getParent();
                while (bundle != null && !Files.exists(bundle.resolve("index.md"))) {
                    bundle = bundle.getParent();
                }
                for (Path r : p.resources()) {
                    String rel = (bundle == null ? r.getFileName() : bundle.relativize(r)).toString().replace('\\', '/');
                    files.put(dir + rel, r);
                }
            }
        }
        }
        return files;
    }

    private static void tree(Path dir, Path siteDir, Map<String, Path> files) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (f.getFileSystem() == siteDir.getFileSystem() && SiteLinks.leaves(f, siteDir)
                        && f.startsWith(siteDir)) {
                    continue;
                }
                files.put(dir.relativize(f).toString().replace('\\', '/'), f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

}
