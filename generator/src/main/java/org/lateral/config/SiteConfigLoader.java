package org.lateral.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lateral.Caller;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.internal.Suggestions;

/**
 * Reads {@code site.yaml} into a {@link SiteConfig}. Every problem is collected (a bad time zone
 * and a typo in a key are both reported), each with its line; unknown keys that are not typos are
 * kept for templates as {@code site.params}, with a warning (naming the setting another
 * generator's name stands for, see {@link #PEER_KEYS}).
 */
public final class SiteConfigLoader {

    /** The name of a site's configuration file. */
    public static final String FILE_NAME = "site.yaml";

    static final Set<String> KNOWN_KEYS = Set.of("title", "description", "baseUrl", "language", "timezone",
            "theme", "authors", "permalinks", "paginate", "paginateTerms", "menu", "feeds", "params", "hub",
            "academicYearStart", "relativeUrls", "disableKinds", "network", "publish", "cpd", "taxonomies",
            "languages", "mentoring");

    private SiteConfigLoader() {
    }

    /** Finds the config file of a site folder: {@code site.yaml}, else {@code site.yml}. */
    public static Optional<Path> find(Path siteDir) {
        for (String name : List.of(FILE_NAME, "site.yml")) {
            Path p = siteDir.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Loads the site's config; warnings (a missing baseUrl, say) are added to {@code warnings}.
     *
     * @throws LateralException with every error found
     */
    public static SiteConfig load(Path siteDir, List<Problem> warnings) {
        return load(siteDir, warnings, Caller.COMMAND_LINE);
    }

    /**
     * Loads the site's config; a missing site.yaml is reported with a fix in the words of
     * {@code caller} (a command for the command line, the archetype or lateral:new in Maven).
     *
     * @throws LateralException with every error found
     */
    public static SiteConfig load(Path siteDir, List<Problem> warnings, Caller caller) {
        Path file = find(siteDir).orElseThrow(() -> new LateralException(Problem.error(
                Path.of(FILE_NAME), 0, 0,
                "there is no site.yaml in " + siteDir.toAbsolutePath().normalize(),
                caller.noSiteFix())));
        Path shown = Path.of(file.getFileName().toString());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        YamlLines.Checked checked = YamlLines.check(text.replace("\r\n", "\n"), 1, shown, Set.of("title", "description"), Set.of());
        List<Problem> errors = new ArrayList<>();
        checked.problems().forEach(p -> (p.isError() ? errors : warnings).add(p));
        YamlNode root;
        try {
            root = Yaml.parse(checked.yaml(), shown, 1);
        } catch (Yaml.YamlException e) {
            errors.add(e.problem());
            throw new LateralException(errors);
        }
        try {
            SiteConfig config = fromNode(root, shown, warnings, siteDir);
            if (errors.isEmpty()) {
                return config;
            }
        } catch (LateralException e) {
            if (errors.isEmpty()) {
                throw e;
            }
            errors.addAll(e.problems());
        }
        errors.sort(java.util.Comparator.comparingInt(Problem::line));
        throw new LateralException(errors);
    }

    /** Builds the config from already parsed YAML (also used by tests). */
    public static SiteConfig fromNode(YamlNode root, Path file, List<Problem> warnings) {
        return fromNode(root, file, warnings, null);
    }

    /** Builds the config from already parsed YAML; {@code siteDir} (or null) is where files it names are looked for. */
    public static SiteConfig fromNode(YamlNode root, Path file, List<Problem> warnings, Path siteDir) {
        Fields f = new Fields(root, file);
        if (!root.isMap() && !root.isNull()) {
            throw new LateralException(Problem.error(file, root.line(), root.column(),
                    "site.yaml must be a list of settings such as \"title: My CPD blog\"",
                    "start the file with a line like: title: My CPD blog"));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (String key : root.asMap().keySet()) {
            if (KNOWN_KEYS.contains(key)) {
                continue;
            }
            Optional<String> typo = Suggestions.closest(key, KNOWN_KEYS);
            if (typo.isPresent()) {
                f.problems.add(Problem.error(file, root.keyLine(key), root.keyColumn(key),
                        "unknown setting \"" + key + "\"; did you mean `" + typo.get() + "`?",
                        "rename it to " + typo.get()));
            } else {
                warnings.add(unknownKey(key, file, root.keyLine(key), root.keyColumn(key)));
                params.put(key, root.asMap().get(key).toPlain());
            }
        }
        root.get("params").filter(YamlNode::isMap).ifPresent(p -> p.asMap().forEach((k, v) -> {
            Object plain = v.toPlain();
            if (plain != null) {
                params.put(k, plain);
            }
        }));

        String title = f.text(root, "title").orElse("");
        if (title.isBlank()) {
            f.problems.add(Problem.error(file, root.line(), 1, "the site has no title",
                    "add a line such as: title: Ms Rahman's CPD journal"));
        }
        String baseUrl = f.text(root, "baseUrl").map(String::strip).orElse("");
        if (baseUrl.isEmpty()) {
            warnings.add(Problem.warning(file, 0, 0,
                    "site.yaml has no baseUrl, so links in feeds and the sitemap point at http://localhost/",
                    "add the address the site will be published at, e.g. baseUrl: https://cpd.my-school.example/"));
            baseUrl = "http://localhost/";
        } else if (!isHttpUrl(baseUrl)) {
            f.problems.add(Problem.error(file, root.keyLine("baseUrl"), root.keyColumn("baseUrl"),
                    "baseUrl \"" + baseUrl + "\" is not a web address",
                    "write the full address, starting with https://, e.g. https://cpd.my-school.example/"));
            baseUrl = "http://localhost/";
        }

        ZoneId zone = ZoneId.of("UTC");
        Optional<String> tz = f.text(root, "timezone");
        if (tz.isPresent()) {
            try {
                zone = ZoneId.of(tz.get().strip());
            } catch (DateTimeException e) {
                f.problems.add(Problem.error(file, root.get("timezone").get().line(),
                        root.get("timezone").get().column(),
                        "the time zone \"" + tz.get() + "\" is not known",
                        "use a name such as Europe/London, Europe/Dublin or UTC"));
            }
        }

        Map<String, SiteConfig.AuthorConfig> authors = readAuthors(root, f);
        SiteConfig.Permalinks permalinks = readPermalinks(root, f);
        int paginate = f.integer(root, "paginate", 10, 1, 10_000);
        int paginateTerms = f.integer(root, "paginateTerms", paginate, 0, 10_000);
        int ayStart = f.integer(root, "academicYearStart", 9, 1, 12);
        List<SiteConfig.MenuItem> menu = readMenu(root, f);
        SiteConfig.FeedConfig feeds = readFeeds(root, f);
        boolean relativeUrls = f.bool(root, "relativeUrls", true);
        List<SiteConfig.TaxonomyConfig> taxonomies = readTaxonomies(root, f, warnings);
        java.util.Set<String> disableKinds = readDisableKinds(root, f, taxonomies);
        NetworkConfig network = NetworkConfig.read(root.get("network"), file, f.problems);
        PublishConfig publish = PublishConfigReader.read(root, f);
        Optional<org.lateral.community.Mentoring> mentoring = org.lateral.community.MentoringReader.read(
                root.isMap() ? root.get("mentoring") : Optional.empty(), file, f.problems);

        Optional<String> language = f.text(root, "language").map(String::strip);
        language.flatMap(l -> Languages.check(l, "language", file, root.get("language").get().line(),
                root.get("language").get().column())).ifPresent(f.problems::add);
        SiteLanguages languages = SiteLanguagesReader.read(root, file, language, baseUrl, f.problems);

        ThemeOptions.Read theme = ThemeOptions.read(root.get("theme"), file, siteDir, f.problems, warnings);

        if (!f.problems.isEmpty()) {
            throw new LateralException(f.problems);
        }
        return new SiteConfig(title.strip(), f.text(root, "description").orElse("").strip(), baseUrl,
                languages.tags().isEmpty() ? language.orElse("en") : languages.main(), zone, theme.name(),
                authors, permalinks, paginate, paginateTerms, menu, feeds, params, root.get("hub"), ayStart,
                relativeUrls, disableKinds, network, publish, taxonomies, theme.options(), languages,
                mentoring);
    }

    /**
     * Where {@code key} is written in the map under {@code section} of the site's config file, as
     * {line, column}; {0, 0} when it cannot be found (for problems about a setting found later,
     * such as a theme option the theme does not declare).
     */
    public static int[] position(Path siteDir, String section, String key) {
        Optional<Path> file = find(siteDir);
        if (file.isEmpty()) {
            return new int[] {0, 0};
        }
        try {
            String text = Files.readString(file.get(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            YamlLines.Checked checked = YamlLines.check(text, 1, file.get().getFileName(), Set.of("title",
                    "description"), Set.of());
            YamlNode node = Yaml.parse(checked.yaml(), file.get().getFileName(), 1).get(section).orElse(null);
            if (node == null || !node.isMap() || !node.asMap().containsKey(key)) {
                return new int[] {0, 0};
            }
            return new int[] {node.keyLine(key), node.keyColumn(key)};
        } catch (IOException | RuntimeException e) {
            return new int[] {0, 0};
        }
    }

    /**
     * Where the site's theme is named in its site.yaml: the value of {@code theme: mine}, or of
     * {@code name:} under {@code theme:}; {@code {0, 0}} when it is not named there.
     */
    public static int[] themeNamePosition(Path siteDir) {
        Optional<YamlNode> theme = themeNode(siteDir);
        return theme.filter(YamlNode::isMap).flatMap(n -> n.get("name")).or(() -> theme.filter(YamlNode::isScalar))
                .map(v -> new int[] {v.line(), v.column()}).orElse(new int[] {0, 0});
    }

    private static Optional<YamlNode> themeNode(Path siteDir) {
        Optional<Path> file = find(siteDir);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file.get(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            YamlLines.Checked checked = YamlLines.check(text, 1, file.get().getFileName(), Set.of("title",
                    "description"), Set.of());
            return Yaml.parse(checked.yaml(), file.get().getFileName(), 1).get("theme");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Other generators' names for settings (Hugo, Jekyll, Eleventy) → what to write instead: a
     * Lateral key in back-quotes, or a sentence when there is no such setting.
     */
    static final Map<String, String> PEER_KEYS = Map.ofEntries(
            Map.entry("pagination", "`paginate`"),
            Map.entry("paginate_by", "`paginate`"),
            Map.entry("per_page", "`paginate`"),
            Map.entry("url", "`baseUrl`"),
            Map.entry("languagecode", "`language`"),
            Map.entry("defaultcontentlanguage", "`language`"),
            Map.entry("lang", "`language`"),
            Map.entry("locale", "`language`"),
            Map.entry("time_zone", "`timezone`"),
            Map.entry("aliases", "old addresses belong to the post that moved: write aliases: [/old/path/] in its front matter"),
            Map.entry("lastmod", "a post's last change is written as updated: in its own front matter, so this line can go"),
            Map.entry("outputs", "choose what is written with feeds: and disableKinds:"),
            Map.entry("rsslimit", "write feeds: { entries: 20 } instead"),
            Map.entry("summarylength", "a post's summary is its first paragraph, or its summary: line, so this line can go"),
            Map.entry("markup", "Markdown is always GitHub-flavoured, so this line can go"),
            Map.entry("uglyurls", "`relativeUrls`"),
            Map.entry("themesdir", "write theme: with the theme's folder instead"));

    /** A key that is neither a setting nor a typo of one: kept in params, with a warning saying so. */
    private static Problem unknownKey(String key, Path file, int line, int column) {
        String peer = PEER_KEYS.get(key.toLowerCase(java.util.Locale.ROOT));
        String kept = "it is kept for templates as site.params." + key;
        if (peer != null && peer.startsWith("`")) {
            return Problem.warning(file, line, column,
                    "`" + key + "` is not a Lateral setting; did you mean " + peer + "? (" + kept + ")",
                    "write " + peer.replace("`", "") + " instead; site-wide values for templates belong under params:");
        }
        return Problem.warning(file, line, column, "`" + key + "` is not a Lateral setting (" + kept + ")",
                (peer == null ? "" : peer + "; ")
                        + "site-wide values for templates belong under params: (indented below a line params:)");
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Map<String, SiteConfig.AuthorConfig> readAuthors(YamlNode root, Fields f) {
        Map<String, SiteConfig.AuthorConfig> out = new LinkedHashMap<>();
        Optional<YamlNode> node = root.get("authors");
        if (node.isEmpty() || node.get().isNull()) {
            return out;
        }
        if (!node.get().isMap()) {
            f.problems.add(Problem.error(f.file, node.get().line(), node.get().column(),
                    "authors must be a list of people keyed by a short id",
                    "write it as:\nauthors:\n  arahman:\n    name: Aisha Rahman"));
            return out;
        }
        node.get().asMap().forEach((id, a) -> {
            if (a.isScalar()) {
                out.put(id, new SiteConfig.AuthorConfig(id, a.text().orElse(id), "", "", ""));
            } else {
                out.put(id, new SiteConfig.AuthorConfig(id, f.text(a, "name").orElse(id),
                        f.text(a, "bio").orElse(""), f.text(a, "url").orElse(""), f.text(a, "avatar").orElse("")));
            }
        });
        return out;
    }

    private static SiteConfig.Permalinks readPermalinks(YamlNode root, Fields f) {
        SiteConfig.Permalinks d = SiteConfig.Permalinks.DEFAULT;
        Optional<YamlNode> node = root.get("permalinks");
        if (node.isEmpty() || !node.get().isMap()) {
            return d;
        }
        YamlNode p = node.get();
        Set<String> kinds = Set.of("posts", "pages", "tags", "categories", "authors", "series");
        f.unknownKeys(p, "permalinks", kinds, "use one of posts, pages, tags, categories, authors, series");
        return new SiteConfig.Permalinks(pattern(p, "posts", d.posts(), f), pattern(p, "pages", d.pages(), f),
                pattern(p, "tags", d.tags(), f), pattern(p, "categories", d.categories(), f),
                pattern(p, "authors", d.authors(), f), pattern(p, "series", d.series(), f));
    }

    private static String pattern(YamlNode p, String key, String dflt, Fields f) {
        Optional<String> v = f.text(p, key);
        if (v.isEmpty()) {
            return dflt;
        }
        String s = v.get().strip();
        if (!s.startsWith("/")) {
            s = "/" + s;
        }
        if (!s.contains(":slug") && !s.contains(":filename") && !s.contains(":title")) {
            f.problems.add(Problem.error(f.file, p.get(key).get().line(), p.get(key).get().column(),
                    "the permalink pattern \"" + s + "\" gives every page the same address",
                    "include :slug or :filename, e.g. /:year/:month/:slug/"));
        }
        return s;
    }

    private static List<SiteConfig.MenuItem> readMenu(YamlNode root, Fields f) {
        List<SiteConfig.MenuItem> out = new ArrayList<>();
        for (YamlNode item : root.get("menu").map(YamlNode::asList).orElse(List.of())) {
            Optional<String> name = f.text(item, "name");
            Optional<String> url = f.text(item, "url");
            if (name.isEmpty() || url.isEmpty()) {
                f.problems.add(Problem.error(f.file, item.line(), item.column(),
                        "a menu entry needs both a name and a url",
                        "write it as: - { name: About, url: /about/ }"));
            } else {
                out.add(new SiteConfig.MenuItem(name.get(), url.get()));
            }
        }
        return out;
    }

    /**
     * Names a taxonomy of the site's own cannot have: the built-in ones, the site's other lists and
     * files, and front matter keys Lateral reads itself.
     */
    public static final Set<String> RESERVED_TAXONOMIES = Set.of("tags", "categories", "authors", "author", "series",
            "archive", "search", "events", "event", "cpd", "projects", "page", "posts", "pages", "feeds", "css", "js",
            "title", "date", "updated", "summary", "description", "image", "draft", "slug", "url", "layout", "part",
            "stage", "aliases", "id", "guid", "pinned", "lang", "toc", "reflection", "review", "publishDate",
            "expiryDate", "params", "static", "content", "data", "themes", "templates", "i18n");

    /**
     * {@code taxonomies: [subjects, keystages]}, or an item with its words:
     * {@code - { name: keystages, title: Key stages, singular: Key stage }}.
     */
    private static List<SiteConfig.TaxonomyConfig> readTaxonomies(YamlNode root, Fields f, List<Problem> warnings) {
        List<SiteConfig.TaxonomyConfig> out = new ArrayList<>();
        Optional<YamlNode> node = root.get("taxonomies");
        if (node.isEmpty() || node.get().isNull()) {
            return out;
        }
        List<YamlNode> items = node.get().isList() ? node.get().asList() : List.of(node.get());
        Map<YamlNode, String> hugoSingular = new java.util.IdentityHashMap<>();
        if (node.get().isMap() && node.get().get("name").isEmpty()) { // Hugo's {tag: tags, subject: subjects}
            items = new ArrayList<>();
            for (Map.Entry<String, YamlNode> e : node.get().asMap().entrySet()) {
                items.add(e.getValue());
                hugoSingular.put(e.getValue(), e.getKey());
            }
        }
        Set<String> seen = new java.util.HashSet<>();
        for (YamlNode item : items) {
            String name;
            String title = null;
            String singular = hugoSingular.containsKey(item) ? capitalised(hugoSingular.get(item)) : null;
            if (item.isMap()) {
                f.unknownKeys(item, "taxonomies", Set.of("name", "title", "singular"),
                        "use name (the front matter key), title (what pages call it) and singular (one of its terms)");
                name = f.text(item, "name").orElse("").strip();
                title = f.text(item, "title").map(String::strip).orElse(null);
                singular = f.text(item, "singular").map(String::strip).orElse(null);
            } else if (item.isScalar()) {
                name = item.text().orElse("").strip();
            } else {
                f.problems.add(Problem.error(f.file, item.line(), item.column(),
                        "each taxonomy is a word, not a list", "write taxonomies: [subjects, keystages]"));
                continue;
            }
            if (!name.matches("[a-z][a-z0-9]{0,39}")) {
                f.problems.add(Problem.error(f.file, item.line(), item.column(),
                        "a taxonomy's name \"" + name + "\" must be one word of small letters and digits"
                                + " (it is the front matter key and part of the address)",
                        "write it as one word, such as subjects or keystages; give it words to show with"
                                + " { name: keystages, title: Key stages, singular: Key stage }"));
            } else if (name.equals("tags") || name.equals("categories")) {
                warnings.add(Problem.warning(f.file, item.line(), item.column(),
                        name + " are built in, so they need no line in taxonomies:",
                        "take " + name + " out of taxonomies:"));
            } else if (RESERVED_TAXONOMIES.contains(name)) {
                f.problems.add(Problem.error(f.file, item.line(), item.column(),
                        "a taxonomy cannot be called \"" + name + "\": Lateral uses that name for something else",
                        "choose another word, such as subjects, keystages, phases or standards"));
            } else if (!seen.add(name)) {
                f.problems.add(Problem.error(f.file, item.line(), item.column(),
                        "the taxonomy \"" + name + "\" is listed twice", "delete one of the two"));
            } else {
                out.add(new SiteConfig.TaxonomyConfig(name, title, singular));
            }
        }
        return out;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }

    private static java.util.Set<String> readDisableKinds(YamlNode root, Fields f,
            List<SiteConfig.TaxonomyConfig> taxonomies) {
        Set<String> words = new java.util.TreeSet<>(SiteConfig.KINDS);
        taxonomies.forEach(t -> words.add(t.name()));
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        Optional<YamlNode> node = root.get("disableKinds");
        if (node.isEmpty()) {
            return out;
        }
        List<YamlNode> items = node.get().isList() ? node.get().asList() : List.of(node.get());
        for (YamlNode item : items) {
            String kind = item.text().orElse("").strip();
            if (words.contains(kind)) {
                out.add(kind);
            } else if (org.lateral.plan.Kind.named(kind).isPresent()) {
                f.problems.add(Problem.error(f.file, item.line(), item.column(),
                        "disableKinds cannot switch off \"" + kind + "\": Lateral always writes it",
                        "take \"" + kind + "\" out of disableKinds; it can switch off "
                                + String.join(", ", SiteConfig.KINDS)));
            } else if (!kind.isEmpty()) {
                f.problems.add(Problem.error(f.file, item.line(), item.column(),
                        "disableKinds has no kind \"" + kind + "\"",
                        Suggestions.closest(kind, words).map(k -> "did you mean `" + k + "`?")
                                .orElse("use some of: " + String.join(", ", words))));
            }
        }
        return out;
    }

    private static SiteConfig.FeedConfig readFeeds(YamlNode root, Fields f) {
        Optional<YamlNode> node = root.get("feeds");
        if (node.isEmpty() || !node.get().isMap()) {
            return SiteConfig.FeedConfig.DEFAULT;
        }
        YamlNode feeds = node.get();
        Set<String> keys = Set.of("entries", "full");
        f.unknownKeys(feeds, "feeds", keys, "use entries (how many posts each feed holds) or full (true or false)");
        int entries = f.integer(node.get(), "entries", 20, 1, 100_000);
        boolean full = f.bool(node.get(), "full", true);
        return new SiteConfig.FeedConfig(entries, full);
    }
}
