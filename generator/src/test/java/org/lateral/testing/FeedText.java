package org.lateral.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Small RSS 2.0 and Atom 1.0 documents for hub tests, written as text so each test shows the feed
 * it reads:
 *
 * <pre>{@code
 * String rss = FeedText.rss("Ann's notes", "https://ann.example/")
 *         .item("Oracy", "https://ann.example/oracy/", "2025-03-04T18:30:00Z", "<p>Talk is a tool.</p>", "oracy")
 *         .build();
 * }</pre>
 */
public final class FeedText {

    /** One post of a feed. */
    public record Item(String title, String link, String guid, Instant date, String html, List<String> categories) {
    }

    private final boolean atom;
    private final String title;
    private final String link;
    private final List<Item> items = new ArrayList<>();

    private FeedText(boolean atom, String title, String link) {
        this.atom = atom;
        this.title = title;
        this.link = link;
    }

    public static FeedText rss(String title, String link) {
        return new FeedText(false, title, link);
    }

    public static FeedText atom(String title, String link) {
        return new FeedText(true, title, link);
    }

    /** An item whose guid is its link. */
    public FeedText item(String title, String link, String isoDate, String html, String... categories) {
        return item(new Item(title, link, link, Instant.parse(isoDate), html, List.of(categories)));
    }

    public FeedText item(Item item) {
        items.add(item);
        return this;
    }

    /** {@code count} posts one day apart, the newest on {@code newest}: "title 1" … "title N". */
    public FeedText numbered(String titlePrefix, String linkPrefix, String newest, int count) {
        Instant t = Instant.parse(newest);
        for (int i = 1; i <= count; i++) {
            String l = linkPrefix + i + "/";
            items.add(new Item(titlePrefix + " " + i, l, l, t.minusSeconds(86_400L * (i - 1)),
                    "<p>" + escape(titlePrefix) + " number " + i + ".</p>", List.of()));
        }
        return this;
    }

    public String build() {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (atom) {
            out.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>").append(escape(title))
                    .append("</title>\n  <id>").append(escape(link)).append("</id>\n  <link href=\"").append(escape(link))
                    .append("\"/>\n  <updated>").append(items.isEmpty() ? "2025-01-01T00:00:00Z" : items.get(0).date())
                    .append("</updated>\n");
            for (Item i : items) {
                out.append("  <entry>\n    <title>").append(escape(i.title())).append("</title>\n    <id>")
                        .append(escape(i.guid())).append("</id>\n    <link rel=\"alternate\" href=\"").append(escape(i.link()))
                        .append("\"/>\n    <published>").append(i.date()).append("</published>\n    <updated>")
                        .append(i.date()).append("</updated>\n    <author><name>").append(escape(title))
                        .append("</name></author>\n");
                for (String c : i.categories()) {
                    out.append("    <category term=\"").append(escape(c)).append("\"/>\n");
                }
                out.append("    <content type=\"html\">").append(escape(i.html())).append("</content>\n  </entry>\n");
            }
            return out.append("</feed>\n").toString();
        }
        out.append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n  <channel>\n")
                .append("    <title>").append(escape(title)).append("</title>\n    <link>").append(escape(link))
                .append("</link>\n    <description>").append(escape(title)).append("</description>\n");
        for (Item i : items) {
            out.append("    <item>\n      <title>").append(escape(i.title())).append("</title>\n      <link>")
                    .append(escape(i.link())).append("</link>\n      <guid>").append(escape(i.guid()))
                    .append("</guid>\n      <pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(i.date().atOffset(ZoneOffset.UTC)))
                    .append("</pubDate>\n");
            for (String c : i.categories()) {
                out.append("      <category>").append(escape(c)).append("</category>\n");
            }
            out.append("      <content:encoded>").append(escape(i.html())).append("</content:encoded>\n    </item>\n");
        }
        return out.append("  </channel>\n</rss>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
