package org.lateral.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes a {@link FeedDocument} as JSON Feed 1.1 ({@code https://jsonfeed.org/version/1.1}) with
 * Jackson: version, title, home_page_url, feed_url, description, language and authors on the feed;
 * id, url, title, content_html (the summary in excerpt mode), summary, image, date_published,
 * date_modified, authors, tags, (for a post in another language) language and (for a reply)
 * {@code _lateral.in_reply_to} on each item. Thread-safe.
 */
final class JsonFeedWriter {

    static final String MEDIA_TYPE = "application/feed+json";
    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private static final String ITEMS = "\n  \"items\" : [ ";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFeedWriter() {
    }

    /** Writes the whole feed at once. */
    static byte[] write(FeedDocument doc) {
        return json(doc).getBytes(StandardCharsets.UTF_8);
    }

    /** The same bytes, with each item's text made once per build in {@code fragments}. */
    static byte[] write(FeedDocument doc, FeedFragments fragments) {
        // "items" is the feed's last member, on a line of its own (no string holds a raw line break): [ {…}, {…} ]
        return fragments.write(FeedFragments.Format.JSON, doc, JsonFeedWriter::json,
                text -> new int[] {text.indexOf(ITEMS) + ITEMS.length(), text.lastIndexOf(" ]")},
                ", ");
    }

    private static String json(FeedDocument doc) {
        ObjectNode feed = JSON.createObjectNode();
        feed.put("version", VERSION);
        feed.put("title", doc.title());
        feed.put("home_page_url", doc.homeUrl());
        feed.put("feed_url", doc.jsonUrl());
        feed.put("description", doc.description());
        feed.put("language", doc.language());
        authors(feed, List.of(doc.author()));
        if (!doc.hubs().isEmpty()) {
            ArrayNode hubs = feed.putArray("hubs");
            doc.hubs().forEach(h -> hubs.addObject().put("type", "WebSub").put("url", h));
        }
        if (!doc.calendarUrl().isEmpty() || !doc.communityUrl().isEmpty()) {
            // a JSON Feed extension (its name starts with an underscore): where a hub finds the site's
            // calendar and its community file (docs/community.md)
            ObjectNode lateral = feed.putObject("_lateral");
            if (!doc.calendarUrl().isEmpty()) {
                lateral.put("calendar", doc.calendarUrl());
            }
            if (!doc.communityUrl().isEmpty()) {
                lateral.put("community", doc.communityUrl());
            }
        }
        ArrayNode items = feed.putArray("items");
        for (FeedEntry e : doc.entries()) {
            ObjectNode item = items.addObject();
            item.put("id", e.id());
            item.put("url", e.url());
            item.put("title", e.title());
            item.put("content_html", doc.full() ? e.contentHtml()
                    : e.summaryHtml().isEmpty() ? e.summaryText() : e.summaryHtml());
            if (!e.summaryText().isEmpty()) {
                item.put("summary", e.summaryText());
            }
            e.image().ifPresent(i -> item.put("image", i.url()));
            e.language().ifPresent(l -> item.put("language", l));
            item.put("date_published", date(e.published()));
            item.put("date_modified", date(e.updated()));
            authors(item, e.authors());
            if (!e.categories().isEmpty()) {
                ArrayNode tags = item.putArray("tags");
                e.categories().stream().map(FeedEntry.Category::name).distinct().forEach(tags::add);
            }
            if (!e.inReplyTo().isEmpty()) {
                // JSON Feed 1.1 has no field for what a post answers: Lateral's extension, as Atom's
                // thr:in-reply-to (RFC 4685) says it: the answered post's id and page
                ArrayNode replies = item.putObject("_lateral").putArray("in_reply_to");
                for (FeedEntry.Reply r : e.inReplyTo()) {
                    ObjectNode reply = replies.addObject().put("id", r.ref());
                    if (!r.href().isEmpty()) {
                        reply.put("url", r.href());
                    }
                }
            }
        }
        try {
            return JSON.writeValueAsString(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON feed " + doc.jsonUrl(), e);
        }
    }

    private static void authors(ObjectNode node, List<FeedEntry.Person> people) {
        ArrayNode authors = node.putArray("authors");
        for (FeedEntry.Person p : people) {
            ObjectNode a = authors.addObject();
            a.put("name", p.name());
            if (!p.url().isEmpty()) {
                a.put("url", p.url());
            }
            if (!p.avatar().isEmpty()) {
                a.put("avatar", p.avatar());
            }
        }
    }

    /** RFC 3339, to the second, with the site's offset. */
    static String date(ZonedDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
