package org.lateral.importer;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.aggregate.parse.LenientDates;

/**
 * Blogger exports (the classic one-file Atom export and the Google Takeout {@code feed.atom} of 2023,
 * told apart by the {@code blogger:} namespace of 2018) and any RSS 2.0 or Atom feed, for blogs with
 * no export (a feed holds only the latest posts, and their full text only if the blog publishes it).
 */
final class FeedReaders {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String TAKEOUT = "http://schemas.google.com/blogger/2018";
    static final String KIND = "http://schemas.google.com/g/2005#kind";
    static final String LABEL = "http://www.blogger.com/atom/ns#";
    static final String THREAD = "http://purl.org/syndication/thread/1.0";
    static final String MEDIA = "http://search.yahoo.com/mrss/";

    private FeedReaders() {
    }

    static Export blogger(InputStream in, Path file) {
        List<XmlNode> raw = new ArrayList<>();
        ExportXml.Document doc = ExportXml.read(in, file, raw::add);
        boolean takeout = raw.stream().anyMatch(e -> e.child(TAKEOUT, "type").isPresent());
        boolean classic = raw.stream().anyMatch(e -> e.all(ATOM, "category").stream()
                .anyMatch(c -> c.attribute("scheme").equals(KIND)));
        if (!doc.rootName().equals("feed") || !takeout && !classic) {
            throw new LateralException(List.of(Problem.error(file, 1, 1,
                    file.getFileName() + " is not a Blogger export (no Blogger posts in it)",
                    "in Blogger choose Settings → Back up content (or Google Takeout → Blogger) and give the .xml or feed.atom file"
                            + ("rss".equals(doc.rootName()) ? " (this file looks like a WordPress export or an RSS feed: use lateral import wordpress or lateral import feed)" : ""))));
        }
        XmlNode feed = doc.channel();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        Map<String, List<Item.Comment>> comments = new LinkedHashMap<>();
        List<XmlNode> posts = new ArrayList<>();
        for (XmlNode e : raw) {
            String kind = takeout ? e.text(TAKEOUT, "type").orElse("").toLowerCase(Locale.ROOT) : kind(e);
            String status = takeout ? e.text(TAKEOUT, "status").orElse("LIVE") : "LIVE";
            switch (kind) {
                case "post", "page" -> {
                    if (status.contains("TRASH") || status.equals("DELETED")) {
                        skipped.merge("posts in the bin", 1, Integer::sum);
                    } else {
                        posts.add(e);
                    }
                }
                case "comment" -> {
                    Optional<String> parent = takeout ? e.text(TAKEOUT, "parent")
                            : e.child(THREAD, "in-reply-to").map(n -> n.attribute("ref"));
                    if (parent.isPresent() && status.equals("LIVE")) {
                        comments.computeIfAbsent(parent.get(), k -> new ArrayList<>()).add(new Item.Comment(
                                e.child(ATOM, "author").flatMap(a -> a.text(ATOM, "name")).orElse("Anonymous"),
                                Optional.empty(), date(e.text(ATOM, "published")), e.raw(ATOM, "content").strip()));
                    }
                }
                default -> skipped.merge(kind.isEmpty() ? "entries of no known kind" : "Blogger " + kind + " entries", 1, Integer::sum);
            }
        }
        List<Item> items = new ArrayList<>();
        for (XmlNode e : posts) {
            String kind = takeout ? e.text(TAKEOUT, "type").orElse("").toLowerCase(Locale.ROOT) : kind(e);
            // Takeout: only LIVE is published and SCHEDULED keeps its date; any other status (DRAFT, or
            // one this importer does not know) stays a draft, so nothing unpublished goes online
            String takeoutStatus = takeout ? e.text(TAKEOUT, "status").orElse("LIVE").strip().toUpperCase(Locale.ROOT) : "";
            boolean scheduled = takeoutStatus.equals("SCHEDULED");
            boolean draft = takeout ? !takeoutStatus.equals("LIVE") && !scheduled
                    : e.children().stream().filter(c -> c.name().equals("control"))
                            .flatMap(c -> c.children().stream()).anyMatch(c -> c.name().equals("draft")
                                    && c.text().strip().equalsIgnoreCase("yes"));
            Optional<String> link = alternate(e);
            if (takeout && link.isEmpty()) {
                link = e.text(TAKEOUT, "filename");
            }
            List<String> labels = new ArrayList<>();
            for (XmlNode c : e.all(ATOM, "category")) {
                String scheme = c.attribute("scheme");
                String term = c.attribute("term").strip();
                if (!term.isEmpty() && !scheme.equals(KIND) && !labels.contains(term)) {
                    labels.add(term);
                }
            }
            String id = e.text(ATOM, "id").orElse("");
            Optional<OffsetDateTime> published = date(e.text(ATOM, "published").or(() -> e.text(TAKEOUT, "created")));
            items.add(new Item(kind.equals("page") ? Item.Type.PAGE : Item.Type.POST, id, Optional.empty(),
                    e.raw(ATOM, "title"), e.raw(ATOM, "content"), Optional.empty(), published,
                    date(e.text(ATOM, "updated")), draft ? Item.Status.DRAFT : scheduled ? Item.Status.SCHEDULED : Item.Status.PUBLISHED,
                    link.map(FeedReaders::slugOf), authors(e), labels, List.of(), link, Optional.of(id).filter(s -> !s.isEmpty()),
                    e.child(MEDIA, "thumbnail").map(t -> t.attribute("url")).filter(s -> !s.isBlank()),
                    comments.getOrDefault(id, List.of()), e.line()));
        }
        return new Export(takeout ? "Blogger (Google Takeout, 2023)" : "Blogger (classic export)",
                feed.text(ATOM, "title"), feed.text(ATOM, "subtitle"), Optional.empty(), alternate(feed),
                items, Map.of(), Map.of(), skipped);
    }

    static Export feed(InputStream in, Path file) {
        List<XmlNode> raw = new ArrayList<>();
        ExportXml.Document doc = ExportXml.read(in, file, raw::add);
        XmlNode channel = doc.channel();
        List<Item> items = new ArrayList<>();
        if (doc.rootName().equals("rss")) {
            for (XmlNode i : raw) {
                String body = i.raw(WxrReader.CONTENT, "encoded");
                Optional<String> link = i.text(null, "link");
                List<String> cats = i.all(null, "category").stream().map(c -> c.text().strip()).filter(s -> !s.isEmpty())
                        .distinct().toList();
                items.add(new Item(Item.Type.POST, i.text(null, "guid").or(() -> link).orElse(""), Optional.empty(),
                        i.raw(null, "title"), body.isBlank() ? i.raw(null, "description") : body, Optional.empty(),
                        date(i.text(null, "pubDate").or(() -> i.text(WxrReader.DC, "date"))), Optional.empty(),
                        Item.Status.PUBLISHED, link.map(FeedReaders::slugOf),
                        i.text(WxrReader.DC, "creator").or(() -> i.text(null, "author")).map(List::of).orElse(List.of()),
                        cats, List.of(), link, i.text(null, "guid").or(() -> link),
                        i.child(MEDIA, "thumbnail").or(() -> i.child(MEDIA, "content")).map(t -> t.attribute("url"))
                                .filter(s -> !s.isBlank()), List.of(), i.line()));
            }
            return new Export("RSS feed", channel.text(null, "title"), channel.text(null, "description"),
                    channel.text(null, "language").map(l -> l.toLowerCase(Locale.ROOT)), channel.text(null, "link"),
                    items, Map.of(), Map.of(), Map.of());
        }
        if (!doc.rootName().equals("feed")) {
            throw new LateralException(List.of(Problem.error(file, 1, 1,
                    file.getFileName() + " is not an RSS or Atom feed (it starts with <" + doc.rootName() + ">)",
                    "give the address of the blog's feed (often /feed/ or /atom.xml) or a file saved from it")));
        }
        for (XmlNode e : raw) {
            Optional<String> link = alternate(e);
            String body = e.raw(ATOM, "content");
            List<String> cats = e.all(ATOM, "category").stream().map(c -> c.attribute("term").strip())
                    .filter(s -> !s.isEmpty()).distinct().toList();
            items.add(new Item(Item.Type.POST, e.text(ATOM, "id").orElse(""), Optional.empty(), e.raw(ATOM, "title"),
                    body.isBlank() ? e.raw(ATOM, "summary") : body, Optional.empty(),
                    date(e.text(ATOM, "published").or(() -> e.text(ATOM, "updated"))), date(e.text(ATOM, "updated")),
                    Item.Status.PUBLISHED, link.map(FeedReaders::slugOf), authors(e), cats, List.of(), link,
                    e.text(ATOM, "id"), Optional.empty(), List.of(), e.line()));
        }
        return new Export("Atom feed", channel.text(ATOM, "title"), channel.text(ATOM, "subtitle"),
                Optional.ofNullable(channel.attributes().get("lang")), alternate(channel), items, Map.of(), Map.of(), Map.of());
    }

    private static String kind(XmlNode e) {
        for (XmlNode c : e.all(ATOM, "category")) {
            if (c.attribute("scheme").equals(KIND)) {
                String term = c.attribute("term");
                return term.substring(term.indexOf('#') + 1);
            }
        }
        return "";
    }

    private static List<String> authors(XmlNode e) {
        return e.all(ATOM, "author").stream().map(a -> a.text(ATOM, "name").orElse("")).filter(s -> !s.isBlank())
                .distinct().toList();
    }

    private static Optional<String> alternate(XmlNode e) {
        for (XmlNode l : e.all(ATOM, "link")) {
            String rel = l.attribute("rel");
            if ((rel.isEmpty() || rel.equals("alternate")) && !l.attribute("href").isBlank()) {
                return Optional.of(l.attribute("href").strip());
            }
        }
        return Optional.empty();
    }

    /** {@code https://x.blogspot.com/2015/03/my-post.html} → {@code my-post}. */
    static String slugOf(String link) {
        String path = link.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "").replaceFirst("[?#].*$", "");
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.replaceFirst("\\.html?$", "");
    }

    static Optional<OffsetDateTime> date(Optional<String> text) {
        return text.flatMap(LenientDates::parse).map(i -> i.atOffset(ZoneOffset.UTC));
    }
}
