package org.lateral.config;

import org.lateral.plan.Kind;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A site's settings, read from {@code site.yaml} by {@link SiteConfigLoader}, with defaults in
 * code. Immutable. Each feature reads only its own part ({@link Permalinks}, {@link FeedConfig}…).
 *
 * @param title       the site's name, shown in every page's header and its feeds
 * @param description one sentence about the site, for search engines and feed readers
 * @param baseUrl     absolute URL the site is published at, always ending in {@code /}; may carry a
 *                    path, as a GitHub project site does ({@code https://me.github.io/cpd/})
 * @param language    BCP 47 tag ({@code en}, {@code cy}); sets {@code <html lang>} and the theme's strings
 * @param timezone    where date-only front matter values are read
 * @param theme       a theme's name (found on the classpath) or a folder, relative to the site
 * @param authors     known authors by id, in the order written
 * @param permalinks  URL patterns per kind of page
 * @param paginate    posts per page on the home page and other lists
 * @param paginateTerms posts per page on tag, category, author, series and archive pages; 0 lists all on
 *                    one page
 * @param menu        links shown in the site's navigation
 * @param feeds       feed settings
 * @param params      every other key of site.yaml, for templates ({@code site.params.x})
 * @param hub         the raw {@code hub:} section, read by the aggregator; absent for ordinary sites
 * @param academicYearStartMonth month (1–12) an academic year starts in, for archives
 * @param relativeUrls write links between pages as relative links ending in {@code index.html}, so
 *                    the site works on any host, under any path, and opened straight from disk
 *                    (default); false keeps root-relative pretty links ({@code /tags/oracy/})
 * @param disableKinds kinds of output not to write (Hugo's {@code disableKinds}), from {@link #KINDS}
 * @param network     {@code network:}: the internal addresses Lateral may fetch from ({@link NetworkConfig})
 * @param publish     the {@code publish:} section: where {@code lateral publish} sends the site
 * @param taxonomies  the site's own taxonomies beside tags and categories ({@code taxonomies: [subjects,
 *                    keystages]}), in the order written
 * @param themeOptions the theme's options set in site.yaml ({@code theme: { name: school, crest: crest.svg }}),
 *                    in the order written, without {@code name}; the theme's {@code theme.yaml} declares them
 *                    and their defaults ({@link org.lateral.render.ThemeLoader})
 * @param languages   {@code languages:} of a bilingual site ({@link SiteLanguages#NONE} for one language)
 * @param mentoring    the {@code mentoring:} section: the teacher's peer-mentoring profile, if any
 */
public record SiteConfig(
        String title,
        String description,
        String baseUrl,
        String language,
        ZoneId timezone,
        String theme,
        Map<String, AuthorConfig> authors,
        Permalinks permalinks,
        int paginate,
        int paginateTerms,
        List<MenuItem> menu,
        FeedConfig feeds,
        Map<String, Object> params,
        Optional<YamlNode> hub,
        int academicYearStartMonth,
        boolean relativeUrls,
        java.util.Set<String> disableKinds,
        NetworkConfig network,
        PublishConfig publish,
        List<TaxonomyConfig> taxonomies,
        Map<String, Object> themeOptions,
        SiteLanguages languages,
        Optional<org.lateral.community.Mentoring> mentoring) {

    /**
     * The words {@code disableKinds} accepts: every {@link Kind} that can be switched off, the
     * groups of kinds ({@code series}, {@code archive}, {@code search}, {@code authors}) and
     * {@link Kind#SWITCHES} ({@code listFeeds}, {@code related}, {@code categories}).
     */
    public static final java.util.Set<String> KINDS = Kind.switchNames();

    public SiteConfig {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/";
        }
        description = description == null ? "" : description;
        language = language == null || language.isBlank() ? "en" : language;
        Objects.requireNonNull(timezone, "timezone");
        theme = theme == null || theme.isBlank() ? "default" : theme;
        authors = Map.copyOf(authors);
        Objects.requireNonNull(permalinks, "permalinks");
        menu = List.copyOf(menu);
        Objects.requireNonNull(feeds, "feeds");
        params = Map.copyOf(params);
        hub = hub == null ? Optional.empty() : hub;
        disableKinds = disableKinds == null ? java.util.Set.of() : java.util.Set.copyOf(disableKinds);
        network = network == null ? NetworkConfig.DEFAULT : network;
        publish = publish == null ? PublishConfig.NONE : publish;
        taxonomies = taxonomies == null ? List.of() : List.copyOf(taxonomies);
        themeOptions = themeOptions == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(themeOptions));
        languages = languages == null ? SiteLanguages.NONE : languages;
        mentoring = mentoring == null ? Optional.empty() : mentoring;
    }

    /** Without a {@code mentoring:} profile. */
    public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timezone, String theme,
                      Map<String, AuthorConfig> authors, Permalinks permalinks, int paginate, int paginateTerms,
                      List<MenuItem> menu, FeedConfig feeds, Map<String, Object> params, Optional<YamlNode> hub,
                      int academicYearStartMonth, boolean relativeUrls, java.util.Set<String> disableKinds,
                      NetworkConfig network, PublishConfig publish, List<TaxonomyConfig> taxonomies,
                      Map<String, Object> themeOptions, SiteLanguages languages) {
        this(title, description, baseUrl, language, timezone, theme, authors, permalinks, paginate, paginateTerms,
                menu, feeds, params, hub, academicYearStartMonth, relativeUrls, disableKinds, network, publish,
                taxonomies, themeOptions, languages, Optional.empty());
    }

    /** With taxonomies of the site's own and no theme options. */
    public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timezone, String theme,
                      Map<String, AuthorConfig> authors, Permalinks permalinks, int paginate, int paginateTerms,
                      List<MenuItem> menu, FeedConfig feeds, Map<String, Object> params, Optional<YamlNode> hub,
                      int academicYearStartMonth, boolean relativeUrls, java.util.Set<String> disableKinds,
                      NetworkConfig network, PublishConfig publish, List<TaxonomyConfig> taxonomies) {
        this(title, description, baseUrl, language, timezone, theme, authors, permalinks, paginate, paginateTerms,
                menu, feeds, params, hub, academicYearStartMonth, relativeUrls, disableKinds, network, publish,
                taxonomies, Map.of(), SiteLanguages.NONE);
    }

    /** With theme options and no taxonomies of the site's own. */
    public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timezone, String theme,
                      Map<String, AuthorConfig> authors, Permalinks permalinks, int paginate, int paginateTerms,
                      List<MenuItem> menu, FeedConfig feeds, Map<String, Object> params, Optional<YamlNode> hub,
                      int academicYearStartMonth, boolean relativeUrls, java.util.Set<String> disableKinds,
                      NetworkConfig network, PublishConfig publish, Map<String, Object> themeOptions) {
        this(title, description, baseUrl, language, timezone, theme, authors, permalinks, paginate, paginateTerms,
                menu, feeds, params, hub, academicYearStartMonth, relativeUrls, disableKinds, network, publish,
                List.of(), themeOptions, SiteLanguages.NONE);
    }

    /** Without taxonomies of the site's own or theme options. */
    public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timezone, String theme,
                      Map<String, AuthorConfig> authors, Permalinks permalinks, int paginate, int paginateTerms,
                      List<MenuItem> menu, FeedConfig feeds, Map<String, Object> params, Optional<YamlNode> hub,
                      int academicYearStartMonth, boolean relativeUrls, java.util.Set<String> disableKinds,
                      NetworkConfig network, PublishConfig publish) {
        this(title, description, baseUrl, language, timezone, theme, authors, permalinks, paginate, paginateTerms,
                menu, feeds, params, hub, academicYearStartMonth, relativeUrls, disableKinds, network, publish, List.of(),
                Map.of(), SiteLanguages.NONE);
    }

    /**
     * A taxonomy of the site's own ({@code taxonomies:} in {@code site.yaml}): posts name its terms
     * in their front matter ({@code subjects: [science]}); each term has its page at
     * {@code /NAME/SLUG/} with feeds, as a tag has, and {@code /NAME/} lists them all.
     *
     * @param name     the front matter key and the address ({@code keystages})
     * @param title    what pages call it ({@code Key stages}); its name with a capital by default
     * @param singular one of its terms ({@code key stage}), for headings such as "Key stage: KS3"
     */
    public record TaxonomyConfig(String name, String title, String singular) {
        public TaxonomyConfig {
            Objects.requireNonNull(name, "name");
            title = title == null || title.isBlank() ? name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1)
                    : title;
            singular = singular == null || singular.isBlank() ? title : singular;
        }

        /** Its terms' address pattern: {@code /subjects/:slug/}. */
        public String permalink() {
            return "/" + name + "/:slug/";
        }
    }

    /** The names of every taxonomy: {@code tags}, {@code categories}, then the site's own. */
    public List<String> taxonomyNames() {
        List<String> out = new java.util.ArrayList<>(List.of("tags", "categories"));
        taxonomies.forEach(t -> out.add(t.name()));
        return out;
    }

    /** Without a {@code network:} or {@code publish:} section: public addresses only, nowhere to publish to. */
    public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timezone, String theme,
                      Map<String, AuthorConfig> authors, Permalinks permalinks, int paginate, int paginateTerms,
                      List<MenuItem> menu, FeedConfig feeds, Map<String, Object> params, Optional<YamlNode> hub,
                      int academicYearStartMonth, boolean relativeUrls, java.util.Set<String> disableKinds) {
        this(title, description, baseUrl, language, timezone, theme, authors, permalinks, paginate, paginateTerms,
                menu, feeds, params, hub, academicYearStartMonth, relativeUrls, disableKinds, NetworkConfig.DEFAULT,
                PublishConfig.NONE);
    }

    /** Without a {@code publish:} section. */
    public SiteConfig(String title, String description, String baseUrl, String language, ZoneId timezone, String theme,
                      Map<String, AuthorConfig> authors, Permalinks permalinks, int paginate, int paginateTerms,
                      List<MenuItem> menu, FeedConfig feeds, Map<String, Object> params, Optional<YamlNode> hub,
                      int academicYearStartMonth, boolean relativeUrls, java.util.Set<String> disableKinds,
                      NetworkConfig network) {
        this(title, description, baseUrl, language, timezone, theme, authors, permalinks, paginate, paginateTerms,
                menu, feeds, params, hub, academicYearStartMonth, relativeUrls, disableKinds, network, PublishConfig.NONE);
    }

    /**
     * Whether a word of {@link #KINDS} is not switched off: a kind's name ({@code "search"}), a
     * switch ({@code "listFeeds"}) or a taxonomy's name ({@code "categories"}). Templates use it.
     */
    public boolean writes(String kind) {
        return Kind.named(kind).map(this::writes).orElse(!disableKinds.contains(kind));
    }

    /** Whether outputs of this kind are written (neither it nor its group is in {@code disableKinds}). */
    public boolean writes(Kind kind) {
        return kind.isWrittenUnless(disableKinds);
    }

    /** Defaults for a site with the given title and base URL. */
    public static SiteConfig defaults(String title, String baseUrl) {
        return new SiteConfig(title, "", baseUrl, "en", ZoneId.of("UTC"), "default", Map.of(),
                Permalinks.DEFAULT, 10, 10, List.of(), FeedConfig.DEFAULT, Map.of(), Optional.empty(), 9, true, java.util.Set.of());
    }

    /** The path part of {@link #baseUrl}: {@code "/"} or, for a project site, {@code "/cpd/"}. */
    public String basePath() {
        int slash = baseUrl.indexOf('/', baseUrl.indexOf("://") + 3);
        return slash < 0 ? "/" : baseUrl.substring(slash);
    }

    /** {@code https://example.org} — scheme and host of {@link #baseUrl}, without the path. */
    public String origin() {
        int slash = baseUrl.indexOf('/', baseUrl.indexOf("://") + 3);
        return slash < 0 ? baseUrl : baseUrl.substring(0, slash);
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    public SiteConfig withBaseUrl(String newBaseUrl) {
        String base = newBaseUrl.endsWith("/") ? newBaseUrl : newBaseUrl + "/";
        return new SiteConfig(title, description, newBaseUrl, language, timezone, theme, authors, permalinks,
                paginate, paginateTerms, menu, feeds, params, hub, academicYearStartMonth, relativeUrls, disableKinds,
                network, publish, taxonomies, themeOptions, languages.at(base), mentoring);
    }

    /**
     * The settings of one language's side of a bilingual site: that language, and the site's
     * address with the side's folder ({@code https://example.org/cpd/cy/}); the main language's
     * side is these settings themselves.
     */
    public SiteConfig side(String tag) {
        String prefix = languages.prefix(tag);
        if (prefix.isEmpty()) {
            return this;
        }
        return new SiteConfig(title, description, baseUrl + prefix, tag, timezone, theme, authors, permalinks,
                paginate, paginateTerms, menu, feeds, params, hub, academicYearStartMonth, relativeUrls, disableKinds,
                network, publish, taxonomies, themeOptions, languages, mentoring);
    }

    /**
     * The path of the whole site ({@code /cpd/}): {@link #basePath()} but for a language's side,
     * whose base path has its folder ({@code /cpd/cy/}). Static files, the menu and addresses
     * written in posts ({@code /about/}) are the whole site's.
     */
    public String rootPath() {
        if (languages.mainUrl().isEmpty()) {
            return basePath();
        }
        String u = languages.mainUrl();
        int slash = u.indexOf('/', u.indexOf("://") + 3);
        return slash < 0 ? "/" : u.substring(slash);
    }

    /** Whether these are the settings of a language's side (not the main language's). */
    public boolean isSide() {
        return languages.multilingual() && !languages.prefix(language).isEmpty();
    }

    /** An author known to the site; posts name authors by id (or by name). */
    public record AuthorConfig(String id, String name, String bio, String url, String avatar) {
        public AuthorConfig {
            Objects.requireNonNull(id, "id");
            name = name == null || name.isBlank() ? id : name;
            bio = bio == null ? "" : bio;
            url = url == null ? "" : url;
            avatar = avatar == null ? "" : avatar;
        }
    }

    /** A navigation link. {@code url} is site-relative ({@code /about/}) or absolute. */
    public record MenuItem(String name, String url) {
        public MenuItem {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * URL patterns. Tokens: {@code :year :month :day :slug :filename :section}; a pattern ends
     * in {@code /} for pretty URLs ({@code …/index.html}). {@code series} is where each series'
     * page goes ({@code /series/:slug/}); the list of all series is its parent folder.
     */
    public record Permalinks(String posts, String pages, String tags, String categories, String authors,
            String series) {
        public static final Permalinks DEFAULT =
                new Permalinks("/:year/:month/:slug/", "/:slug/", "/tags/:slug/", "/categories/:slug/",
                        "/authors/:slug/", "/series/:slug/");
    }

    /**
     * Feed settings.
     *
     * @param entries how many posts each feed holds
     * @param full    full content (true) or only the summary (excerpt mode)
     */
    public record FeedConfig(int entries, boolean full) {
        public static final FeedConfig DEFAULT = new FeedConfig(20, true);
    }
}
