package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.AggregateRequest;
import org.lateral.AggregateResult;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.aggregate.fetch.LoopbackServer;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * Replies from members whose feeds carry only summaries, and replies a feed states (RFC 4685
 * {@code thr:in-reply-to}): member sites built by Lateral, served on loopback, aggregated. Cat's
 * feed is summary-only ({@code feeds.full: false}) and her link to Ann's post is in the second
 * paragraph, so only her post's page has it: the hub reads that page once and finds the reply.
 * Dan names what he answers in his front matter ({@code in_reply_to:}), which his feed says with
 * {@code thr:in-reply-to}. Eve's post page is broken: a note on the health page, never a stop.
 */
@Timeout(180)
class HubRepliesIT {

    static final Instant NOW = Instant.parse("2030-03-13T09:00:00Z");
    static final Instant LATER = Instant.parse("2030-03-14T09:00:00Z");

    @TempDir
    Path tmp;
    final LoopbackServer server = new LoopbackServer();
    final java.util.Map<String, Path> sites = new java.util.HashMap<>();

    @AfterEach
    void close() {
        server.close();
    }

    /** Builds a member site served at {@code /name/}: its feeds as Atom, its pages as HTML. */
    Path member(String name, String siteYaml, String posts) {
        Path site = TestSites.inline(tmp.resolve(name), """
                -- site.yaml --
                title: %s's blog
                baseUrl: %s
                timezone: Europe/London
                """.formatted(name, server.uri("/" + name + "/")) + siteYaml + posts);
        Lateral.build(BuildRequest.of(site).withNow(NOW));
        sites.put(name, site);
        Path out = site.resolve("public");
        server.route("/" + name + "/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring(name.length() + 2);
            Path file = out.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
            if (!Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", file.toString().endsWith(".xml")
                    ? "application/atom+xml" : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
        return site;
    }

    static String post(String file, String title, String date, String extra, String body) {
        return """
                -- content/posts/%s.md --
                ---
                title: "%s"
                date: %s
                %s---
                %s
                """.formatted(file, title, date, extra, body);
    }

    static AggregateResult aggregate(Path hub, Instant now) {
        return Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(now, ZoneOffset.UTC)));
    }

    Path network() {
        String annsPost = server.uri("/ann/2030/03/retrieval-starters/").toString();
        member("ann", "", post("2030-03-05-retrieval-starters", "Retrieval starters", "2030-03-05T10:00:00Z", "",
                "Five questions a day."));
        member("cat", "feeds: { full: false }\n", post("2030-03-06-starters-in-science", "Starters in science",
                "2030-03-06T10:00:00Z", "", "I tried this in Year 9 science.\n\n## Why\n\nIt follows [Ann's starters](" + annsPost
                        + ") closely."));
        member("dan", "", post("2030-03-07-quizzing", "Quizzing as a reply", "2030-03-07T10:00:00Z",
                "in_reply_to: " + annsPost + "\n", "My answer, with no link in it."));
        // Eve's feed is summary-only too, and her post's page answers 500
        Path eve = member("eve", "feeds: { full: false }\n", post("2030-03-08-broken", "A broken page",
                "2030-03-08T10:00:00Z", "", "Only a summary.\n\nAnd a [link](" + annsPost + ")."));
        assertThat(eve).exists();
        server.route("/eve/2030/03/broken/", exchange -> exchange.sendResponseHeaders(500, -1));
        return TestSites.inline(tmp.resolve("hub"), """
                -- site.yaml --
                title: Valley network
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }
                language: en-GB
                timezone: Europe/London
                hub:
                  members:
                    - { name: Ann, feed: "%s" }
                    - { name: Cat, feed: "%s" }
                    - { name: Dan, feed: "%s" }
                    - { name: Eve, feed: "%s" }
                  timeout: 5
                """.formatted(server.uri("/ann/feed.xml"), server.uri("/cat/feed.xml"), server.uri("/dan/feed.xml"),
                server.uri("/eve/feed.xml")));
    }

    @Test
    void aSummaryOnlyMembersReplyIsFoundOnItsPageReadOnceAndAThreadLinkIsAReply() throws Exception {
        Path hub = network();
        AggregateResult first = aggregate(hub, NOW);
        Path out = hub.resolve("public");

        // Cat's feed has only the first paragraph: the link is not in it
        Document catsFeed = Html.xml(sites.get("cat").resolve("public"), "feed.xml");
        assertThat(catsFeed.select("entry > content")).isEmpty();
        assertThat(catsFeed.select("entry > summary").text()).doesNotContain("/ann/");
        // Dan's own feed says what his post answers (RFC 4685)
        Document dansFeed = Html.xml(sites.get("dan").resolve("public"), "feed.xml");
        Element thr = dansFeed.select("entry > thr|in-reply-to").first();
        assertThat(thr).isNotNull();
        assertThat(thr.attr("ref")).isEqualTo(server.uri("/ann/2030/03/retrieval-starters/").toString());
        assertThat(dansFeed.select("feed").attr("xmlns:thr")).isEqualTo("http://purl.org/syndication/thread/1.0");

        Document river = Html.page(out, "index.html");
        Element ann = river.select("article.hub-entry:has(h2:contains(Retrieval starters))").first();
        assertThat(ann.select(".hub-responses-title").text()).isEqualTo("2 responses");
        assertThat(ann.select(".hub-responses a").eachText())
                .containsExactlyInAnyOrder("Starters in science", "Cat", "Quizzing as a reply", "Dan");
        Element cat = river.select("article.hub-entry:has(h2:contains(Starters in science))").first();
        assertThat(cat.select(".hub-in-reply-to a.u-in-reply-to").text()).isEqualTo("Retrieval starters");
        assertThat(server.hits("/cat/2030/03/starters-in-science/")).isEqualTo(1);
        // only summary-only entries' pages are read: Ann's and Dan's feeds have whole posts
        assertThat(server.hits("/ann/2030/03/retrieval-starters/")).isZero();
        assertThat(server.hits("/dan/2030/03/quizzing/")).isZero();

        // Eve's broken page: a note on the health page, the run goes on
        assertThat(first.noFeedRead()).isFalse();
        Document health = Html.page(out, "health/index.html");
        assertThat(health.select(".hub-health-notes li").text()).contains("Eve")
                .contains("A broken page").contains("was not read for the posts it answers");
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();

        // a second run reads no page again: Cat's links are kept with her unchanged entry
        aggregate(hub, LATER);
        assertThat(server.hits("/cat/2030/03/starters-in-science/")).isEqualTo(1);
        assertThat(Html.page(out, "index.html").select("article.hub-entry:has(h2:contains(Retrieval starters))"
                + " .hub-responses a").eachText()).contains("Starters in science");
        // what is kept for Cat's page: the link to Ann's post, not her own heading's anchor
        String kept = Files.readString(hub.resolve(".lateral-cache/reply-pages.json"));
        assertThat(kept).contains("/ann/2030/03/retrieval-starters/").doesNotContain("starters-in-science/#");
    }
}
