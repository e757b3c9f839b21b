package org.lateral.pipeline;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lateral.AggregateRequest;
import org.lateral.AggregateResult;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.aggregate.Collected;
import org.lateral.aggregate.Curator;
import org.lateral.aggregate.EditorialConfig;
import org.lateral.aggregate.EditorialReader;
import org.lateral.aggregate.RiverState;
import org.lateral.aggregate.Subscription;
import org.lateral.aggregate.Hub;
import org.lateral.aggregate.HubCollector;
import org.lateral.aggregate.HubConfig;
import org.lateral.aggregate.HubConfigReader;
import org.lateral.config.SiteConfig;
import org.lateral.safety.AddressPolicy;
import org.lateral.config.SiteConfigLoader;
import org.lateral.content.ContentLoader;
import org.lateral.content.Source;
import org.lateral.markdown.MarkdownRenderer;
import org.lateral.output.OutputGuard;
import org.lateral.output.StagedOutput;
import org.lateral.plan.Plan;
import org.lateral.aggregate.NetworkCalendar;
import org.lateral.aggregate.HubCommunity;
import org.lateral.aggregate.NetworkCommunity;
import org.lateral.render.Strings;
import org.lateral.render.TemplateRenderer;
import org.lateral.render.Theme;
import org.lateral.render.ThemeLoader;
import org.lateral.site.Site;
import org.lateral.site.SiteAssembler;

/**
 * Runs one hub: the same phases as a site build with the members' feeds as the source of pages.
 * Load (site.yaml and its {@code hub:} section, the theme, the hub's own {@code content/pages/})
 * and check everything that can be checked before the network is touched; collect (fetch, read,
 * sanitise and merge every feed, {@link HubCollector}); assemble the {@link Hub}; plan
 * (the site's {@link OutputPlanner}, over the hub's listings); render in parallel and write atomically
 * ({@link StagedOutput}), as a site's clean build does.
 *
 * <p>Failed feeds do not fail the run: their members keep the entries of their last good fetch
 * and the health page says what went wrong. When not one feed could be read, nothing is written
 * and the previous hub stays as it was. Use it through {@link org.lateral.Lateral#aggregate}.
 */
public final class HubBuilder {

    private HubBuilder() {
    }

    public static AggregateResult aggregate(AggregateRequest request) {
        long start = System.nanoTime();
        Map<String, Duration> phases = new LinkedHashMap<>();
        SiteBuilder.Stopwatch watch = new SiteBuilder.Stopwatch(phases);
        Instant now = request.clock().instant();
        Path hubDir = request.hubDir().toAbsolutePath().normalize();
        Path outputDir = request.outputDir().toAbsolutePath().normalize();

        List<Problem> warnings = new ArrayList<>();
        SiteConfig config = SiteConfigLoader.load(hubDir, warnings, request.caller());
        OutputGuard.check(outputDir, hubDir).ifPresent(p -> {
            throw new LateralException(p);
        });
        Path configFile = Path.of(SiteConfigLoader.find(hubDir).orElseThrow().getFileName().toString());
        HubConfig hubConfig = HubConfigReader.read(config.hub(), hubDir, configFile, outputDir,
                URI.create(config.baseUrl()), warnings, request.projectDir().map(p -> p.toAbsolutePath().normalize()).filter(hubDir::startsWith).orElse(hubDir),
                addressPolicy(config, request), request.cacheDir());
        Theme theme = ThemeLoader.load(config, hubDir, HubBuilder.class.getClassLoader(), warnings);
        Strings strings = Strings.load(theme, hubDir, config.language(), config.locale());
        TemplateRenderer templates = new TemplateRenderer(hubDir, theme, config.locale(), config.timezone(), strings);
        PagePictures[] pictures = {PagePictures.NONE};
        Site site = ownPages(hubDir, config, now, warnings, request.cacheDir(), pictures);
        for (String template : List.of(OutputPlanner.RIVER, OutputPlanner.MEMBER, OutputPlanner.HEALTH)) {
            if (!templates.exists(template)) {
                throw new LateralException(Problem.error(Path.of("templates", template), 0, 0,
                        "the theme \"" + theme.name() + "\" has no hub templates (" + template + ")",
                        "use theme: default for the hub, or copy the default theme's templates/hub/ folder into yours"));
            }
        }
        watch.lap("load");

        EditorialConfig editorial = EditorialReader.read(config.hub(), hubDir, configFile, warnings);
        List<Subscription> everyMember = hubConfig.subscriptions();
        hubConfig = hubConfig.withSubscriptions(Curator.visibleMembers(everyMember, editorial.curation()));
        Collected collected = new HubCollector(hubConfig.settings(), request.clock())
                .collect(hubConfig.subscriptions(), request.progress());
        watch.lap("collect");
        Curator.Curated curated = Curator.apply(hubConfig, editorial, everyMember, collected,
                RiverState.load(hubConfig.settings().cacheDir()), now, config.timezone(), warnings);
        Hub hub = Hub.assemble(hubConfig, curated, now, config.timezone());
        if (collected.report().noFeedRead()) {
            return result(outputDir, false, hub, 0, warnings, start, phases);
        }

        NetworkCalendar network = NetworkCalendar.collect(hubConfig, hub, config.timezone(), now);
        watch.lap("calendars");
        HubCommunity community = NetworkCommunity.assemble(NetworkCommunity.collect(hubConfig), hub, now,
                config.timezone());
        watch.lap("community");
        Plan plan = HubEvents.withEvents(OutputPlanner.hub(site, hub, hubConfig, templates, strings, hubDir, network,
                community), site, hub, network, templates);
        plan = HubCommunityPages.with(plan, site, hub, network, community, templates);
        List<Problem> problems = new ArrayList<>(Collisions.find(plan.outputs()));
        SiteBuilder.failOnErrors(problems, warnings);
        watch.lap("plan");
        Renderer.Written written = Renderer.writeClean(plan, theme, hubDir, site, outputDir, problems, warnings, watch,
                pictures[0]);
        curated.next().save(hubConfig.settings().cacheDir()); // once the hub is written: the guards' memory
        return result(outputDir, true, hub, written.files(), warnings, start, phases);
    }

    /** site.yaml's {@code network: allow:} and the request's own ({@code --allow-address}), on top of public addresses. */
    private static AddressPolicy addressPolicy(SiteConfig config, AggregateRequest request) {
        return config.network().policyAllowing(request.allowAddresses());
    }

    /** The hub's own pages (about, join…), built as a site's are; posts are not the hub's to publish. */
    private static Site ownPages(Path hubDir, SiteConfig config, Instant now, List<Problem> warnings, Path cacheDir,
            PagePictures[] pictures) {
        ContentLoader.Loaded loaded = new ContentLoader(hubDir, config.timezone()).load();
        List<Source> pages = loaded.sources().stream().filter(s -> !s.isPost()).toList();
        if (pages.size() < loaded.sources().size()) {
            warnings.add(Problem.warning(Path.of("content", "posts"), 0, 0,
                    "the hub does not publish posts of its own; content/posts/ was left out",
                    "publish network news from a member's site (its feed brings it to the hub), or make it a page in content/pages/"));
        }
        MarkdownRenderer markdown = new MarkdownRenderer();
        List<Problem> problems = new ArrayList<>(loaded.problems());
        // the hub's own pages' pictures, as a site's: resized, without their location (the fetch cache's images/)
        PagePictures own = PagePictures.prepare(pages, cacheDir, hubDir, null, problems);
        pictures[0] = own;
        SiteAssembler.Assembled assembled = new SiteAssembler(config, new SiteAssembler.Options(false, false, now))
                .assemble(pages, (s, toc) -> own.rewrite(s, markdown.render(s.body(), toc, s.path(), s.bodyLine(),
                        s.frontMatter().summary())), SiteBuilder.loadData(hubDir));
        problems.addAll(assembled.problems());
        SiteBuilder.failOnErrors(problems, warnings);
        return assembled.site();
    }

    private static AggregateResult result(Path outputDir, boolean written, Hub hub, int files, List<Problem> warnings,
                                          long start, Map<String, Duration> phases) {
        return new AggregateResult(outputDir, written, hub.members().size(), hub.river().size(), files, hub.report(),
                warnings, Duration.ofNanos(System.nanoTime() - start), phases);
    }
}
