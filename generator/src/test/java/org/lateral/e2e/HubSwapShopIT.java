package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.AggregateRequest;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.aggregate.fetch.LoopbackServer;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * Member sites built by Lateral and served on loopback publish offers, requests and mentoring
 * profiles; the hub finds each member's community file through their feed with nothing
 * configured, and builds its swap-shop (by topic, expired ones left out) and mentoring page (pairs
 * by topic and phase), shows what is new in the digest, and survives a hostile file.
 */
class HubSwapShopIT {

    static final Instant NOW = Instant.parse("2030-03-10T09:00:00Z");

    @TempDir
    Path tmp;
    final LoopbackServer server = new LoopbackServer();
    final java.util.Map<String, Path> built = new java.util.HashMap<>();

    @AfterEach
    void close() {
        server.close();
    }

    /** Builds a member site served at {@code /name/}. */
    void member(String name, String siteYaml, String posts) {
        Path site = TestSites.inline(tmp.resolve(name), """
                -- site.yaml --
                title: %s's blog
                baseUrl: %s
                language: en-GB
                timezone: Europe/London
                %s
                -- content/posts/2030-02-02-hello.md --
                ---
                title: Hello from %s
                ---
                A post.
                """.formatted(name, server.uri("/" + name + "/"), siteYaml, name) + posts);
        Lateral.build(BuildRequest.of(site).withNow(NOW));
        Path out = site.resolve("public");
        built.put(name, out);
        server.route("/" + name + "/", exchange -> {
            Path file = out.resolve(exchange.getRequestURI().getPath().substring(name.length() + 2));
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", file.toString().endsWith(".json") ? "application/json"
                    : "application/atom+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
    }

    Path hub(String members) {
        return hub(members, "");
    }

    /** A hub with more settings under {@code hub:} ({@code extra}, indented two spaces). */
    Path hub(String members, String extra) {
        return TestSites.inline(tmp.resolve("hub"), """
                -- site.yaml --
                title: Valley network
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }
                language: en-GB
                timezone: Europe/London
                hub:
                  timeout: 5
                %s
                  members:
                %s
                """.formatted(extra, members));
    }

    @Test
    void theSwapShopGroupsByTheHubsTopicsAndNamesOtherWordsTheSameWay() throws Exception {
        member("ann", "", """
                -- content/posts/2030-02-20-oracy.md --
                ---
                title: Oracy twilight on offer
                offer: { topics: [oracy, early-career, STEM] }
                ---
                Happy to visit.
                """);
        member("bob", "", """
                -- content/posts/2030-03-01-retrieval.md --
                ---
                title: Who can show me retrieval starters?
                request: { topics: [Retrieval-Practice, knitting, Early  Career, STEM], format: online }
                ---
                Please.
                """);
        Path hub = hub("""
                    - { name: Ann, feed: %s }
                    - { name: Bob, feed: %s }
                """.formatted(server.uri("/ann/feed.xml"), server.uri("/bob/rss.xml")),
                "  topics: { \"Retrieval practice\": [retrieval, retrieval practice], Talk: [oracy] }");
        Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(NOW, ZoneOffset.UTC)));

        Document shop = Jsoup.parse(hub.resolve("public/swap-shop/index.html").toFile(), "UTF-8");
        // a word that is no hub topic is one group whatever its case or spacing, headed as the hub's
        // topics are: the members' own capitals when they agree (STEM), else a capital first letter
        assertThat(shop.select(".swap-topic h2").eachText())
                .containsExactly("Early career", "Knitting", "Retrieval practice", "STEM", "Talk");
        org.jsoup.nodes.Element early = shop.select(".swap-topic").get(0);
        assertThat(early.select("li").eachText()).hasSize(2).anySatisfy(t -> assertThat(t).contains("Oracy twilight"))
                .anySatisfy(t -> assertThat(t).contains("Who can show me retrieval starters?"));
    }

    @Test
    void theSwapShopAndMentoringComeFromMembersFeedsWithNothingConfigured() throws Exception {
        member("ann", """
                mentoring: { offers: [behaviour, early career], seeks: [Leadership], phase: secondary }""", """
                -- content/posts/2030-02-20-oracy.md --
                ---
                title: Oracy twilight on offer
                offer: { topics: [oracy], until: 2030-07-20, phase: primary, format: in-person }
                ---
                Happy to visit.
                -- content/posts/2030-02-10-closed.md --
                ---
                title: A request that closed
                request: { topics: [oracy], until: 2030-03-01 }
                ---
                Closed.
                """);
        member("bob", """
                mentoring: { offers: [leadership], seeks: [behaviour], phase: secondary }""", """
                -- content/posts/2030-03-01-retrieval.md --
                ---
                title: Who can show me retrieval starters?
                request: { topics: [Oracy, retrieval practice], format: online }
                ---
                Please.
                """);
        member("cy", """
                mentoring: { seeks: [behaviour], phase: primary }""", "");
        Path hub = hub("""
                    - { name: Ann, feed: %s }
                    - { name: Bob, feed: %s }
                    - { name: Cy, feed: %s }
                """.formatted(server.uri("/ann/feed.xml"), server.uri("/bob/rss.xml"), server.uri("/cy/feed.xml")));
        Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        Path out = hub.resolve("public");

        assertThat(server.hits("/ann/community.json")).isEqualTo(1); // found through the Atom feed
        assertThat(server.hits("/bob/community.json")).isEqualTo(1); // the RSS feed
        assertThat(server.hits("/cy/community.json")).isEqualTo(1);

        Document shop = Jsoup.parse(out.resolve("swap-shop/index.html").toFile(), "UTF-8");
        // members' words, with no hub.topics: each one group (Oracy and oracy), headed with a capital
        assertThat(shop.select(".swap-topic h2").eachText()).containsExactly("Oracy", "Retrieval practice");
        var oracy = shop.selectFirst(".swap-topic");
        assertThat(oracy.select("h3").eachText()).containsExactly("Offers", "Requests");
        assertThat(oracy.select(".swap-list > li > a:first-child").eachText())
                .containsExactly("Oracy twilight on offer", "Who can show me retrieval starters?");
        assertThat(oracy.selectFirst(".swap-list > li > a").attr("href"))
                .isEqualTo(server.uri("/ann/2030/02/oracy/").toString());
        assertThat(oracy.selectFirst(".swap-list .meta a").text()).isEqualTo("Ann");
        assertThat(shop.text()).doesNotContain("A request that closed");
        assertThat(shop.select("footer a[href*=swap-shop]")).hasSize(1);
        assertThat(shop.select("footer a[href*=mentoring]")).hasSize(1);

        Document mentoring = Jsoup.parse(out.resolve("mentoring/index.html").toFile(), "UTF-8");
        assertThat(mentoring.select(".mentoring-pair").eachText()).containsExactly(
                "Ann could mentor Bob in Behaviour: Ann · Bob",
                "Bob could mentor Ann in Leadership: Bob · Ann"); // Cy (primary) and Ann (secondary) do not pair
        assertThat(mentoring.select(".mentoring-pair a").eachAttr("href"))
                .containsExactly("#mentor-ann", "#mentor-bob", "#mentor-bob", "#mentor-ann");
        assertThat(mentoring.select(".mentoring-card h3").eachText()).containsExactly("Ann", "Bob", "Cy");
        assertThat(mentoring.selectFirst("#mentor-ann a.u-url").attr("href"))
                .isEqualTo(server.uri("/ann/swap-shop/").toString() + "#mentoring");

        Document digest = Jsoup.parse(out.resolve("digest/index.html").toFile(), "UTF-8");
        assertThat(digest.select(".swap-new .swap-list > li > a:first-child").eachText())
                .containsExactly("Who can show me retrieval starters?");
        assertThat(TestSites.read(out.resolve("digest/digest.txt"))).contains("== New in the swap-shop ==")
                .contains("* Who can show me retrieval starters? (Request, Bob): Oracy, retrieval practice");
        assertThat(TestSites.read(out.resolve("digest/email.html"))).contains("New in the swap-shop");
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void anExpiredProfileDisappearsAndAHostileFileIsAHealthProblem() throws Exception {
        member("ann", """
                mentoring: { offers: [behaviour], until: 2030-03-09 }""", """
                -- content/posts/2030-02-20-oracy.md --
                ---
                title: Oracy twilight on offer
                offer: { topics: [oracy] }
                ---
                Happy to visit.
                """);
        String hostile = """
                {"version": 1, "title": "<script>alert(1)</script>", "site": "%s",
                 "offers": [
                   {"title": "<b>Evil</b>\\u0000 offer", "url": "%s", "topics": ["x"]},
                   {"title": "Elsewhere", "url": "https://evil.example/phish", "topics": ["x"]},
                   {"title": "Script", "url": "javascript:alert(1)", "topics": ["x"]},
                   {"title": "Bad phase", "url": "%s", "topics": ["x"], "phase": "nursery"}
                 ],
                 "requests": "not a list",
                 "mentoring": {"url": "https://evil.example/", "offers": ["x"]}}
                """.formatted(server.uri("/mal/"), server.uri("/mal/post/"), server.uri("/mal/p2/"));
        server.route("/mal/community.json", LoopbackServer.respond(200, "application/json", hostile));
        server.route("/mal/feed.xml", LoopbackServer.respond(200, "application/atom+xml", TestSites.read(
                built.get("ann").resolve("feed.xml"))));
        server.route("/notjson.json", LoopbackServer.respond(200, "application/json", "<html>nope"));
        Path hub = hub("""
                    - { name: Ann, feed: %s }
                    - { name: Mal, feed: %s, community: %s }
                    - { name: Nia, feed: %s, community: %s }
                """.formatted(server.uri("/ann/feed.xml"), server.uri("/mal/feed.xml"), server.uri("/mal/community.json"),
                server.uri("/mal/feed.xml"), server.uri("/notjson.json")));
        Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        Path out = hub.resolve("public");

        Document shop = Jsoup.parse(out.resolve("swap-shop/index.html").toFile(), "UTF-8");
        assertThat(shop.select(".swap-list > li > a:first-child").eachText())
                .containsExactly("Oracy twilight on offer", "<b>Evil</b> offer"); // shown as text, never as markup
        assertThat(shop.select(".swap-list b, script:containsData(alert)")).isEmpty();
        assertThat(shop.select("a[href*=evil.example], a[href^=javascript]")).isEmpty();
        Document mentoring = Jsoup.parse(out.resolve("mentoring/index.html").toFile(), "UTF-8");
        assertThat(mentoring.select(".mentoring-card")).isEmpty(); // Ann's profile ended yesterday; Mal's was left out
        Document health = Jsoup.parse(out.resolve("health/index.html").toFile(), "UTF-8");
        assertThat(health.select(".hub-community-problems li").eachText())
                .anySatisfy(p -> assertThat(p).contains("Mal:").contains("\"Elsewhere\") was left out: its address is"
                        + " missing or not on the member's own site"))
                .anySatisfy(p -> assertThat(p).contains("\"Bad phase\") was left out: its phase is not one of"))
                .anySatisfy(p -> assertThat(p).contains("its requests were left out: not a list"))
                .anySatisfy(p -> assertThat(p).contains("the mentoring profile was left out"))
                .anySatisfy(p -> assertThat(p).startsWith("Nia:").contains("the community file was not read: it is not JSON"));
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();

        // a second run asks again conditionally and keeps what it had
        Files.writeString(tmp.resolve("marker"), "x", StandardCharsets.UTF_8);
        Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        assertThat(server.hits("/ann/community.json")).isEqualTo(2);
    }
}
