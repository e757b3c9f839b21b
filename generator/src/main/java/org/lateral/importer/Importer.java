package org.lateral.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.lateral.ImportRequest;
import org.lateral.ImportResult;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.config.NetworkConfig;
import org.lateral.config.SiteConfig;
import org.lateral.config.SiteConfigLoader;
import org.lateral.config.YamlWriter;
import org.lateral.content.Aliases;
import org.lateral.internal.AtomicFiles;
import org.lateral.internal.Slugs;
import org.lateral.safety.AddressPolicy;
import org.lateral.safety.Sanitizer;

/**
 * {@code lateral import}: reads the whole export first (a malformed one is refused at its line and
 * nothing is written), then makes every post's file and fetches its media in memory, then writes:
 * posts as {@code content/posts/<year>/<slug>/index.md} with their pictures beside them, pages as
 * {@code content/pages/<slug>/index.md}, a {@code site.yaml} when the folder has none, and
 * {@code import-report.md}. Importing again writes the same files (a post is recognised by its
 * {@code guid:}), so nothing is duplicated.
 */
public final class Importer {

    static final String REPORT = "import-report.md";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    private static final Pattern SIZE_VARIANT = Pattern.compile("-\\d{2,5}x\\d{2,5}(?=\\.[A-Za-z0-9]+$)");
    private static final Duration MEDIA_DEADLINE = Duration.ofSeconds(30);

    private final ImportRequest request;
    private final Sanitizer sanitizer = Sanitizer.create();
    private final Bodies bodies = new Bodies(sanitizer);
    private final Map<String, MediaFetcher.Fetched> fetched = new HashMap<>();
    private final Report report = new Report();
    private final List<Problem> warnings = new ArrayList<>();
    private MediaFetcher fetcher;
    private ZoneId zone = ZoneId.of("Europe/London");

    private Importer(ImportRequest request) {
        this.request = request;
    }

    public static ImportResult run(ImportRequest request) {
        return new Importer(request).run();
    }

    private ImportResult run() {
        Path siteDir = request.siteDir();
        boolean newSite = !Files.isRegularFile(siteDir.resolve(SiteConfigLoader.FILE_NAME));
        NetworkConfig network = NetworkConfig.DEFAULT;
        if (!newSite) {
            SiteConfig config = SiteConfigLoader.load(siteDir, new ArrayList<>(), request.caller());
            zone = config.timezone();
            network = config.network();
        }
        AddressPolicy policy = network.policyAllowing(request.allowAddresses());
        fetcher = new MediaFetcher(policy, MEDIA_DEADLINE);
        Export export = read();
        report.source(request.source(), export.format(), newSite, request.dryRun());

        Map<Path, byte[]> files = new TreeMap<>();
        if (newSite) {
            files.put(Path.of(SiteConfigLoader.FILE_NAME), siteYaml(export).getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Item> byId = new HashMap<>();
        export.items().forEach(i -> byId.put(i.id(), i));
        Map<String, String> slugs = new HashMap<>();
        Set<Path> used = new HashSet<>();
        int posts = 0;
        int pages = 0;
        int drafts = 0;
        int html = 0;
        for (Item item : export.items()) {
            String plain = sanitizer.plainText(item.title());
            String title = plain.isBlank() ? "Untitled" : plain;
            String slug = slug(item, title);
            slugs.put(item.id(), slug);
            Path folder = folder(item, slug, used, siteDir);
            used.add(folder);
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("title", title);
            item.date().or(item::updated).ifPresent(d -> fm.put("date", date(d)));
            item.updated().filter(u -> item.date().map(d -> u.isAfter(d.plusMinutes(1))).orElse(false))
                    .ifPresent(u -> fm.put("updated", date(u)));
            if (item.status() == Item.Status.SCHEDULED) {
                item.date().ifPresent(d -> fm.put("publishDate", date(d)));
            } else if (item.status() != Item.Status.PUBLISHED) {
                fm.put("draft", true);
                drafts++;
                report.draft(title, folder, item.status().words);
                if (item.status() == Item.Status.PASSWORD) {
                    warnings.add(Problem.warning(Path.of(request.source()), item.line(), 1,
                            "\"" + title + "\" was password-protected on the old blog, so it is imported as a draft",
                            "read it in " + folder.resolve("index.md") + " and remove draft: true only if it may be public"));
                }
            }
            if (!item.authors().isEmpty()) {
                fm.put("authors", item.authors().stream().map(sanitizer::plainText).filter(s -> !s.isBlank()).toList());
            }
            if (!item.tags().isEmpty()) {
                fm.put("tags", item.tags().stream().map(sanitizer::plainText).filter(s -> !s.isBlank()).toList());
            }
            if (!item.categories().isEmpty()) {
                fm.put("categories", item.categories().stream().map(sanitizer::plainText).filter(s -> !s.isBlank()).toList());
            }
            item.excerpt().map(sanitizer::plainText).filter(s -> !s.isBlank()).ifPresent(s -> fm.put("summary", s));
            if (item.type() == Item.Type.PAGE && item.parentId().isPresent()) {
                fm.put("url", pageUrl(item, byId, slug));
            }

            String base = item.link().filter(l -> l.startsWith("http")).or(export::baseUrl).orElse("");
            Bodies.Prepared prepared = bodies.prepare(item.html(), base, export.attachments(),
                    export.attachmentsByParent().getOrDefault(item.id(), List.of()), export.attachmentPages());
            prepared.shortcodes().forEach(s -> report.shortcode(title, s));
            Map<String, String> names = new HashMap<>();
            if (request.downloadMedia()) {
                media(prepared, folder, names, files, title, export);
            } else {
                mediaLeft(prepared, title);
            }
            item.image().ifPresent(img -> {
                if (request.downloadMedia()) {
                    Optional<String> local = save(img, folder, names, files, title, export);
                    fm.put("image", local.orElse(img));
                } else {
                    fm.put("image", img);
                }
            });
            Bodies.Converted body = bodies.convert(prepared.html());
            if (body.keptAsHtml()) {
                html++;
                report.keptAsHtml(title, folder);
            }
            item.link().flatMap(Importer::alias).ifPresent(a -> {
                fm.put("aliases", List.of(a));
                report.alias(a, folder);
            });
            item.guid().or(() -> Optional.of(item.id()).filter(s -> !s.isBlank()))
                    .ifPresent(g -> fm.put("guid", g));
            if (request.comments() && !item.comments().isEmpty()) {
                List<Map<String, Object>> comments = new ArrayList<>();
                for (Item.Comment c : item.comments()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("author", sanitizer.plainText(c.author()));
                    c.url().filter(u -> u.startsWith("http")).ifPresent(u -> m.put("url", u));
                    c.date().ifPresent(d -> m.put("date", date(d)));
                    m.put("text", sanitizer.plainText(c.text()));
                    comments.add(m);
                }
                fm.put("comments", comments);
            }
            String text = "---\n" + YamlWriter.write(fm) + "---\n\n" + body.body();
            files.put(folder.resolve("index.md"), text.getBytes(StandardCharsets.UTF_8));
            if (item.type() == Item.Type.PAGE) {
                pages++;
            } else {
                posts++;
            }
        }
        export.skipped().forEach(report::skipped);
        int failed = report.failures();
        String reportText = report.markdown(posts, pages, drafts, html, fetchedCount(), failed);
        List<Path> written = new ArrayList<>(files.keySet());
        if (!request.dryRun()) {
            files.put(Path.of(REPORT), reportText.getBytes(StandardCharsets.UTF_8));
            written.add(Path.of(REPORT));
            write(siteDir, files);
        }
        return new ImportResult(posts, pages, drafts, html, fetchedCount(), failed, request.dryRun(), newSite,
                reportText, written, warnings);
    }

    private int fetchedCount() {
        return (int) fetched.values().stream().filter(f -> f.bytes().isPresent()).count();
    }

    private Export read() {
        String source = request.source();
        boolean remote = source.regionMatches(true, 0, "http://", 0, 7) || source.regionMatches(true, 0, "https://", 0, 8);
        if (remote && request.from() != ImportRequest.From.FEED) {
            throw new LateralException(List.of(Problem.general("an export is a file, not an address: " + source,
                    "download the export first and give its file, or use lateral import feed " + source)));
        }
        if (remote) {
            MediaFetcher.Fetched f = fetcher.get(source);
            if (f.bytes().isEmpty()) {
                throw new LateralException(List.of(Problem.general("cannot read the feed " + source + ": " + f.failure(),
                        "check the address in a browser, or save the feed as a file and give that")));
            }
            Path shown = Path.of(Optional.ofNullable(URI.create(source).getHost()).orElse("feed") + ".xml");
            return parse(new ByteArrayInputStream(f.bytes().get()), shown);
        }
        if (source.regionMatches(true, 0, "file:", 0, 5)) {
            throw new LateralException(List.of(Problem.general("file: addresses are not read: " + source,
                    "give the file's path instead (for example ~/Downloads/export.xml)")));
        }
        Path file = Path.of(source);
        if (Files.isDirectory(file)) {
            try (Stream<Path> s = Files.walk(file, 6)) {
                file = s.filter(p -> p.getFileName().toString().equals("feed.atom")).findFirst().orElse(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new LateralException(List.of(Problem.general("cannot find the export " + source,
                    "give the path of the file the old blog exported (WordPress: Tools → Export; Blogger: Settings → Back up content)")));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file);
        } catch (IOException e) {
            throw new LateralException(List.of(Problem.general("cannot read " + file + ": " + e.getMessage(),
                    "check that the file is yours to read and is not still downloading")));
        }
    }

    private Export parse(InputStream in, Path file) {
        return switch (request.from()) {
            case WORDPRESS -> WxrReader.read(in, file, zone);
            case BLOGGER -> FeedReaders.blogger(in, file);
            case FEED -> FeedReaders.feed(in, file);
        };
    }

    private String siteYaml(Export export) {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("title", export.title().map(sanitizer::plainText).filter(s -> !s.isBlank()).orElse("My blog"));
        export.description().map(sanitizer::plainText).filter(s -> !s.isBlank()).ifPresent(d -> site.put("description", d));
        String base = export.baseUrl().filter(u -> u.startsWith("http")).orElse("https://example.org/");
        site.put("baseUrl", base.endsWith("/") ? base : base + "/");
        site.put("language", export.language().filter(l -> l.matches("[a-z]{2,3}(-[a-zA-Z0-9]{2,8})*")).orElse("en"));
        site.put("timezone", zone.getId());
        return "# Made by lateral import from " + Path.of(request.source()).getFileName()
                + ". Change baseUrl to the new blog's address.\n" + YamlWriter.write(site);
    }

    private String slug(Item item, String title) {
        String s = item.slug().map(x -> URLDecoder.decode(x.replace("+", "%2B"), StandardCharsets.UTF_8))
                .map(Slugs::slugify).filter(x -> !x.isBlank()).orElse(Slugs.slugify(title));
        if (s.isBlank()) {
            s = "post-" + item.id().replaceAll("[^0-9A-Za-z]", "");
        }
        return s.length() > 80 ? s.substring(0, 80).replaceFirst("-+$", "") : s;
    }

    /** The post's folder: the same at every import of the same post, never another post's. */
    private Path folder(Item item, String slug, Set<Path> used, Path siteDir) {
        String year = item.date().or(item::updated).map(d -> String.valueOf(d.atZoneSameInstant(zone).getYear()))
                .orElse("undated");
        Path base = item.type() == Item.Type.PAGE ? Path.of("content", "pages") : Path.of("content", "posts", year);
        String guid = item.guid().orElse(item.id());
        for (int n = 1; ; n++) {
            Path candidate = base.resolve(n == 1 ? slug : slug + "-" + n);
            if (used.contains(candidate)) {
                continue;
            }
            Path index = siteDir.resolve(candidate).resolve("index.md");
            Path flat = siteDir.resolve(candidate + ".md");
            if (Files.exists(flat) || Files.exists(index) && !isOurs(index, guid)) {
                continue;
            }
            return candidate;
        }
    }

    private static boolean isOurs(Path index, String guid) {
        try {
            String text = Files.readString(index, StandardCharsets.UTF_8);
            return text.contains(YamlWriter.write(Map.of("guid", guid)));
        } catch (IOException e) {
            return false;
        }
    }

    private String pageUrl(Item page, Map<String, Item> byId, String slug) {
        List<String> chain = new ArrayList<>();
        chain.add(slug);
        Optional<String> parent = page.parentId();
        for (int depth = 0; parent.isPresent() && depth < 10; depth++) {
            Item p = byId.get(parent.get());
            if (p == null) {
                break;
            }
            chain.add(0, slug(p, sanitizer.plainText(p.title())));
            parent = p.parentId();
        }
        return "/" + String.join("/", chain) + "/";
    }

    /** The old address's path, when a static site can answer at it ({@code ?p=123} cannot). */
    static Optional<String> alias(String link) {
        try {
            URI u = URI.create(link.strip());
            if (u.getRawQuery() != null || u.getRawPath() == null || u.getRawPath().length() < 2) {
                return Optional.empty();
            }
            return Aliases.normalise(u.getRawPath());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String date(OffsetDateTime d) {
        return d.atZoneSameInstant(zone).toOffsetDateTime().format(DATE);
    }

    private void media(Bodies.Prepared prepared, Path folder, Map<String, String> names, Map<Path, byte[]> files,
            String title, Export export) {
        String oldHost = export.baseUrl().map(Importer::host).orElse("");
        for (Element e : prepared.html().select("img[src^=" + Bodies.PLACEHOLDER + "], a[href^=" + Bodies.PLACEHOLDER + "]")) {
            boolean img = e.tagName().equals("img");
            String attr = img ? "src" : "href";
            String original = prepared.originals().get(e.attr(attr));
            if (original == null) {
                continue;
            }
            String h = host(original);
            boolean fetch = img || !e.select("img").isEmpty() || h.equals(oldHost) || original.contains("/wp-content/uploads/")
                    || h.endsWith(".bp.blogspot.com") || h.endsWith("googleusercontent.com") || h.endsWith(".files.wordpress.com");
            if (fetch) {
                save(original, folder, names, files, title, export).ifPresent(local -> e.attr(attr, local));
            }
        }
        prepared.restore();
    }

    private void mediaLeft(Bodies.Prepared prepared, String title) {
        prepared.restore();
        for (Element img : prepared.html().select("img[src]")) {
            report.linked(title, img.attr("src"));
        }
    }

    /** Fetches one file into the post's folder (once per address); its local name, or empty when it failed. */
    private Optional<String> save(String address, Path folder, Map<String, String> names, Map<Path, byte[]> files,
            String title, Export export) {
        if (!address.startsWith("http://") && !address.startsWith("https://")) {
            return Optional.empty();
        }
        String url = original(address, export);
        String known = names.get(url);
        if (known != null) {
            return Optional.of(known);
        }
        MediaFetcher.Fetched f = fetched.computeIfAbsent(url, fetcher::get);
        if (f.bytes().isEmpty() && !url.equals(address)) {
            url = address;
            f = fetched.computeIfAbsent(url, fetcher::get);
        }
        if (f.bytes().isEmpty()) {
            report.failed(title, address, f.failure());
            return Optional.empty();
        }
        String name = fileName(url, names.values());
        names.put(url, name);
        names.put(address, name);
        files.put(folder.resolve(name), f.bytes().get());
        return Optional.of(name);
    }

    /** WordPress's resized copy ({@code photo-300x200.jpg}) → the original, when the export lists it. */
    private static String original(String address, Export export) {
        Matcher m = SIZE_VARIANT.matcher(address);
        if (m.find()) {
            String full = m.replaceFirst("");
            if (export.attachments().containsValue(full)) {
                return full;
            }
        }
        return address;
    }

    /** A safe file name from the address, not yet used in this folder: {@code image.jpg}, {@code image-2.jpg}. */
    static String fileName(String url, java.util.Collection<String> taken) {
        String path = url.replaceFirst("[?#].*$", "");
        String last = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        int dot = last.lastIndexOf('.');
        String ext = dot > 0 ? last.substring(dot + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") : "";
        String stem = Slugs.slugify(dot > 0 ? last.substring(0, dot) : last);
        if (stem.isBlank() || stem.equals("index")) {
            stem = "file";
        }
        if (stem.length() > 60) {
            stem = stem.substring(0, 60);
        }
        if (ext.isEmpty() || ext.length() > 5) {
            ext = "bin";
        }
        for (int n = 1; ; n++) {
            String name = (n == 1 ? stem : stem + "-" + n) + "." + ext;
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    private static String host(String url) {
        try {
            String h = URI.create(url.strip()).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void write(Path siteDir, Map<Path, byte[]> files) {
        try {
            for (Map.Entry<Path, byte[]> e : files.entrySet()) {
                Path target = siteDir.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), e.getValue())) {
                    continue;
                }
                AtomicFiles.write(target, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the imported files into " + siteDir, e);
        }
    }
}
