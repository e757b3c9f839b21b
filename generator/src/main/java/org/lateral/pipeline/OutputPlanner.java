package org.lateral.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.lateral.address.Address;
import org.lateral.aggregate.Digest;
import org.lateral.aggregate.HealthReportWriter;
import org.lateral.aggregate.Hub;
import org.lateral.aggregate.HubConfig;
import org.lateral.aggregate.HubListings;
import org.lateral.aggregate.OpmlWriter;
import org.lateral.cpd.CpdExport;
import org.lateral.cpd.CpdYear;
import org.lateral.cpd.SiteRecord;
import org.lateral.feed.FeedPlanner;
import org.lateral.feed.HubFeeds;
import org.lateral.plan.Format;
import org.lateral.plan.Input;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.plan.Plan;
import org.lateral.render.Strings;
import org.lateral.render.TemplateRenderer;
import org.lateral.search.SearchIndexWriter;
import org.lateral.site.Listing;
import org.lateral.site.Listings;
import org.lateral.site.Page;
import org.lateral.site.Pager;
import org.lateral.site.Site;

/**
 * Decides every file a site build or a hub run writes, from each kind's row of formats
 * ({@link Kind#formats()}), along one path for both: a page per post and page, the pages of every
 * {@link Listing} (a site's from {@link Listings#of}: home, taxonomy indexes, tags and categories,
 * authors, the series index and each series, the archive and its periods; a hub's from
 * {@link HubListings#of}: the river, the members page, each member, the digest), the 404 page,
 * and the feeds of every listing that has them. A site adds the search index and page, the home
 * page's feeds, the sitemap and robots.txt ({@link FeedPlanner}); a hub the digest's e-mail and
 * text, the feed-health page and report, and the blogroll. Each becomes an {@link Output} that
 * declares its inputs; nothing is rendered here.
 */
final class OutputPlanner {

    /** What every rendered page may read besides its own sources: other posts' titles, templates, settings, data. */
    static final Set<Input> SITE_WIDE = Set.of(Input.FRONT_MATTER, Input.TEMPLATES, Input.CONFIG, Input.DATA);
    /** Every hub output is made from what the members' feeds said, and from the hub's templates and settings. */
    static final Set<Input> HUB_WIDE = Set.of(Input.FEEDS, Input.FRONT_MATTER, Input.TEMPLATES, Input.CONFIG,
            Input.DATA);

    static final String RIVER = "hub/river.ftlh";
    static final String MEMBER = "hub/member.ftlh";
    static final String HEALTH = "hub/health.ftlh";
    static final String SWAP_SHOP = "swap-shop.ftlh";
    private static final String DIGEST_EMAIL = "hub/digest-email.ftlh";
    private static final String DIGEST_TEXT = "hub/digest-text.ftl";
    /** A digest's posts with absolute links: the digest feed's entry content. */
    private static final String DIGEST_CONTENT = "hub/digest-content.ftlh";

    /**
     * The template of each kind of list, and whether a theme must have it (older themes may lack
     * the series and archive templates; their lists are then not written).
     */
    private record ListTemplate(String name, boolean required) {
    }

    private static final Map<Kind, ListTemplate> LIST_TEMPLATES = Map.ofEntries(
            Map.entry(Kind.HOME, new ListTemplate("home.ftlh", true)),
            Map.entry(Kind.TAXONOMY, new ListTemplate("taxonomy.ftlh", true)),
            Map.entry(Kind.TERM, new ListTemplate("term.ftlh", true)),
            Map.entry(Kind.AUTHOR, new ListTemplate("author.ftlh", true)),
            Map.entry(Kind.AUTHORS, new ListTemplate("authors.ftlh", false)),
            Map.entry(Kind.SERIES_LIST, new ListTemplate("series-list.ftlh", false)),
            Map.entry(Kind.SERIES, new ListTemplate("series.ftlh", false)),
            Map.entry(Kind.ARCHIVE, new ListTemplate("archive.ftlh", false)),
            Map.entry(Kind.ARCHIVE_PERIOD, new ListTemplate("archive-period.ftlh", false)),
            Map.entry(Kind.EVENTS, new ListTemplate("events.ftlh", false)),
            Map.entry(Kind.SWAP_SHOP, new ListTemplate(SWAP_SHOP, false)),
            Map.entry(Kind.HUB_SWAP_SHOP, new ListTemplate("hub/swap-shop.ftlh", false)),
            Map.entry(Kind.MENTORING, new ListTemplate("hub/mentoring.ftlh", false)),
            Map.entry(Kind.RIVER, new ListTemplate(RIVER, true)),
            Map.entry(Kind.MEMBERS, new ListTemplate("hub/members.ftlh", true)),
            Map.entry(Kind.MEMBER, new ListTemplate(MEMBER, true)),
            Map.entry(Kind.TOPIC, new ListTemplate("hub/topic.ftlh", false)),
            Map.entry(Kind.TOPICS, new ListTemplate("hub/topics.ftlh", false)),
            Map.entry(Kind.DIGEST_WEEK, new ListTemplate("hub/digest-week.ftlh", false)),
            Map.entry(Kind.DIGEST, new ListTemplate("hub/digest.ftlh", true)));

    /**
     * A language's side of a bilingual site, planned with the main side: its own site (posts, lists,
     * feeds, search index in that language, under its folder), template engine (the language's
     * words) and professional-learning record.
     */
    record Side(Site site, TemplateRenderer templates, SiteRecord record, SearchIndexWriter.Memory search,
            java.util.function.Function<Page, List<String>> searchWords) {
    }

    private final Site site;
    private TemplateOutputs pages;
    /** The other languages' sides ({@link #languages}); none for a one-language site. */
    private List<Side> sides = List.of();
    private org.lateral.site.Translations translations = org.lateral.site.Translations.NONE;
    /** The folder of the side this planner plans ({@code cy/}), empty for the main side. */
    private String prefix = "";
    /** What every output of this plan is made from ({@link #SITE_WIDE}, {@link #HUB_WIDE}). */
    private final Set<Input> everywhere;
    private final List<Output> outputs = new ArrayList<>();
    /**
     * One {@link Input} per source for the whole plan: the lists showing a post all declare it (at
     * 10,000 posts, 87,000 inputs for 10,000 sources, held to the build's end).
     */
    private final Map<Path, Input> sourceInputs = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path siteDir;
    private final java.util.function.Function<Page, List<String>> searchWords;
    private final SiteRecord record;

    private final SearchIndexWriter.Memory searchMemory;

    OutputPlanner(Site site, TemplateRenderer templates, Path siteDir) {
        this(site, templates, siteDir, SearchIndexWriter::words);
    }

    /** @param searchWords each page's search words ({@link SearchIndexWriter#words}, or a session's cache of them) */
    OutputPlanner(Site site, TemplateRenderer templates, Path siteDir,
            java.util.function.Function<Page, List<String>> searchWords) {
        this(site, templates, siteDir, searchWords, SiteRecord.NONE, new SearchIndexWriter.Memory());
    }

    /** @param record the professional-learning record: the record page, its exports, projects, each page's record */
    OutputPlanner(Site site, TemplateRenderer templates, Path siteDir,
            java.util.function.Function<Page, List<String>> searchWords, SiteRecord record) {
        this(site, templates, siteDir, searchWords, record, new SearchIndexWriter.Memory());
    }

    /**
     * @param record       the professional-learning record: the record page, its exports, projects, each page's record
     * @param searchMemory a session's memory of the last search index ({@link SearchIndexWriter.Memory})
     */
    OutputPlanner(Site site, TemplateRenderer templates, Path siteDir,
            java.util.function.Function<Page, List<String>> searchWords, SiteRecord record,
            SearchIndexWriter.Memory searchMemory) {
        this(site, templates, siteDir, searchWords, record, searchMemory, org.lateral.site.Covers.NONE);
    }

    /** @param covers the pages' {@code image:} pictures in their published widths (templates: {@code pictures}) */
    OutputPlanner(Site site, TemplateRenderer templates, Path siteDir,
            java.util.function.Function<Page, List<String>> searchWords, SiteRecord record,
            SearchIndexWriter.Memory searchMemory, org.lateral.site.Covers covers) {
        this(site, new TemplateOutputs(templates, Map.of("site", site, "translations",
                org.lateral.site.Translations.NONE, "pictures", covers), site.basePath(), site.config().relativeUrls()),
                siteDir, SITE_WIDE, searchWords, record, searchMemory);
        this.covers = covers;
    }

    /**
     * A bilingual site: the main side's templates see {@code translations}, and {@link #plan} plans
     * each other language's side in its folder, and one sitemap with every page's alternates.
     */
    /** The pages' {@code image:} pictures in their widths, as templates see them ({@code pictures}). */
    private org.lateral.site.Covers covers = org.lateral.site.Covers.NONE;

    /** A build session's memory of the feeds' entry texts, and what the settings and templates are made from; none: null. */
    private org.lateral.feed.FeedFragments.Memory feedMemory;
    private String feedSettings;

    /** Feeds splice in the entry texts of the session's last build ({@link org.lateral.feed.FeedFragments.Memory}). */
    OutputPlanner feeds(org.lateral.feed.FeedFragments.Memory memory, String settings) {
        this.feedMemory = memory;
        this.feedSettings = settings;
        return this;
    }

    /**
     * The output paths to plan, or null for every one: a rebuild after a body edit plans only the
     * outputs the edit affects ({@link #only}), the rest of the last build's plan being unchanged.
     */
    private Set<String> only;

    /**
     * Plans only the outputs at {@code paths} (of a one-language site): what a body edit affects,
     * from the last full plan's inputs. The sitemap lists every planned page, so it cannot be among them.
     */
    OutputPlanner only(Set<String> paths) {
        if (paths.contains(FeedPlanner.SITEMAP) || !sides.isEmpty()) {
            throw new IllegalArgumentException("the sitemap and a bilingual site are planned whole");
        }
        this.only = Set.copyOf(paths);
        return this;
    }

    /**
     * Whether a list at {@code address} has a wanted output ({@link #only}): its page, a pager
     * ({@code page/N/}) or a feed in its folder, not a list in a folder below it. A list left out
     * wrongly is caught after planning (the plan is then not the wanted paths, and all is planned).
     */
    private boolean anyWantedAt(org.lateral.address.Address address) {
        if (only == null) {
            return true;
        }
        String path = address.outputPath();
        String folder = prefix + path.substring(0, path.lastIndexOf('/') + 1);
        for (String p : only) {
            if (p.startsWith(folder)) {
                String rest = p.substring(folder.length());
                if (rest.startsWith("page/")) {
                    rest = rest.substring(rest.indexOf('/', "page/".length()) + 1);
                }
                if (rest.indexOf('/') < 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean wanted(String outputPath) {
        return only == null || only.contains(prefix + outputPath);
    }

    private FeedPlanner feedPlanner(Site s) {
        return feedMemory == null ? new FeedPlanner(s, siteDir) : new FeedPlanner(s, siteDir, feedMemory, feedSettings);
    }

    OutputPlanner languages(org.lateral.site.Translations t, TemplateRenderer templates, List<Side> others) {
        this.translations = t;
        this.sides = List.copyOf(others);
        this.pages = new TemplateOutputs(templates, Map.of("site", site, "translations", t, "pictures", covers),
                site.basePath(), site.config().relativeUrls());
        return this;
    }

    private OutputPlanner(Site site, TemplateOutputs pages, Path siteDir, Set<Input> everywhere,
            java.util.function.Function<Page, List<String>> searchWords, SiteRecord record,
            SearchIndexWriter.Memory searchMemory) {
        this.record = record;
        this.searchMemory = searchMemory;
        this.site = site;
        this.pages = pages;
        this.siteDir = siteDir;
        this.everywhere = everywhere;
        this.searchWords = searchWords;
    }

    /** A site's plan. */
    Plan plan() {
        pages(site.posts(), "post.ftlh");
        pages(site.pages(), "page.ftlh");
        for (org.lateral.site.Event e : site.events()) {
            Page p = e.page();
            if (!wanted(p.outputPath())) {
                continue;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("page", p);
            model.put("event", e);
            record.recordOf(p.source()).ifPresent(r -> model.put("record", r));
            p.layout().ifPresent(l -> pages.chosenByLayout(l + ".ftlh"));
            outputs.add(pages.html(p.kind(), p.outputPath(), p.source().toString(), Optional.of(p.source()),
                    p.layout().map(l -> l + ".ftlh").orElse("event.ftlh"), model, inputs(List.of(p))));
        }
        List<Listing<Page>> listings = Listings.of(site, this::anyWantedAt);
        listings.forEach(this::listing);
        if (site.config().writes(Kind.SEARCH_INDEX)) {
            search();
        }
        learning();
        follow(SITE_WIDE);
        community(listings);
        notFound();
        Map<String, java.time.ZonedDateTime> sideLastmods = new HashMap<>();
        List<Output> sideAliases = new ArrayList<>();
        for (Side side : sides) {
            String folder = site.config().languages().prefix(side.site().language());
            OutputPlanner planner = new OutputPlanner(side.site(), new TemplateOutputs(side.templates(),
                    Map.of("site", side.site(), "translations", translations, "pictures", covers), site.basePath(),
                    site.config().relativeUrls(), folder), siteDir, everywhere, side.searchWords(), side.record(),
                    side.search());
            planner.prefix = folder;
            planner.feeds(feedMemory, feedSettings);
            outputs.addAll(planner.side(sideLastmods));
            sideAliases.addAll(AliasPages.outputs(side.site(), folder));
        }
        // feeds, sitemap and robots.txt last: the sitemap lists every page planned above
        outputs.addAll(feedPlanner(site).outputs(listings, outputs.stream().map(Output::outputPath).toList(),
                sideLastmods, alternates()));
        // redirect pages after the sitemap: an old address is listed nowhere
        outputs.addAll(AliasPages.outputs(site));
        outputs.addAll(sideAliases);
        if (only != null) { // what the steps above did not leave out themselves
            outputs.removeIf(o -> !only.contains(o.outputPath()));
        }
        return new Plan(outputs);
    }

    /**
     * One problem per template the planned pages need that neither the site nor the theme has
     * (or that imports one that is missing), after {@link #plan()}: a build stops on them before
     * rendering, so a theme lacking a template fails once, not on every page.
     */
    List<org.lateral.Problem> missingTemplates() {
        return pages.missing();
    }

    /**
     * The outputs of a language's side, each in its folder: its posts and pages, lists, search
     * index and page, and feeds (the sitemap, robots.txt, 404 page and record are the whole site's).
     *
     * @param lastmods gets the last change of each of its pages, by output path
     */
    private List<Output> side(Map<String, java.time.ZonedDateTime> lastmods) {
        pages(site.posts(), "post.ftlh");
        pages(site.pages(), "page.ftlh");
        List<Listing<Page>> listings = Listings.of(site);
        listings.forEach(this::listing);
        if (site.config().writes(Kind.SEARCH_INDEX)) {
            search();
        }
        FeedPlanner feeds = feedPlanner(site);
        for (Output o : feeds.feeds(listings)) {
            outputs.add(new Output(o.kind(), o.format(), prefix + o.outputPath(), o.origin() + " (" + site.language()
                    + ")", o.source(), o.inputs(), o.content()));
        }
        feeds.lastmods(listings).forEach((path, time) -> lastmods.put(prefix + path, time));
        return outputs;
    }

    /** A page's output path → its versions in each language and {@code x-default} (the main language's), for the sitemap. */
    private java.util.function.Function<String, List<FeedPlanner.SitemapAlternate>> alternates() {
        if (!translations.multilingual()) {
            return path -> List.of();
        }
        Map<String, List<FeedPlanner.SitemapAlternate>> byPath = new HashMap<>();
        List<Site> all = new ArrayList<>(List.of(site));
        sides.forEach(s -> all.add(s.site()));
        String main = site.config().languages().main();
        for (Site s : all) {
            String folder = site.config().languages().prefix(s.language());
            for (List<Page> list : List.of(s.posts(), s.pages())) {
                for (Page p : list) {
                    List<org.lateral.site.Translations.Link> versions = translations.alternates(p);
                    if (versions.isEmpty()) {
                        continue;
                    }
                    List<FeedPlanner.SitemapAlternate> alts = new ArrayList<>();
                    versions.forEach(v -> alts.add(new FeedPlanner.SitemapAlternate(v.lang(), v.permalink())));
                    versions.stream().filter(v -> v.lang().equals(main)).findFirst()
                            .ifPresent(v -> alts.add(new FeedPlanner.SitemapAlternate("x-default", v.permalink())));
                    byPath.put(folder + p.outputPath(), alts);
                }
            }
        }
        return path -> byPath.getOrDefault(path, List.of());
    }

    /** A hub's plan: its own pages ({@code site}), its listings with their feeds, and the files only a hub has. */
    static Plan hub(Site site, Hub hub, HubConfig config, TemplateRenderer templates, Strings strings, Path hubDir) {
        return hub(site, hub, config, templates, strings, hubDir,
                org.lateral.aggregate.NetworkCalendar.empty(hub.generated()));
    }

    /** @param network the members' events, which the digest's "coming up" shows ({@link HubEvents} plans their page) */
    static Plan hub(Site site, Hub hub, HubConfig config, TemplateRenderer templates, Strings strings, Path hubDir,
            org.lateral.aggregate.NetworkCalendar network) {
        return hub(site, hub, config, templates, strings, hubDir, network, org.lateral.aggregate.HubCommunity.NONE);
    }

    /**
     * @param community the members' offers, requests and mentoring profiles, which every hub page's
     *                  menu and the digest show ({@link HubCommunityPages} plans their pages)
     */
    static Plan hub(Site site, Hub hub, HubConfig config, TemplateRenderer templates, Strings strings, Path hubDir,
            org.lateral.aggregate.NetworkCalendar network, org.lateral.aggregate.HubCommunity community) {
        OutputPlanner planner = new OutputPlanner(site, new TemplateOutputs(templates,
                Map.of("site", site, "hub", hub, "network", network, "community", community), site.basePath(),
                site.config().relativeUrls()),
                hubDir, HUB_WIDE, SearchIndexWriter::words, SiteRecord.NONE, new SearchIndexWriter.Memory());
        return planner.hubPlan(hub, config, templates, strings, network, community);
    }

    private Plan hubPlan(Hub hub, HubConfig config, TemplateRenderer templates, Strings strings,
            org.lateral.aggregate.NetworkCalendar network, org.lateral.aggregate.HubCommunity community) {
        List<Listing<?>> listings = HubListings.of(site, hub, config, strings.get("hub_digest_feed_title", site.title()));
        HubFeeds feeds = new HubFeeds(site, hub, d -> digestTitle(strings, d), d -> templates.render(DIGEST_CONTENT,
                Map.of("site", site, "hub", hub, "network", network, "community", community, "digest", d,
                        "kind", Kind.DIGEST.templateName())));
        for (Listing<?> l : listings) {
            listing(l);
            outputs.addAll(feeds.of(l, everywhere));
            if (l.kind() == Kind.DIGEST) {
                Map<String, Object> digest = l.subject();
                outputs.add(pages.render(Kind.DIGEST, Format.HTML, l.address().resolve("email.html").outputPath(),
                        "the digest e-mail", Optional.empty(), DIGEST_EMAIL, digest, everywhere, false));
                outputs.add(pages.render(Kind.DIGEST, Format.TEXT, l.address().resolve("digest.txt").outputPath(),
                        "the digest text", Optional.empty(), DIGEST_TEXT, digest, everywhere, false));
                bytes(Kind.DIGEST, Format.JSON, l.address().resolve(org.lateral.aggregate.DigestFile.FILE).outputPath(),
                        "the digest's week", () -> org.lateral.aggregate.DigestFile.write(hub.digest(),
                                site.title() + " · " + digestTitle(strings, hub.digest())));
            }
        }
        Address health = Address.ofPath(site.config().origin(), site.basePath(), "health/");
        outputs.add(pages.html(Kind.HEALTH, health.outputPath(), "the feed-health page", Optional.empty(), HEALTH,
                Map.of(), everywhere));
        pages(site.pages(), "page.ftlh");
        follow(everywhere);
        notFound();
        bytes(Kind.HEALTH, Format.JSON, health.resolve("report.json").outputPath(), "the feed-health report",
                () -> new HealthReportWriter().toJson(hub.report()));
        bytes(Kind.BLOGROLL, Format.OPML, "blogroll.opml", "the blogroll",
                () -> OpmlWriter.write(site.title(), config.blogroll(), hub.generated()));
        return new Plan(outputs);
    }

    /** "Week of 16 November 2026: 3 posts from 2 members", in the hub's language. */
    private String digestTitle(Strings strings, Digest d) {
        String week = d.start().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(site.config().locale()));
        return strings.get("hub_digest_entry_title", week, d.count(), d.sections().size());
    }

    private void bytes(Kind kind, Format format, String outputPath, String origin, Supplier<String> text) {
        outputs.add(new Output(kind, format, outputPath, origin, Optional.empty(), everywhere,
                () -> text.get().getBytes(StandardCharsets.UTF_8)));
    }

    /** A page per post or page, with its layout's template or {@code fallback}. */
    private void pages(List<Page> list, String fallback) {
        for (Page p : list) {
            if (!wanted(p.outputPath())) {
                continue;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("page", p);
            record.recordOf(p.source()).ifPresent(r -> model.put("record", r));
            record.reflectionOf(p.source()).ifPresent(r -> model.put("reflection", r));
            p.layout().ifPresent(l -> pages.chosenByLayout(l + ".ftlh"));
            outputs.add(pages.html(p.kind(), p.outputPath(), p.source().toString(), Optional.of(p.source()),
                    p.layout().map(l -> l + ".ftlh").orElse(fallback), model, inputs(List.of(p))));
        }
    }

    /**
     * {@code community.json} at the site's root, when the site has an open offer or request or a
     * mentoring profile (docs/community.md); its swap-shop address only when that page is written.
     */
    private void community(List<Listing<Page>> listings) {
        if (!site.hasCommunity()) {
            return;
        }
        boolean page = listings.stream().anyMatch(l -> l.kind() == Kind.SWAP_SHOP) && pages.exists(SWAP_SHOP);
        outputs.add(new Output(Kind.COMMUNITY, Format.JSON, org.lateral.community.CommunityFile.FILE,
                "the community file", Optional.empty(), Set.of(Input.ALL_SOURCES, Input.CONFIG),
                () -> org.lateral.community.CommunityFile.write(site.swapShop().data(site, page))));
    }

    /** The record page ({@code cpd/}), a CSV and a JSON file per academic year, and the projects page. */
    private void learning() {
        Set<Input> all = Set.of(Input.ALL_SOURCES, Input.CONFIG, Input.DATA, Input.TEMPLATES, Input.FRONT_MATTER);
        // a page the site writes itself at cpd/ or projects/ takes the address (the school's own projects page)
        Set<String> own = new HashSet<>();
        site.pages().forEach(p -> own.add(p.outputPath()));
        if (record.recordPage() && site.config().writes(Kind.CPD)) {
            if (pages.exists("cpd.ftlh") && !own.contains("cpd/index.html")) {
                outputs.add(pages.html(Kind.CPD, "cpd/index.html", "the CPD record", Optional.empty(), "cpd.ftlh",
                        Map.of("cpd", record.log(), "cpdTitle", record.title()), all));
            }
            for (CpdYear year : record.log().years()) {
                outputs.add(new Output(Kind.CPD, Format.CSV, "cpd/" + year.csvFile(), "the CPD record " + year.label(),
                        Optional.empty(), all, () -> CpdExport.csv(year)));
                outputs.add(new Output(Kind.CPD, Format.JSON, "cpd/" + year.jsonFile(), "the CPD record " + year.label(),
                        Optional.empty(), all, () -> CpdExport.json(year, record.log())));
            }
        }
        if (!record.projects().isEmpty() && site.config().writes(Kind.PROJECTS) && pages.exists("projects.ftlh")
                && !own.contains("projects/index.html")) {
            outputs.add(pages.html(Kind.PROJECTS, "projects/index.html", "the projects page", Optional.empty(),
                    "projects.ftlh", Map.of("projects", record.projects()), all));
        }
    }

    /** The pages of one listing, when its kind's row has {@code HTML} and the theme has its template. */
    private <T> void listing(Listing<T> listing) {
        ListTemplate template = LIST_TEMPLATES.get(listing.kind());
        Map<String, Object> extra = listing.kind() == Kind.HOME ? Map.of("projects", record.projects()) : Map.of();
        boolean html = listing.kind().formats().contains(Format.HTML)
                && (template.required() || pages.exists(template.name()));
        if (html && !listing.paginated() && wanted(listing.address().outputPath())) {
            outputs.add(pages.html(listing.kind(), listing.address().outputPath(), listing.origin(), Optional.empty(),
                    template.name(), model(listing, null, extra), everywhere));
        }
        for (Pager<T> pager : html && listing.paginated() ? listing.pagers() : List.<Pager<T>>of()) {
            if (!wanted(pager.outputPath())) {
                continue;
            }
            outputs.add(pages.html(listing.kind(), pager.outputPath(), listing.origin(), Optional.empty(),
                    template.name(), model(listing, pager, extra), inputs(pager.items())));
        }
    }

    /** The follow page ({@code follow/}), unless the site writes a page of its own there. */
    private void follow(Set<Input> inputs) {
        boolean own = site.pages().stream().anyMatch(p -> p.outputPath().equals("follow/index.html"));
        if (!own && site.config().writes(Kind.FOLLOW) && pages.exists("follow.ftlh")) {
            outputs.add(pages.html(Kind.FOLLOW, "follow/index.html", "the follow page", Optional.empty(), "follow.ftlh",
                    Map.of(), inputs));
        }
    }

    private void notFound() {
        if (site.config().writes(Kind.NOT_FOUND) && pages.exists("404.ftlh")) {
            outputs.add(pages.html(Kind.NOT_FOUND, "404.html", "the 404 page", Optional.empty(), "404.ftlh", Map.of(),
                    everywhere));
        }
    }

    /**
     * What a page showing these items is made from: the sources of the posts among them (summaries,
     * reading times) and what every output of the plan is made from.
     */
    private Set<Input> inputs(List<?> shown) {
        Set<Input> out = new HashSet<>(everywhere);
        for (Object item : shown) {
            if (item instanceof Page p) {
                out.add(sourceInputs.computeIfAbsent(p.source(), Input::source));
            }
        }
        return out;
    }

    /** A list page's model: what it lists, the listing itself and, when paginated, its page. */
    private static Map<String, Object> model(Listing<?> listing, Pager<?> pager, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(listing.subject());
        model.putAll(extra); // the home page: the professional learning projects too (a school's home shows them)
        model.put("listing", listing);
        if (pager != null) {
            model.put("paginator", pager);
        }
        return model;
    }

    private void search() {
        Once index = new Once(() -> SearchIndexWriter.json(site, searchWords, searchMemory), 2); // the .json and the .js
        Set<Input> all = Set.of(Input.ALL_SOURCES, Input.CONFIG);
        outputs.add(new Output(Kind.SEARCH_INDEX, Format.JSON, prefix + SearchIndexWriter.FILE, "the search index",
                Optional.empty(), all, index::get));
        outputs.add(new Output(Kind.SEARCH_INDEX, Format.JAVASCRIPT, prefix + SearchIndexWriter.SCRIPT_FILE, "the search index",
                Optional.empty(), all, () -> SearchIndexWriter.script(index.get())));
        if (site.config().writes(Kind.SEARCH) && pages.exists("search.ftlh")) {
            outputs.add(pages.html(Kind.SEARCH, "search/index.html", "the search page", Optional.empty(), "search.ftlh",
                    Map.of(), SITE_WIDE));
        }
    }

    /**
     * Bytes made once, when first asked for, by whichever output gets there first, and let go once
     * {@code uses} outputs took them (the plan lives until the build's end: at 100,000 posts the
     * search index is 70 MB). Asked again after that, they are made again.
     */
    static final class Once {
        private final Supplier<byte[]> maker;
        private final int uses;
        private int taken;
        private byte[] bytes;

        Once(Supplier<byte[]> maker, int uses) {
            this.maker = maker;
            this.uses = uses;
        }

        synchronized byte[] get() {
            byte[] b = bytes == null ? maker.get() : bytes;
            taken++;
            bytes = taken % uses == 0 ? null : b;
            return b;
        }

        /** Whether the bytes are held now (for tests). */
        synchronized boolean holds() {
            return bytes != null;
        }
    }
}
