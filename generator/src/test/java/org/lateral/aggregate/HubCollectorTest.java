package org.lateral.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lateral.aggregate.fetch.LoopbackServer.respond;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralException;
import org.lateral.aggregate.FeedStatus.Kind;
import org.lateral.aggregate.fetch.LoopbackServer;
import org.lateral.safety.AddressPolicy;

@Timeout(30)
class HubCollectorTest {

    private static final Instant RUN_1 = Instant.parse("2025-03-10T07:00:00Z");
    private static final Instant RUN_2 = Instant.parse("2025-03-11T07:00:00Z");

    @TempDir
    Path dir;

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static byte[] fixture(String name) {
        try (InputStream in = HubCollectorTest.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A long per-feed deadline, so a busy machine never turns an answer into a time-out (the tests of time-outs set their own). */
    private HubSettings settings() {
        return HubSettings.defaults(dir.resolve("cache")).withTimeout(Duration.ofSeconds(20)).withConcurrency(4)
                .withAddressPolicy(AddressPolicy.publicOnly().allowing(List.of("127.0.0.1")));
    }

    private HubCollector collector(Instant now) {
        return new HubCollector(settings(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private Subscription member(String name, String path) {
        return Subscription.of(name, new FeedLocation.Remote(server.uri(path)));
    }

    private static FeedReport report(Collected collected, String memberId) {
        return collected.report().feeds().stream().filter(f -> f.memberId().equals(memberId)).findFirst().orElseThrow();
    }

    @Test
    void oneBadFeedNeverStopsTheOthers() throws IOException {
        server.route("/ann", respond(200, "application/rss+xml; charset=utf-8", fixture("valid/rss20.xml")));
        server.route("/bob", respond(200, "text/html", fixture("valid/atom10.xml")));
        server.route("/page", respond(200, "application/rss+xml", fixture("broken/html-page.html")));
        server.route("/gone", respond(410, "text/plain", "gone"));
        server.route("/broken", respond(200, "application/xml", fixture("broken/unclosed.xml")));
        server.route("/deep", respond(200, "application/xml", "<rss version=\"2.0\"><channel>" + "<x>".repeat(100_000)
                + "</x>".repeat(100_000) + "</channel></rss>"));
        try (LoopbackServer.Raw hang = new LoopbackServer.Raw((in, out) -> Thread.sleep(60_000))) {
            List<Subscription> members = List.of(member("Ann", "/ann"), member("Bob", "/bob"), member("Page", "/page"),
                    member("Gone", "/gone"), member("Broken", "/broken"), member("Deep", "/deep"),
                    Subscription.of("Hang", new FeedLocation.Remote(hang.uri("/feed"))));
            List<String> progress = new CopyOnWriteArrayList<>();

            Collected hub = new HubCollector(settings().withTimeout(Duration.ofSeconds(4)), Clock.fixed(RUN_1, ZoneOffset.UTC))
                    .collect(members, (r, done, total) -> progress.add(done + "/" + total));
            assertThat(progress).hasSize(7).contains("7/7");
            Map<String, Long> perMember = hub.entries().stream()
                    .collect(Collectors.groupingBy(Entry::memberId, Collectors.counting()));
            assertThat(perMember).containsOnlyKeys("ann", "bob").containsEntry("ann", 5L).containsEntry("bob", 3L);
            assertThat(hub.entries()).isSortedAccordingTo(EntryMerger.NEWEST_FIRST);
            assertThat(report(hub, "bob").status().kind()).isEqualTo(Kind.OK);
            assertThat(report(hub, "page").status().message()).isEqualTo("not a feed: this address returns a web page");
            assertThat(report(hub, "gone").status().message()).isEqualTo("HTTP 410 Gone: remove this subscription");
            assertThat(report(hub, "broken").status().message()).startsWith("not well-formed XML at line 8: ");
            assertThat(report(hub, "deep").status().kind()).isEqualTo(Kind.TOO_COMPLEX);
            assertThat(report(hub, "hang").status().message()).isEqualTo("timed out after 4 s");
            assertThat(hub.report().okCount()).isEqualTo(2);
            assertThat(hub.report().noFeedRead()).isFalse();
            for (FeedReport failed : hub.report().failures()) {
                assertThat(failed.status().fix()).isNotBlank();
                assertThat(failed.format()).doesNotContain("Exception").doesNotContain("SECRET-PAGE-CONTENT");
            }
        }
    }

    @Test
    void theHealthReportIsWrittenAsJson() throws IOException {
        server.route("/ann", respond(200, "application/rss+xml", fixture("valid/rss20.xml")));
        server.route("/gone", respond(410, "text/plain", "gone"));

        Collected hub = collector(RUN_1).collect(List.of(member("Ann", "/ann"), member("Gone", "/gone")));
        JsonNode json = new ObjectMapper().readTree(new HealthReportWriter().toJson(hub.report()));

        assertThat(json.get("generated").asText()).isEqualTo("2025-03-10T07:00:00Z");
        assertThat(json.get("feeds").asInt()).isEqualTo(2);
        assertThat(json.get("ok").asInt()).isEqualTo(1);
        JsonNode ann = json.get("subscriptions").get(0);
        assertThat(ann.get("member").asText()).isEqualTo("ann");
        assertThat(ann.get("status").asText()).isEqualTo("ok");
        assertThat(ann.get("entries").asInt()).isEqualTo(5);
        assertThat(ann.get("lastGoodFetch").asText()).isEqualTo("2025-03-10T07:00:00Z");
        JsonNode gone = json.get("subscriptions").get(1);
        assertThat(gone.get("status").asText()).isEqualTo("gone");
        assertThat(gone.get("ok").asBoolean()).isFalse();
        assertThat(gone.get("httpStatus").asInt()).isEqualTo(410);
        assertThat(gone.get("message").asText()).isEqualTo("HTTP 410 Gone: remove this subscription");
        assertThat(gone.get("lastGoodFetch").isNull()).isTrue();
    }

    @Test
    void aFailingFeedKeepsTheEntriesOfItsLastGoodFetch() {
        AtomicReference<HttpHandler> ann = new AtomicReference<>(
                respond(200, "application/rss+xml", fixture("valid/rss20.xml")));
        server.route("/ann", exchange -> ann.get().handle(exchange));
        List<Subscription> members = List.of(member("Ann", "/ann"));
        Collected first = collector(RUN_1).collect(members);

        ann.set(respond(500, "text/plain", "down"));
        Collected second = collector(RUN_2).collect(members);

        assertThat(second.entries()).extracting(Entry::id).containsExactlyElementsOf(
                first.entries().stream().map(Entry::id).toList());
        FeedReport report = report(second, "ann");
        assertThat(report.status().message()).isEqualTo("HTTP 500 Internal Server Error");
        assertThat(report.fromLastGoodFetch()).isTrue();
        assertThat(report.lastGoodFetch()).contains(RUN_1);
        assertThat(report.entryCount()).isEqualTo(5);
        assertThat(report.format()).contains("showing 5 entries from the last good fetch");
    }

    @Test
    void aFeedThatBreaksKeepsItsLastGoodEntriesAndTheCacheKeepsTheGoodBody() {
        AtomicReference<byte[]> body = new AtomicReference<>(fixture("valid/atom10.xml"));
        server.route("/bob", exchange -> respond(200, "application/atom+xml", body.get()).handle(exchange));
        List<Subscription> members = List.of(member("Bob", "/bob"));
        collector(RUN_1).collect(members);

        body.set(fixture("broken/truncated.xml"));
        Collected broken = collector(RUN_2).collect(members);
        Collected stillBroken = collector(RUN_2.plusSeconds(3600)).collect(members);

        assertThat(broken.entries()).hasSize(3);
        assertThat(report(broken, "bob").status().kind()).isEqualTo(Kind.MALFORMED_XML);
        assertThat(stillBroken.entries()).hasSize(3);
        assertThat(report(stillBroken, "bob").lastGoodFetch()).contains(RUN_1);
    }

    @Test
    void conditionalGetReusesTheCachedEntriesAndFirstSeenTimes() {
        server.route("/cond", exchange -> {
            if ("\"v1\"".equals(LoopbackServer.header(exchange, "If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                respond(200, "application/rss+xml", fixture("valid/rss20.xml"), "ETag", "\"v1\"").handle(exchange);
            }
        });
        List<Subscription> members = List.of(member("Ann", "/cond"));
        collector(RUN_1).collect(members);

        Collected second = collector(RUN_2).collect(members);

        assertThat(report(second, "ann").status().kind()).isEqualTo(Kind.NOT_MODIFIED);
        assertThat(report(second, "ann").lastGoodFetch()).contains(RUN_2);
        assertThat(second.entries()).hasSize(5);
        Entry undated = second.entries().stream().filter(e -> e.title().equals("Undated thought")).findFirst().orElseThrow();
        assertThat(undated.published()).isEqualTo(RUN_1);
        assertThat(undated.firstSeen()).isEqualTo(RUN_1);
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).headers().getFirst("If-None-Match")).isEqualTo("\"v1\"");
    }

    /** A feed that answers 304 once it has been read (its ETag sent back). */
    private void conditional(String path, String fixture) {
        server.route(path, exchange -> {
            if ("\"v1\"".equals(LoopbackServer.header(exchange, "If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                respond(200, "application/rss+xml", fixture(fixture), "ETag", "\"v1\"").handle(exchange);
            }
        });
    }

    private HubCollector collector(Instant now, String sanitizerVersion) {
        return new HubCollector(settings(), Clock.fixed(now, ZoneOffset.UTC), sanitizerVersion);
    }

    @Test
    void aWarmRunGivesTheSameEntriesAsReadingTheCachedBodyAgain() throws IOException {
        conditional("/cond", "valid/rss20.xml");
        server.route("/same", respond(200, "application/atom+xml", fixture("valid/atom10.xml"))); // no validators
        List<Subscription> members = List.of(member("Ann", "/cond"), member("Bob", "/same").withExcerptOnly(true));
        collector(RUN_1).collect(members);
        Path cacheDir = dir.resolve("cache");
        Path copy = Files.createDirectories(dir.resolve("copy"));
        try (var files = Files.list(cacheDir)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().endsWith(".read")) { // the copy keeps the bodies, not what was read
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }

        Collected warm = collector(RUN_2).collect(members);
        Collected reread = new HubCollector(HubSettings.defaults(copy).withTimeout(Duration.ofSeconds(20))
                .withAddressPolicy(AddressPolicy.publicOnly().allowing(List.of("127.0.0.1"))),
                Clock.fixed(RUN_2, ZoneOffset.UTC)).collect(members);

        assertThat(report(warm, "ann").status().kind()).isEqualTo(Kind.NOT_MODIFIED);
        assertThat(warm.entries()).hasSize(8).isEqualTo(reread.entries());
        assertThat(warm.byMember()).isEqualTo(reread.byMember());
        assertThat(warm.entries()).filteredOn(e -> e.memberId().equals("bob")).allMatch(e -> e.contentHtml().isEmpty());
    }

    @Test
    void entriesKeptByAnotherSanitiserVersionAreSanitisedAgain() {
        conditional("/cond", "valid/rss20.xml");
        Subscription ann = member("Ann", "/cond");
        List<Subscription> members = List.of(ann);
        Collected first = collector(RUN_1, "sanitizer-A").collect(members);
        // What the cache keeps is used as it is by the same version: mark it to see which was used.
        org.lateral.aggregate.fetch.FeedCache cache = new org.lateral.aggregate.fetch.FeedCache(dir.resolve("cache"));
        org.lateral.aggregate.fetch.CachedFeed cached = cache.load(ann.feed()).orElseThrow();
        org.lateral.aggregate.parse.ReadFeedFile fileA = new org.lateral.aggregate.parse.ReadFeedFile("sanitizer-A");
        org.lateral.aggregate.parse.ReadFeedFile.Source source = new org.lateral.aggregate.parse.ReadFeedFile.Source(
                cached.bodySha256(), ann.feed().uri(), cached.charset());
        org.lateral.aggregate.parse.ReadFeed kept = fileA.decode(cache.read(ann.feed()).orElseThrow(), source)
                .orElseThrow();
        List<org.lateral.aggregate.parse.ReadEntry> marked = kept.entries().stream()
                .map(e -> new org.lateral.aggregate.parse.ReadEntry(e.id(), e.title(), e.link(), e.authors(),
                        e.categories(), e.published(), e.updated(), "<p>MARKED</p>", e.summary(), e.enclosures(),
                        e.image(), e.language(), e.replyTo(), e.summaryOnly())).toList();
        cache.storeRead(ann.feed(), fileA.encode(new org.lateral.aggregate.parse.ReadFeed(kept.title(), kept.siteLink(),
                marked), source));

        Collected sameVersion = collector(RUN_2, "sanitizer-A").collect(members);
        Collected newVersion = collector(RUN_2, "sanitizer-B").collect(members);

        assertThat(report(sameVersion, "ann").status().kind()).isEqualTo(Kind.NOT_MODIFIED);
        assertThat(sameVersion.entries()).hasSize(5).allMatch(e -> e.contentHtml().equals("<p>MARKED</p>"));
        assertThat(report(newVersion, "ann").status().kind()).isEqualTo(Kind.NOT_MODIFIED);
        assertThat(newVersion.entries()).extracting(Entry::contentHtml)
                .containsExactlyElementsOf(first.entries().stream().map(Entry::contentHtml).toList())
                .noneMatch(html -> html.contains("MARKED"));
        // read again by the new version, and kept as the new version read it
        assertThat(new org.lateral.aggregate.parse.ReadFeedFile("sanitizer-B")
                .decode(cache.read(ann.feed()).orElseThrow(), source)).isPresent();
        assertThat(fileA.decode(cache.read(ann.feed()).orElseThrow(), source)).isEmpty();
    }

    private static final String THREADED = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
              <title>Cy's notes</title>
              <id>tag:cy.example,2025:blog</id>
              <updated>2025-03-02T12:00:00Z</updated>
              <link rel="alternate" href="https://cy.example/"/>
              <entry>
                <title>An answer to Bob</title>
                <id>tag:cy.example,2025:answer</id>
                <link rel="alternate" href="https://cy.example/answer/"/>
                <thr:in-reply-to ref="tag:bob.example,2025:coaching" href="https://bob.example/posts/2025/coaching/"/>
                <updated>2025-03-02T09:00:00Z</updated>
                <content type="html">&lt;p&gt;Yes, and &lt;a href="https://dee.example/grow/"&gt;Dee's post&lt;/a&gt; too.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>Only a summary</title>
                <id>tag:cy.example,2025:summary</id>
                <link rel="alternate" href="https://cy.example/summary/"/>
                <updated>2025-03-01T09:00:00Z</updated>
                <summary>The whole post is on my site.</summary>
              </entry>
            </feed>
            """;

    private void conditionalAtom(String path, String body) {
        server.route(path, exchange -> {
            if ("\"t1\"".equals(LoopbackServer.header(exchange, "If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                respond(200, "application/atom+xml", body, "ETag", "\"t1\"").handle(exchange);
            }
        });
    }

    @Test
    void aWarmRunKeepsWhatEntriesAnswerAndWhetherTheFeedCarriedTheWholePost() {
        conditionalAtom("/cy", THREADED);
        conditionalAtom("/cy-excerpt", THREADED.replace("cy.example", "cy2.example"));
        List<Subscription> members = List.of(member("Cy", "/cy"),
                member("Cy two", "/cy-excerpt").withExcerptOnly(true));
        Collected cold = collector(RUN_1).collect(members);

        Collected warm = collector(RUN_2).collect(members);

        assertThat(report(warm, "cy").status().kind()).isEqualTo(Kind.NOT_MODIFIED);
        assertThat(report(warm, "cy-two").status().kind()).isEqualTo(Kind.NOT_MODIFIED);
        assertThat(warm.entries()).isEqualTo(cold.entries());
        Entry answer = warm.entries().stream().filter(e -> e.id().equals("tag:cy.example,2025:answer")).findFirst()
                .orElseThrow();
        assertThat(answer.refersTo()).containsExactly("tag:bob.example,2025:coaching",
                "https://bob.example/posts/2025/coaching/");
        assertThat(answer.summaryOnly()).isFalse();
        Entry excerpt = warm.entries().stream().filter(e -> e.id().equals("tag:cy2.example,2025:answer"))
                .findFirst().orElseThrow();
        assertThat(excerpt.contentHtml()).isEmpty();
        assertThat(excerpt.refersTo()).contains("https://bob.example/posts/2025/coaching/", "https://dee.example/grow/");
        assertThat(warm.entries()).filteredOn(e -> e.title().equals("Only a summary")).hasSize(2)
                .allMatch(Entry::summaryOnly);
    }

    @Test
    void aReadFileOfTheFormatBeforeThreadLinksIsReadAgainFromTheBody() throws IOException {
        conditionalAtom("/cy", THREADED);
        List<Subscription> members = List.of(member("Cy", "/cy"));
        Collected cold = collector(RUN_1).collect(members);
        Path read;
        try (var files = Files.list(dir.resolve("cache"))) {
            read = files.filter(f -> f.toString().endsWith(".read")).findFirst().orElseThrow();
        }
        // the file as the first format kept it: no replyTo nor summaryOnly, an "extra" map; marked to see if it is used
        String text = Files.readString(read);
        int newline = text.indexOf('\n');
        ObjectMapper json = new ObjectMapper();
        var payload = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(text.substring(newline + 1));
        for (JsonNode entry : payload.get("entries")) {
            var e = (com.fasterxml.jackson.databind.node.ObjectNode) entry;
            e.remove(List.of("replyTo", "summaryOnly"));
            e.putObject("extra");
            e.put("content", "<p>MARKED</p>");
        }
        byte[] oldPayload = json.writeValueAsBytes(payload);
        var header = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(text.substring(0, newline));
        header.put("format", 1);
        header.put("payload", org.lateral.aggregate.parse.ReadFeedFile.sha256(oldPayload));
        Files.writeString(read, json.writeValueAsString(header) + "\n"
                + new String(oldPayload, java.nio.charset.StandardCharsets.UTF_8));

        Collected warm = collector(RUN_2).collect(members);

        assertThat(report(warm, "cy").status().kind()).isEqualTo(Kind.NOT_MODIFIED);
        assertThat(warm.entries()).isEqualTo(cold.entries()).noneMatch(e -> e.contentHtml().contains("MARKED"));
        assertThat(warm.entries().get(0).refersTo()).isNotEmpty();
        assertThat(Files.readString(read)).startsWith("{\"format\":2");
    }

    @Test
    void aDamagedCacheFileIsReadAgainNeverTrusted() throws IOException {
        conditional("/cond", "valid/rss20.xml");
        Subscription ann = member("Ann", "/cond");
        List<Subscription> members = List.of(ann);
        collector(RUN_1).collect(members);
        Collected expected = collector(RUN_2).collect(members);
        Path cacheDir = dir.resolve("cache");
        Path read;
        Path meta;
        try (var files = Files.list(cacheDir)) {
            List<Path> all = files.toList();
            read = all.stream().filter(f -> f.toString().endsWith(".read")).findFirst().orElseThrow();
        }
        // the feed's own record, beside its .read file (the folder also holds the hub's reply-pages.json)
        String stem = read.getFileName().toString().replaceFirst("\\.read$", "");
        meta = read.resolveSibling(stem + ".json");
        assertThat(meta).isRegularFile();
        byte[] good = Files.readAllBytes(read);
        byte[] flipped = good.clone();
        int at = new String(good, java.nio.charset.StandardCharsets.UTF_8).indexOf("\"entries\"") + 20;
        flipped[at] = (byte) (flipped[at] == 'x' ? 'y' : 'x'); // one byte of the payload changed: its hash no longer matches
        List<byte[]> damaged = List.of(java.util.Arrays.copyOf(good, good.length / 2), "not json at all\n{}".getBytes(),
                new byte[0], flipped, java.util.Arrays.copyOf(good, new String(good,
                        java.nio.charset.StandardCharsets.UTF_8).indexOf('\n') + 1)); // the header alone
        for (byte[] bad : damaged) {
            Files.write(read, bad);
            Collected again = collector(RUN_2).collect(members);
            assertThat(report(again, "ann").status().kind()).isEqualTo(Kind.NOT_MODIFIED);
            assertThat(again.entries()).isEqualTo(expected.entries());
            assertThat(Files.readAllBytes(read)).isEqualTo(good); // read again from the body and kept whole
        }
        Files.writeString(meta, "{\"format\": 1, \"lastGoodFetch\": \"yesterday\"");
        Collected fresh = collector(RUN_2).collect(members);
        assertThat(report(fresh, "ann").status().kind()).isEqualTo(Kind.OK); // fetched afresh
        assertThat(fresh.entries()).extracting(Entry::id)
                .containsExactlyInAnyOrderElementsOf(expected.entries().stream().map(Entry::id).toList());
    }

    @Test
    void aFeedServedAsHtmlIsStillReadAndAPageServedAsRssIsNot() {
        server.route("/feed-as-html", respond(200, "text/html; charset=utf-8", fixture("valid/rss10.xml")));
        server.route("/page-as-rss", respond(200, "application/rss+xml", fixture("broken/html-page-no-doctype.html")));

        Collected hub = collector(RUN_1).collect(List.of(member("Rita", "/feed-as-html"), member("Page", "/page-as-rss")));

        assertThat(report(hub, "rita").status().kind()).isEqualTo(Kind.OK);
        assertThat(report(hub, "page").status().kind()).isEqualTo(Kind.NOT_A_FEED);
    }

    @Test
    void readsLocalFeedsAndNamesMissingOnes() throws IOException {
        Path feed = Files.write(dir.resolve("ann.xml"), fixture("valid/rss20.xml"));
        Path secret = Files.writeString(dir.resolve("notes.txt"), "SECRET-NOTES do not publish");

        Collected hub = collector(RUN_1).collect(List.of(
                Subscription.of("Ann", FeedLocation.parse(feed.toUri().toString(), dir)),
                Subscription.of("Missing", FeedLocation.parse("missing.xml", dir)),
                Subscription.of("Notes", FeedLocation.parse("notes.txt", dir))));

        assertThat(report(hub, "ann").status().kind()).isEqualTo(Kind.OK);
        assertThat(report(hub, "missing").status().message()).isEqualTo("file not found");
        assertThat(report(hub, "notes").status().kind()).isEqualTo(Kind.NOT_A_FEED);
        assertThat(report(hub, "notes").format()).doesNotContain("SECRET");
        assertThat(Files.readString(secret)).contains("SECRET"); // untouched
        assertThat(hub.entries()).allSatisfy(e -> assertThat(e.memberId()).isEqualTo("ann"));
        assertThat(Jsoup.parseBodyFragment(hub.entries().get(0).contentHtml()).select("script")).isEmpty();
    }

    @Test
    void aTooLargeFeedIsNamedWithTheLimit() {
        server.route("/big", respond(200, "application/rss+xml", new byte[200 * 1024]));

        Collected hub = new HubCollector(settings().withMaxFeedSize(64 * 1024), Clock.fixed(RUN_1, ZoneOffset.UTC))
                .collect(List.of(member("Big", "/big")));

        assertThat(report(hub, "big").status().message()).isEqualTo("larger than the 64 KB limit");
    }

    @Test
    void whenNoFeedAtAllCanBeReadTheReportSaysSo() {
        server.route("/a", respond(404, "text/plain", "no"));
        server.route("/b", respond(503, "text/plain", "busy"));

        Collected hub = collector(RUN_1).collect(List.of(member("A", "/a"), member("B", "/b")));

        assertThat(hub.entries()).isEmpty();
        assertThat(hub.report().noFeedRead()).isTrue();
        assertThat(hub.report().failedCount()).isEqualTo(2);
    }

    @Test
    void twoMembersWithTheSameIdAreAConfigurationError() {
        List<Subscription> members = List.of(member("Ann", "/a"), member("ANN", "/b"));

        assertThatThrownBy(() -> collector(RUN_1).collect(members)).isInstanceOfSatisfying(LateralException.class,
                e -> assertThat(e.problems().get(0).message()).isEqualTo("two members have the id \"ann\""));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aPostInTwoMembersFeedsAppearsOnce() {
        server.route("/ann", respond(200, "application/rss+xml", fixture("valid/rss20.xml")));
        server.route("/network", respond(200, "application/rss+xml", """
                <rss version="2.0"><channel><title>Network digest</title>
                <item><title>Repost</title><link>http://www.ann.example/posts/teachmeet-oracy?utm_source=digest</link>
                <pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate></item></channel></rss>"""));

        Collected hub = collector(RUN_1).collect(List.of(member("Ann", "/ann").withSite(URI.create("https://ann.example/")),
                member("Network", "/network")));

        assertThat(hub.entries()).filteredOn(e -> e.link().map(URI::getPath).orElse("").startsWith("/posts/teachmeet"))
                .singleElement().satisfies(e -> assertThat(e.memberId()).isEqualTo("ann"));
        // the network's own page still lists its repost: only the river is deduplicated across members
        assertThat(hub.byMember().get("network")).hasSize(1);
    }

    @Test
    void aFeedOnALoopbackAddressIsRefusedByDefaultWithAClearMessage() {
        server.route("/ann", respond(200, "application/rss+xml", fixture("valid/rss20.xml")));
        HubCollector strict = new HubCollector(settings().withAddressPolicy(AddressPolicy.publicOnly()),
                Clock.fixed(RUN_1, ZoneOffset.UTC));

        Collected hub = strict.collect(List.of(member("Ann", "/ann")));

        FeedReport ann = report(hub, "ann");
        assertThat(ann.status().kind()).isEqualTo(Kind.ADDRESS_REFUSED);
        assertThat(ann.status().message()).isEqualTo("refused: the address 127.0.0.1 is a loopback address (this machine)");
        assertThat(ann.status().fix()).contains("network: { allow:").contains("--allow-address");
        assertThat(server.hits("/ann")).isZero();
    }

    @Test
    void aRedirectToAnInternalAddressIsRefusedEvenWhenTheFirstAddressIsAllowed() {
        server.route("/ann", LoopbackServer.redirect(302, "http://10.20.30.40/feed.xml"));
        server.route("/meta", LoopbackServer.redirect(301, "http://[::ffff:169.254.169.254]/latest/"));

        Collected hub = collector(RUN_1).collect(List.of(member("Ann", "/ann"), member("Meta", "/meta")));

        assertThat(report(hub, "ann").status().message())
                .isEqualTo("refused: the address 10.20.30.40 is on a private network, where the feed's server"
                        + " redirected the hub");
        assertThat(report(hub, "meta").status().kind()).isEqualTo(Kind.ADDRESS_REFUSED);
        assertThat(report(hub, "meta").status().message()).contains("169.254.169.254").contains("link-local");
    }

    @Test
    void aRunDeadlineReportsFeedsNotReadInTimeAndTheRunStillEnds() {
        server.route("/slow", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        HubCollector collector = new HubCollector(settings().withTimeout(Duration.ofSeconds(20))
                .withRunDeadline(Duration.ofMillis(300)), Clock.fixed(RUN_1, ZoneOffset.UTC));

        Collected hub = collector.collect(List.of(member("Slow", "/slow")));

        assertThat(report(hub, "slow").status().kind()).isEqualTo(Kind.NOT_READ_IN_TIME);
        assertThat(report(hub, "slow").status().message()).contains("the hub run's time limit of 300 ms");
    }
}
