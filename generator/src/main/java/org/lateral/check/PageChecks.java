package org.lateral.check;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.lateral.Problem;
import org.lateral.pipeline.SiteSnapshot;
import org.lateral.plan.Input;
import org.lateral.plan.Output;
import org.lateral.site.Page;

/**
 * The checks of every rendered page (in memory, from the build's plan) for what the templates,
 * the theme and {@code site.yaml} put there: menus, feeds, stylesheets, pictures, skip links. A link
 * that a post's own Markdown makes is checked at its line by {@link ContentChecks} and skipped here;
 * the rest are named once, at the template (or settings) line that writes them, however many pages
 * show them.
 */
final class PageChecks {

    private static final String ELEMENTS = "a[href], area[href], img[src], link[href], script[src], source[src],"
            + " video[src], audio[src]";

    private final SiteSnapshot snapshot;
    private final Addresses addresses;
    private final SiteLinks siteLinks;
    private final Set<String> contentKeys;
    private final Origins origins;
    private final Map<java.nio.file.Path, Page> pages = new HashMap<>();

    /** One problem seen on several pages: what, where it is written, and the pages. */
    private record Group(Verdict verdict, String needle, Optional<Path> source, List<String> pages, Target target,
            boolean picture) {
    }

    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final AtomicInteger links = new AtomicInteger();

    PageChecks(SiteSnapshot snapshot, Addresses addresses, SiteLinks siteLinks, Set<String> contentKeys) {
        this.snapshot = snapshot;
        this.addresses = addresses;
        this.siteLinks = siteLinks;
        this.contentKeys = contentKeys;
        this.origins = new Origins(snapshot);
        for (List<Page> list : List.of(snapshot.site().posts(), snapshot.site().pages())) {
            list.forEach(p -> pages.put(p.source(), p));
        }
    }

    /** Checks every page; findings go to {@code findings}, outside addresses to {@code outside}. Returns links seen. */
    int check(Findings findings, List<Outside> outside) {
        snapshot.outputs().parallelStream().filter(o -> snapshot.html().containsKey(o.outputPath()))
                .forEach(this::page);
        List<Group> sorted = new ArrayList<>(groups.values());
        sorted.sort(java.util.Comparator.comparing(g -> g.pages().get(0)));
        for (Group g : sorted) {
            Optional<Place> at = origins.find(g.needle(), g.source());
            String pages = pagesNote(g.pages());
            if (g.verdict() == null) { // an outside address to fetch
                outside.add(new Outside(at.orElse(new Place(null, 0, 0)), g.target().uri(), g.picture(), pages));
                continue;
            }
            Verdict v = g.verdict();
            Place place = at.orElse(new Place(g.source().orElse(null), 0, 0));
            findings.add(new Problem(place.file(), place.line(), place.column(), v.severity(),
                    v.message() + pages, v.fix()));
        }
        return links.get();
    }

    private static String pagesNote(List<String> pages) {
        List<String> sorted = pages.stream().sorted().toList();
        return sorted.size() == 1 ? " (on the page " + sorted.get(0) + ")"
                : " (on " + sorted.size() + " pages, such as " + sorted.get(0) + ")";
    }

    /**
     * Links without text and pictures without a description that a page's content and the summaries
     * it shows hold (checked at their Markdown lines), by element and place: what is left of the
     * page's are the templates'.
     */
    private Map<String, Integer> fromContent(Output output) {
        Map<String, Integer> out = new HashMap<>();
        for (Input input : output.inputs()) {
            if (input.scope() != Input.Scope.SOURCE) {
                continue;
            }
            Page page = pages.get(input.path());
            if (page == null) {
                continue;
            }
            boolean own = output.source().map(s -> s.equals(input.path())).orElse(false);
            String html = own ? page.content() : page.summary();
            String from = own ? output.outputPath() : page.outputPath();
            for (Element e : Jsoup.parseBodyFragment(html).select("a[href], img[src]")) {
                failure(e, from).ifPresent(k -> out.merge(k, 1, Integer::sum));
            }
        }
        return out;
    }

    /** The key of an accessibility failure of one element, if it fails. */
    private Optional<String> failure(Element e, String fromPath) {
        boolean failed = e.tagName().equals("a") ? ContentChecks.linkText(e).isEmpty()
                : !e.hasAttr("alt") && !e.attr("role").equalsIgnoreCase("presentation")
                        && !e.attr("aria-hidden").equalsIgnoreCase("true");
        if (!failed) {
            return Optional.empty();
        }
        String value = e.attr(e.tagName().equals("a") ? "href" : "src");
        return Optional.of(e.tagName() + " " + addresses.read(value, fromPath, true).key());
    }

    private void page(Output output) {
        String path = output.outputPath();
        Document doc = Jsoup.parse(new String(snapshot.html().get(path), StandardCharsets.UTF_8));
        Map<String, Integer> content = fromContent(output);
        String shownPage = addresses.basePath() + (path.endsWith("index.html")
                ? path.substring(0, path.length() - "index.html".length()) : path);
        for (Element e : doc.select(ELEMENTS)) {
            String attr = e.hasAttr("href") ? "href" : "src";
            String value = e.attr(attr);
            if (value.isBlank()) {
                continue;
            }
            boolean picture = e.tagName().equals("img");
            boolean embedded = !e.tagName().equals("a") && !e.tagName().equals("area");
            Target target = addresses.read(value, path, false);
            String needle = needle(target, value);
            String shownValue = target.kind() == Target.Kind.SITE ? addresses.shown(target) : value;
            Optional<String> failure = e.tagName().equals("a") || picture ? failure(e, path) : Optional.empty();
            if (failure.isPresent() && content.getOrDefault(failure.get(), 0) > 0) {
                content.merge(failure.get(), -1, Integer::sum); // the content's own: reported at its line
            } else if (failure.isPresent() && picture) {
                add(Verdict.error("a picture has no description (alt text): " + shownValue,
                        "add alt=\"what it shows\" to the <img> (alt=\"\" if it is only decoration)"),
                        needle, output, shownPage, target, false);
            } else if (failure.isPresent()) {
                add(Verdict.error("a link has no text, so readers (and screen readers) only get its address ("
                        + shownValue + ")", "give the link words (or aria-label=\"…\") in the template"),
                        needle, output, shownPage, target, false);
            }
            if (contentKeys.contains(target.key())) {
                continue; // where the post's own Markdown links: checked at its line
            }
            links.incrementAndGet();
            switch (target.kind()) {
                case SITE -> siteLinks.check(target, embedded, path)
                        .ifPresent(v -> add(v, needle, output, shownPage, target, picture));
                case EXTERNAL -> {
                    if (picture && value.toLowerCase(Locale.ROOT).startsWith("http:") && addresses.secure()) {
                        add(Verdict.warning("a picture is on an http: address, which browsers block or flag on this"
                                + " https: site: " + value, "use its https: address"), needle, output, shownPage,
                                target, true);
                    }
                    if (target.uri() != null) {
                        add(null, needle, output, shownPage, target, picture);
                    }
                }
                case LOCAL_FILE -> add(Verdict.error("a link points at a file on your own computer (" + shownValue
                        + "), which readers cannot open", "copy the file into static/ and link to it from the site's"
                        + " root"), needle, output, shownPage, target, false);
                default -> {
                }
            }
        }
    }

    private void add(Verdict v, String needle, Output output, String page, Target target, boolean picture) {
        String key = (v == null ? "fetch" : v.message()) + "\u0000" + target.key();
        groups.compute(key, (k, g) -> {
            if (g == null) {
                List<String> pages = new ArrayList<>();
                pages.add(page);
                return new Group(v, needle, output.source(), pages, target, picture);
            }
            g.pages().add(page);
            return g;
        });
    }

    /** The text to look for in templates and settings: the address as they would write it. */
    private String needle(Target target, String value) {
        if (target.kind() == Target.Kind.SITE && !target.path().startsWith("\u0000")) {
            String p = target.path();
            if (p.endsWith("index.html")) {
                p = p.substring(0, p.length() - "index.html".length());
            }
            if (!p.isEmpty()) {
                return p + (target.fragment().isEmpty() ? "" : "#" + target.fragment());
            }
            if (!target.fragment().isEmpty()) {
                return "#" + target.fragment();
            }
        }
        return value;
    }
}
