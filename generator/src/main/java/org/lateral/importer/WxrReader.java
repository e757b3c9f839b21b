package org.lateral.importer;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lateral.LateralException;
import org.lateral.Problem;

/**
 * A WordPress export (WXR 1.0, 1.1 or 1.2: RSS 2.0 with the {@code wp:} namespace, {@code http} or
 * {@code https}). Posts and pages become {@link Item}s; attachments give the media map; menu items,
 * custom types and trashed posts are counted for the report.
 */
final class WxrReader {

    static final String WP = "http://wordpress.org/export/";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private WxrReader() {
    }

    static Export read(InputStream in, Path file, ZoneId zone) {
        List<XmlNode> raw = new ArrayList<>();
        ExportXml.Document doc = ExportXml.read(in, file, raw::add);
        XmlNode channel = doc.channel();
        if (!doc.rootName().equals("rss") || channel.text(WP, "wxr_version").isEmpty() && channel.text(WP, "base_site_url").isEmpty()
                && raw.stream().noneMatch(i -> i.child(WP, "post_type").isPresent())) {
            throw new LateralException(List.of(Problem.error(file, 1, 1,
                    file.getFileName() + " is not a WordPress export (no wp:wxr_version in it)",
                    "in WordPress choose Tools → Export → All content and give the .xml file it downloads"
                            + ("feed".equals(doc.rootName()) ? " (this file looks like a Blogger export: use lateral import blogger)" : ""))));
        }
        Map<String, String> authors = new HashMap<>();
        for (XmlNode a : channel.all(WP, "author")) {
            a.text(WP, "author_login").ifPresent(login -> authors.put(login,
                    a.text(WP, "author_display_name").orElse(login)));
        }
        Map<String, String> attachments = new LinkedHashMap<>();
        Map<String, List<String>> byParent = new LinkedHashMap<>();
        Map<String, String> attachmentPages = new HashMap<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (XmlNode i : raw) {
            String type = i.text(WP, "post_type").orElse("post");
            if (type.equals("attachment")) {
                Optional<String> url = i.text(WP, "attachment_url").or(() -> i.text(null, "guid"));
                String id = i.text(WP, "post_id").orElse("");
                url.ifPresent(u -> {
                    attachments.put(id, u);
                    // galleries link each picture to its own page on the old blog: the picture itself instead
                    i.text(null, "link").filter(l -> l.startsWith("http"))
                            .ifPresent(l -> attachmentPages.put(Export.pageKey(l), u));
                    String parent = i.text(WP, "post_parent").orElse("0");
                    byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(u);
                });
            }
        }
        List<Item> items = new ArrayList<>();
        for (XmlNode i : raw) {
            String type = i.text(WP, "post_type").orElse("post");
            String status = i.text(WP, "status").orElse("publish");
            if (type.equals("attachment")) {
                continue;
            }
            if (!type.equals("post") && !type.equals("page")) {
                skipped.merge(type.equals("nav_menu_item") ? "menu items" : "items of type " + type, 1, Integer::sum);
                continue;
            }
            if (status.equals("trash") || status.equals("auto-draft") || status.equals("inherit")) {
                skipped.merge(status.equals("trash") ? "posts in the bin" : "automatic drafts", 1, Integer::sum);
                continue;
            }
            items.add(item(i, type, status, authors, attachments, zone));
        }
        return new Export("WordPress (WXR " + channel.text(WP, "wxr_version").orElse("?") + ")",
                channel.text(null, "title"), channel.text(null, "description"),
                channel.text(null, "language").map(l -> l.toLowerCase(Locale.ROOT).replace('_', '-')),
                channel.text(WP, "base_blog_url").or(() -> channel.text(null, "link")),
                items, attachments, byParent, skipped, attachmentPages);
    }

    private static Item item(XmlNode i, String type, String wpStatus, Map<String, String> authors,
            Map<String, String> attachments, ZoneId zone) {
        Item.Status status = switch (wpStatus) {
            case "publish" -> Item.Status.PUBLISHED;
            case "future" -> Item.Status.SCHEDULED;
            case "pending" -> Item.Status.PENDING;
            case "private" -> Item.Status.PRIVATE;
            default -> Item.Status.DRAFT;
        };
        if (i.text(WP, "post_password").isPresent()) {
            status = Item.Status.PASSWORD;
        }
        List<String> tags = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (XmlNode c : i.all(null, "category")) {
            String name = c.text().strip();
            if (name.isEmpty()) {
                continue;
            }
            String domain = c.attribute("domain");
            if (domain.equals("post_tag") && !tags.contains(name)) {
                tags.add(name);
            } else if (domain.equals("category") && !c.attribute("nicename").equals("uncategorized")
                    && !name.equalsIgnoreCase("Uncategorized") && !categories.contains(name)) {
                categories.add(name);
            }
        }
        Optional<String> image = Optional.empty();
        for (XmlNode m : i.all(WP, "postmeta")) {
            if (m.text(WP, "meta_key").orElse("").equals("_thumbnail_id")) {
                image = m.text(WP, "meta_value").map(attachments::get);
            }
        }
        List<Item.Comment> comments = new ArrayList<>();
        for (XmlNode c : i.all(WP, "comment")) {
            String ctype = c.text(WP, "comment_type").orElse("comment");
            if (c.text(WP, "comment_approved").orElse("0").equals("1") && ctype.equals("comment")) {
                comments.add(new Item.Comment(c.text(WP, "comment_author").orElse("Anonymous"),
                        c.text(WP, "comment_author_url"),
                        date(c.text(WP, "comment_date_gmt"), c.text(WP, "comment_date"), zone),
                        c.raw(WP, "comment_content").strip()));
            }
        }
        List<String> names = i.text(DC, "creator").map(login -> List.of(authors.getOrDefault(login, login)))
                .orElse(List.of());
        String parent = i.text(WP, "post_parent").orElse("0");
        return new Item(type.equals("page") ? Item.Type.PAGE : Item.Type.POST, i.text(WP, "post_id").orElse(""),
                parent.equals("0") ? Optional.empty() : Optional.of(parent),
                i.raw(null, "title"), i.raw(CONTENT, "encoded"),
                i.child(WP, "encoded").or(() -> i.children().stream()
                        .filter(n -> n.name().equals("encoded") && n.namespace().contains("excerpt")).findFirst())
                        .map(n -> n.text().strip()).filter(s -> !s.isEmpty()),
                date(i.text(WP, "post_date_gmt"), i.text(WP, "post_date"), zone),
                date(i.text(WP, "post_modified_gmt"), i.text(WP, "post_modified"), zone),
                status, i.text(WP, "post_name"), names, tags, categories, i.text(null, "link"),
                i.text(null, "guid"), image, comments, i.line());
    }

    /** From the GMT field; from the local one in the site's zone when GMT is missing or zero (drafts). */
    static Optional<OffsetDateTime> date(Optional<String> gmt, Optional<String> local, ZoneId zone) {
        Optional<OffsetDateTime> g = gmt.flatMap(WxrReader::parse).map(d -> d.atOffset(ZoneOffset.UTC));
        return g.or(() -> local.flatMap(WxrReader::parse).map(d -> d.atZone(zone).toOffsetDateTime()));
    }

    private static Optional<LocalDateTime> parse(String s) {
        if (s.startsWith("0000")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(s.strip(), WP_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
