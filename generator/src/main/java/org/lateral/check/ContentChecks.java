package org.lateral.check;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.lateral.content.Source;
import org.lateral.markdown.Written;
import org.lateral.markdown.WrittenLinks;
import org.lateral.pipeline.SiteSnapshot;
import org.lateral.site.Page;

/**
 * The checks of what a teacher wrote in one post or page, at the line and column they wrote it
 * (commonmark-java's source spans; for raw HTML, jsoup's positions inside the block): links and
 * pictures in paragraphs, lists, tables, quotes and footnotes, and in raw HTML; link text; picture
 * descriptions; heading levels. Every place a link goes is recorded ({@link #keys}), so that the
 * checks of the rendered pages can tell the content's links from the templates'.
 */
final class ContentChecks {

    /** Link text that says nothing about where a link goes, after lower-casing and trimming punctuation. */
    static final Set<String> VAGUE = Set.of("here", "click here", "click", "read more", "more", "this", "link",
            "this link", "click this link", "go here", "see here", "more here", "read this", "continue reading",
            "more info", "find out more");

    private final SiteSnapshot snapshot;
    private final Addresses addresses;
    private final SiteLinks siteLinks;
    private final Findings findings;
    private final Set<String> keys;
    private final List<Outside> outside;
    private final Map<Path, Page> bySource = new HashMap<>();
    private final Map<Path, SiteSnapshot.Unpublished> unpublishedBySource = new HashMap<>();

    /**
     * @param keys    where every checked link goes ({@link Target#key()}), added to (thread-safe set)
     * @param outside outside addresses to fetch, added to (thread-safe list)
     */
    ContentChecks(SiteSnapshot snapshot, Addresses addresses, SiteLinks siteLinks, Findings findings, Set<String> keys,
            List<Outside> outside) {
        this.snapshot = snapshot;
        this.addresses = addresses;
        this.siteLinks = siteLinks;
        this.findings = findings;
        this.keys = keys;
        this.outside = outside;
        for (List<Page> list : List.of(snapshot.site().posts(), snapshot.site().pages())) {
            list.forEach(p -> bySource.put(p.source().normalize(), p));
        }
        snapshot.unpublished().values().forEach(u -> unpublishedBySource.put(u.page().source().normalize(), u));
    }

    /** Checks one published page; returns how many links and pictures it has. */
    int check(Page page) {
        Source source = snapshot.sources().get(page.source());
        if (source == null) {
            return 0;
        }
        Written written = WrittenLinks.of(source.body());
        PageState state = new PageState(page, source);
        for (Written.Link link : written.links()) {
            Place at = new Place(source.path(), bodyLine(source, link.line()), link.column());
            link(state, at, link.destination(), link.picture(), Optional.of(link.text()), link.picture()
                    ? Optional.of(link.text()) : Optional.empty(), false);
        }
        int count = written.links().size();
        for (Written.RawHtml raw : written.html()) {
            count += raw(state, raw);
        }
        headings(page, source, written.headings());
        return count;
    }

    private static int bodyLine(Source source, int line) {
        return line == 0 ? 0 : source.bodyLine() + line - 1;
    }

    /** What one page has linked so far: its text for each address, for "the same text, different places". */
    private record PageState(Page page, Source source, Map<String, Seen> byText, Set<String> warned) {
        PageState(Page page, Source source) {
            this(page, source, new HashMap<>(), new java.util.HashSet<>());
        }
    }

    private record Seen(String key, int line) {
    }

    /**
     * @param text        the link's text, when known (empty for an inline HTML tag, whose text is apart)
     * @param description a picture's description when it is a picture with one (or an empty one),
     *                    empty when it has no {@code alt} at all
     * @param decorative  marked decorative in HTML ({@code alt=""}, {@code role="presentation"})
     */
    private void link(PageState state, Place at, String destination, boolean picture, Optional<String> text,
            Optional<String> description, boolean decorative) {
        Page page = state.page();
        Target target = markdownFile(state.source(), destination).orElseGet(() ->
                addresses.read(destination, page.outputPath(), true));
        keys.add(target.key());
        if (picture) {
            if (!decorative && description.map(String::isBlank).orElse(true)) {
                findings.error(at, "this picture has no description (alt text), so screen-reader users will not know"
                        + " what it shows", "describe it between the square brackets: ![Pupils' talk tally after"
                        + " three weeks](" + destination + "); if it is only decoration, write it as <img src=\""
                        + destination + "\" alt=\"\"> so screen readers skip it");
            }
            if (target.kind() == Target.Kind.EXTERNAL && destination.strip().toLowerCase(Locale.ROOT).startsWith("http:")
                    && addresses.secure()) {
                findings.warning(at, "this picture is on an http: address, which browsers block or flag on this https:"
                        + " site", "use its https: address, or copy the picture into the site (static/ or the post's"
                        + " folder)");
            }
        } else if (text.isPresent()) {
            String t = text.get().strip();
            if (t.isEmpty()) {
                findings.error(at, "this link has no text, so readers (and screen readers) only get its address",
                        "write what it links to between the square brackets: [the marking rubric](" + destination + ")");
            } else {
                String plain = t.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}\u2026\u2019]+$", "")
                        .replaceAll("^[\\s\\p{Punct}]+", "").replaceAll("\\s+", " ");
                if (VAGUE.contains(plain)) {
                    findings.warning(at, "the link text \"" + t + "\" does not say where the link goes; screen-reader"
                            + " users often hear a page's links on their own", "make the words that say where it goes"
                            + " the link: \"the [marking rubric](" + destination + ")\" rather than \"[" + t + "]("
                            + destination + ")\"");
                } else {
                    Seen before = state.byText().putIfAbsent(plain, new Seen(target.key(), at.line()));
                    if (before != null && !before.key().equals(target.key()) && target.kind() != Target.Kind.OTHER
                            && state.warned().add(plain)) {
                        findings.warning(at, "the link text \"" + t + "\" is also used "
                                + (before.line() > 0 ? "on line " + before.line() + " " : "")
                                + "for a link to a different place, so readers cannot tell the two apart",
                                "give each link words that say where it goes");
                    }
                }
            }
        }
        switch (target.kind()) {
            case SITE -> siteLinks.check(target, picture, page.outputPath())
                    .map(v -> picture ? besideFlatPost(state.source(), destination, v) : v)
                    .ifPresent(v -> findings.add(v.at(at)));
            case EXTERNAL -> {
                if (target.uri() != null) {
                    outside.add(new Outside(at, target.uri(), picture, ""));
                } else {
                    findings.error(at, "this address cannot be read (" + destination + ")",
                            "check it for spaces or stray characters; copy it again from the browser's address bar");
                }
            }
            case LOCAL_FILE -> findings.error(at, "this " + (picture ? "picture" : "link") + " points at a file on your"
                    + " own computer (" + destination + "), which readers cannot open",
                    "copy the file into the site's static/ folder and link to it as /" + fileName(destination));
            default -> {
            }
        }
    }

    /**
     * A picture beside a post written as one file is not copied (only a post written as a folder has
     * its pictures copied): the fix says so rather than "check the file name".
     */
    private static Verdict besideFlatPost(Source source, String destination, Verdict v) {
        String d = destination.strip();
        if (source.bundleDir().isPresent() || d.startsWith("/") || d.contains(":") || d.startsWith("../")
                || !v.message().contains("does not exist")) {
            return v;
        }
        Path beside = source.file().getParent().resolve(Addresses.decode(d.replaceAll("[?#].*$", ""))).normalize();
        if (!java.nio.file.Files.isRegularFile(beside)) {
            return v;
        }
        return new Verdict(v.severity(), v.message(), "pictures are copied only for a post written as a folder:"
                + " move the post to " + source.name() + "/index.md and put " + d + " in that folder");
    }

    private static String fileName(String address) {
        String s = address.replace('\\', '/');
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /**
     * A link to another Markdown file ({@code other-post.md#part}) as the place it goes: the page of
     * that file when it is published. A link to a file that does not exist is left to the build's
     * own warning.
     */
    private Optional<Target> markdownFile(Source from, String destination) {
        String d = destination.strip();
        if (d.isEmpty() || d.startsWith("/") || d.startsWith("#") || d.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        int cut = d.length();
        for (char c : new char[] {'#', '?'}) {
            int i = d.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        String file = Addresses.decode(d.substring(0, cut));
        String lower = file.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".md") && !lower.endsWith(".markdown")) {
            return Optional.empty();
        }
        String fragment = d.indexOf('#') >= 0 ? Addresses.decode(d.substring(d.indexOf('#') + 1)) : "";
        Path path;
        try {
            Path dir = from.path().getParent();
            path = (dir == null ? Path.of(file) : dir.resolve(file)).normalize();
        } catch (InvalidPathException e) {
            return Optional.of(new Target(Target.Kind.OTHER, d, "", null));
        }
        Page page = bySource.get(path);
        if (page != null) {
            return Optional.of(Target.site(page.outputPath(), fragment));
        }
        SiteSnapshot.Unpublished u = unpublishedBySource.get(path);
        if (u != null) {
            return Optional.of(Target.site(u.page().outputPath(), fragment));
        }
        return Optional.of(new Target(Target.Kind.OTHER, d, "", null)); // the build warns about it already
    }

    /** The links and pictures of one piece of raw HTML; returns how many. */
    private int raw(PageState state, Written.RawHtml raw) {
        String literal = raw.literal();
        if (!literal.contains("href") && !literal.contains("src")) {
            return 0;
        }
        Document doc = Jsoup.parse(literal, "", Parser.htmlParser().setTrackPosition(true));
        int count = 0;
        for (Element e : doc.select("a[href], area[href], img[src], video[src], audio[src], source[src], iframe[src]")) {
            Place at = place(state.source(), raw, e);
            count++;
            if (e.tagName().equals("a") || e.tagName().equals("area")) {
                Optional<String> text = raw.block() ? Optional.of(linkText(e)) : Optional.empty();
                link(state, at, e.attr("href"), false, text, Optional.empty(), false);
            } else if (e.tagName().equals("img")) {
                boolean decorative = e.hasAttr("alt") && e.attr("alt").isBlank()
                        || List.of("presentation", "none").contains(e.attr("role").toLowerCase(Locale.ROOT))
                        || e.attr("aria-hidden").equalsIgnoreCase("true");
                link(state, at, e.attr("src"), true, Optional.empty(),
                        e.hasAttr("alt") ? Optional.of(e.attr("alt")) : Optional.empty(), decorative);
            } else {
                Target target = addresses.read(e.attr("src"), state.page().outputPath(), true);
                keys.add(target.key());
                if (target.kind() == Target.Kind.SITE) {
                    siteLinks.check(target, true, state.page().outputPath()).ifPresent(v -> findings.add(v.at(at)));
                } else if (target.kind() == Target.Kind.EXTERNAL && target.uri() != null) {
                    outside.add(new Outside(at, target.uri(), true, ""));
                }
            }
        }
        return count;
    }

    /** What a reader or screen reader gets as a link's text: its words, its pictures' descriptions, its label. */
    static String linkText(Element a) {
        StringBuilder t = new StringBuilder(a.text());
        for (Element img : a.select("img[alt]")) {
            t.append(' ').append(img.attr("alt"));
        }
        t.append(' ').append(a.attr("aria-label")).append(' ').append(a.attr("title"));
        return t.toString().strip();
    }

    private static Place place(Source source, Written.RawHtml raw, Element e) {
        org.jsoup.nodes.Range.Position start = e.sourceRange().start();
        int inLine = start.lineNumber();
        int line = raw.line() == 0 ? 0 : bodyLine(source, raw.line()) + Math.max(0, inLine - 1);
        int column = inLine <= 1 ? raw.column() + Math.max(0, start.columnNumber() - 1) : start.columnNumber();
        return new Place(source.path(), line, column);
    }

    /** Heading levels that jump (h2 → h4); the page's title is its level-1 heading. */
    private void headings(Page page, Source source, List<Written.Heading> headings) {
        int previous = 1;
        for (Written.Heading h : headings) {
            if (h.level() > previous + 1) {
                findings.warning(new Place(source.path(), bodyLine(source, h.line()), h.column()),
                        "this heading is level " + h.level() + " (" + "#".repeat(h.level()) + ") right after a level "
                                + previous + (previous == 1 ? " (the title)" : "") + ", so the page's outline skips a"
                                + " level", "write it as " + "#".repeat(previous + 1) + " " + h.text()
                                + ", or add the missing heading above it");
            }
            previous = h.level();
        }
    }
}
