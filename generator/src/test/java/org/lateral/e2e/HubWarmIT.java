package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.aggregate.fetch.LoopbackServer;
import org.lateral.testing.Html;
import org.lateral.testing.TestSites;

/**
 * A warm run of the hub (every feed answers 304, so the cached, already sanitised entries are used
 * and no feed is parsed) writes the same hub, byte for byte, as reading the feeds again.
 */
@Timeout(120)
class HubWarmIT {

    static final Instant RUN_1 = Instant.parse("2025-03-12T09:00:00Z");
    static final Instant RUN_2 = Instant.parse("2025-03-20T09:00:00Z");

    @TempDir
    Path tmp;

    final LoopbackServer server = new LoopbackServer();
    final AtomicInteger notModified = new AtomicInteger();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Serves a body with an ETag, and 304 to a request that sends the ETag back. */
    void serve(String path, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
        server.route(path, exchange -> {
            if (etag.equals(LoopbackServer.header(exchange, "If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        });
    }

    Path hub(Path dir) {
        serve("/ann", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>Ann &amp; oracy</title><link>https://ann.example/</link><language>en-GB</language>
                <atom:link rel="alternate" type="text/calendar" href="%s"/>
                <item><title>Talk tasks</title><link>/talk/</link><guid>https://ann.example/talk/</guid>
                  <pubDate>Mon, 10 Mar 2025 10:00:00 GMT</pubDate><category>Oracy</category>
                  <content:encoded><![CDATA[<h1 onclick="x()">Talk</h1><p>See <a href="/more">more</a>
                  <img src="pic.png" alt="A class talking"><script>alert(1)</script></p>]]></content:encoded></item>
                <item><title>Not yet published</title><link>https://ann.example/soon/</link>
                  <pubDate>Sat, 15 Mar 2025 10:00:00 GMT</pubDate><description>Soon.</description></item>
                <item><title>Undated thought</title><link>https://ann.example/undated/</link>
                  <description>&lt;p&gt;No date &amp;amp; no fuss.&lt;/p&gt;</description></item>
                </channel></rss>
                """.formatted(server.uri("/ann.ics")));
        serve("/ann.ics", "text/calendar", String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//Ann//EN", "BEGIN:VEVENT", "UID:teachmeet-1@ann.example", "DTSTAMP:20250301T000000Z",
                "DTSTART:20250410T153000Z", "DTEND:20250410T170000Z", "SUMMARY:TeachMeet", "END:VEVENT",
                "END:VCALENDAR", ""));
        serve("/bob", "application/atom+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="cy"><title>Bob's lab</title>
                <link href="https://bob.example/"/><id>urn:bob</id><updated>2025-03-11T10:00:00Z</updated>
                <author><name>Bob Evans</name></author>
                <entry><title type="html">Lab &lt;em&gt;safety&lt;/em&gt;</title><id>urn:bob:lab</id>
                  <link href="https://bob.example/lab/"/><published>2025-03-11T10:00:00Z</published>
                  <updated>2025-03-11T12:00:00Z</updated>
                  <content type="html">&lt;p&gt;Goggles &lt;iframe src="x"&gt;&lt;/iframe&gt;on.&lt;/p&gt;</content></entry>
                <entry><title>Retrieval</title><id>urn:bob:retrieval</id><link href="https://bob.example/r/"/>
                  <updated>2025-03-01T08:00:00Z</updated><summary>Five a day.</summary>
                  <content type="html">&lt;p&gt;Five questions a day, after &lt;a href="https://ann.example/talk/"&gt;Ann's talk tasks&lt;/a&gt;.&lt;/p&gt;</content></entry>
                </feed>
                """);
        serve("/cat", "application/rss+xml", """
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Cat</title>
                <link>https://cat.example/</link>
                <item><title>Excerpt only</title><link>https://cat.example/e/</link>
                  <pubDate>Sun, 09 Mar 2025 10:00:00 GMT</pubDate><description>A short excerpt.</description>
                  <content:encoded>&lt;p&gt;The whole post, which the hub must not show. &lt;a href="http://www.ann.example/talk"&gt;Ann&lt;/a&gt;.&lt;/p&gt;</content:encoded></item>
                </channel></rss>
                """);
        return TestSites.inline(dir, """
                -- site.yaml --
                title: Warm
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }  # the test feeds are on loopback
                language: en-GB
                hub:
                  members:
                    - { name: Ann, feed: "%s" }
                    - { name: Bob, feed: "%s" }
                    - { name: Cat, feed: "%s", excerptOnly: true }
                    - { name: Dee, feed: feeds/dee.xml }
                -- feeds/dee.xml --
                <rss version="2.0"><channel><title>Dee</title><link>https://dee.example/</link>
                <item><title>Local feed</title><link>https://dee.example/l/</link>
                  <pubDate>Fri, 07 Mar 2025 10:00:00 GMT</pubDate><description>Kept beside the hub.</description></item>
                </channel></rss>
                """.formatted(server.uri("/ann"), server.uri("/bob"), server.uri("/cat")));
    }

    @Test
    void aWarmRunWritesTheSameHubByteForByte() throws IOException {
        Path hub = hub(tmp.resolve("hub"));
        HubIT.aggregate(hub, RUN_1);
        Map<String, String> cold = HubRunsIT.snapshot(hub.resolve("public"));
        assertThat(notModified).hasValue(0);

        HubIT.aggregate(hub, RUN_1);

        assertThat(notModified).hasValue(3); // the three feeds over HTTP: nothing was sent again
        assertThat(differences(HubRunsIT.snapshot(hub.resolve("public")), cold)).isEmpty();
        assertThat(Html.page(hub.resolve("public"), "index.html").select("article.hub-entry h2").eachText())
                .contains("Talk tasks", "Lab safety", "Excerpt only", "Local feed", "Undated thought");
        assertThat(cold.values()).noneMatch(page -> page.contains("alert(1)") || page.contains("<iframe")
                || page.contains("which the hub must not show"));
        // the conversations, found from each entry's content links kept in the cache: Bob's answers Ann's
        assertThat(Html.page(hub.resolve("public"), "index.html").select(".hub-responses").text())
                .contains("1 response", "Retrieval");
    }

    @Test
    void aCacheOfTheFormatBeforeContentLinksIsReadAgainAndTheHubIsTheSame() throws IOException {
        Path hub = hub(tmp.resolve("hub"));
        HubIT.aggregate(hub, RUN_1);
        Map<String, String> cold = HubRunsIT.snapshot(hub.resolve("public"));
        // every read file as the previous format kept it: no links, a SHA-256 of the payload
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Path> reads = cacheFiles(hub, ".read");
        assertThat(reads).hasSize(4);
        for (Path read : reads) {
            String text = Files.readString(read);
            int newline = text.indexOf('\n');
            var payload = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(text.substring(newline + 1));
            payload.get("entries").forEach(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove("links"));
            byte[] old = json.writeValueAsBytes(payload);
            var header = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(text.substring(0, newline));
            header.put("format", 2).put("payload", org.lateral.aggregate.parse.ReadFeedFile.sha256(old));
            Files.writeString(read, json.writeValueAsString(header) + "\n" + new String(old, StandardCharsets.UTF_8));
        }

        HubIT.aggregate(hub, RUN_1);

        assertThat(notModified).hasValue(3);
        assertThat(differences(HubRunsIT.snapshot(hub.resolve("public")), cold)).isEmpty();
        for (Path read : reads) {
            assertThat(Files.readString(read)).startsWith("{\"format\":3").contains("\"links\":");
        }
        HubIT.aggregate(hub, RUN_1); // and the upgraded cache gives the same hub again
        assertThat(differences(HubRunsIT.snapshot(hub.resolve("public")), cold)).isEmpty();
    }

    @Test
    void aLaterWarmRunWritesWhatReadingTheBodiesAgainWrites() throws IOException {
        Path hub = hub(tmp.resolve("hub"));
        HubIT.aggregate(hub, RUN_1);
        // the same hub, its cache without the read entries: this one reads every cached body again
        Path again = tmp.resolve("again");
        try (Stream<Path> files = Files.walk(hub)) {
            for (Path f : files.toList()) {
                Path to = again.resolve(hub.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (!f.getFileName().toString().endsWith(".read")) {
                    Files.copy(f, to);
                }
            }
        }
        assertThat(cacheFiles(hub, ".read")).hasSize(4); // the local feed too
        assertThat(cacheFiles(again, ".read")).isEmpty();

        HubIT.aggregate(hub, RUN_2);
        HubIT.aggregate(again, RUN_2);

        assertThat(notModified).hasValue(6);
        assertThat(differences(HubRunsIT.snapshot(hub.resolve("public")), HubRunsIT.snapshot(again.resolve("public"))))
                .isEmpty();
        // "Not yet published" is past its date now: both show it the same way
        assertThat(Html.page(hub.resolve("public"), "index.html").select("article.hub-entry h2").eachText())
                .contains("Not yet published");
    }

    /** The files that differ (but the health report's), each with its first differing line in both. */
    static List<String> differences(Map<String, String> a, Map<String, String> b) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        // the feed-health report says how each feed was fetched this run ("not modified") and how long it took
        names.removeIf(name -> name.startsWith("health" + java.io.File.separator));
        List<String> out = new java.util.ArrayList<>();
        for (String name : names) {
            String x = a.getOrDefault(name, "(missing)");
            String y = b.getOrDefault(name, "(missing)");
            if (!x.equals(y)) {
                String[] xl = x.split("\n", -1);
                String[] yl = y.split("\n", -1);
                int i = 0;
                while (i < xl.length && i < yl.length && xl[i].equals(yl[i])) {
                    i++;
                }
                out.add(name + ":" + (i + 1) + ": " + (i < xl.length ? xl[i] : "") + " <> " + (i < yl.length ? yl[i] : ""));
            }
        }
        return out;
    }

    static List<Path> cacheFiles(Path hub, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(hub.resolve(".lateral-cache"))) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }
}
