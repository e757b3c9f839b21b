package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.AggregateRequest;
import org.lateral.AggregateResult;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.Problem;
import org.lateral.aggregate.fetch.LoopbackServer;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * The hub's shared topics, conversations and digest archive: member sites built by Lateral and
 * served on loopback, aggregated, and the hub's pages read back as HTML.
 */
@Timeout(180)
class HubCommunityIT {

    static final Instant NOW = Instant.parse("2030-03-13T09:00:00Z"); // a Wednesday: last full week is 2030-W10
    static final Instant LATER = Instant.parse("2030-03-14T09:00:00Z");

    @TempDir
    Path tmp;
    final LoopbackServer server = new LoopbackServer();
    /** When set, every member's site answers 304 Not Modified. */
    final AtomicBoolean notModified = new AtomicBoolean();
    final java.util.Map<String, Path> sites = new java.util.HashMap<>();

    @AfterEach
    void close() {
        server.close();
    }

    /** Builds a member site served at {@code /name/}. */
    Path member(String name, String posts) {
        Path site = TestSites.inline(tmp.resolve(name), """
                -- site.yaml --
                title: %s's blog
                baseUrl: %s
                timezone: Europe/London
                """.formatted(name, server.uri("/" + name + "/")) + posts);
        build(site);
        sites.put(name, site);
        Path out = site.resolve("public");
        server.route("/" + name + "/", exchange -> {
            if (notModified.get()) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            Path file = out.resolve(exchange.getRequestURI().getPath().substring(name.length() + 2));
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", "application/atom+xml");
            exchange.getResponseHeaders().set("ETag", "\"" + java.util.Arrays.hashCode(body) + "\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
        return site;
    }

    static void build(Path site) {
        Lateral.build(BuildRequest.of(site).withNow(NOW));
    }

    static String post(String file, String title, String date, String tags, String body) {
        return """
                -- content/posts/%s.md --
                ---
                title: "%s"
                date: %s
                tags: %s
                ---
                %s
                """.formatted(file, title, date, tags, body);
    }

    static AggregateResult aggregate(Path hub, Instant now) {
        return Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(now, ZoneOffset.UTC)));
    }

    Path network() {
        member("ann", post("2030-03-05-retrieval-starters", "Retrieval starters", "2030-03-05T10:00:00Z",
                "[Retrieval-Practice]", "Five questions a day.")
                + post("2030-02-26-talk-frames", "Talk frames", "2030-02-26T10:00:00Z", "[oracy]", "Sentence stems."));
        member("bob", post("2030-03-06-adalw", "Adalw yn y dosbarth", "2030-03-06T10:00:00Z", "[adalw]",
                "An answer to [Ann's starters](" + server.uri("/ann/2030/03/retrieval-starters/") + ") in Welsh.")
                + post("2030-03-07-quizzing", "Low-stakes quizzing", "2030-03-07T10:00:00Z", "[retrieval_practice]",
                        "Quizzes."));
        return TestSites.inline(tmp.resolve("hub"), """
                -- site.yaml --
                title: Valley network
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }
                language: en-GB
                timezone: Europe/London
                hub:
                  members:
                    - { name: Ann, feed: "%s", topics: [oracy, retreival] }
                    - { name: Bob, feed: "%s" }
                  topics:
                    "Retrieval practice": [retrieval, retrieval-practice, "retrieval practice", adalw]
                    Oracy: [oracy, talk, llafaredd]
                  contact: organiser@valley.example
                  timeout: 5
                """.formatted(server.uri("/ann/feed.xml"), server.uri("/bob/feed.xml")));
    }

    @Test
    void topicsGatherSynonymsFromEveryMemberAndMembersListTheirTopics() {
        Path hub = network();
        AggregateResult r = aggregate(hub, NOW);
        Path out = hub.resolve("public");

        Document topic = Html.page(out, "topics/retrieval-practice/index.html");
        assertThat(topic.select("article.hub-entry h2").eachText())
                .containsExactly("Low-stakes quizzing", "Adalw yn y dosbarth", "Retrieval starters");
        assertThat(Html.page(out, "topics/oracy/index.html").select("article.hub-entry h2").eachText())
                .containsExactly("Talk frames");
        assertThat(Html.xml(out, "topics/retrieval-practice/feed.xml").select("entry > title").eachText())
                .containsExactly("Low-stakes quizzing", "Adalw yn y dosbarth", "Retrieval starters");
        assertThat(out.resolve("topics/retrieval-practice/rss.xml")).exists();
        assertThat(out.resolve("topics/retrieval-practice/feed.json")).exists();
        assertThat(Html.page(out, "topics/index.html").select(".hub-topic-list a").eachText())
                .containsExactly("Retrieval practice", "Oracy");
        assertThat(Html.page(out, "members/ann/index.html").select(".hub-member-topics a").eachText())
                .containsExactly("Retrieval practice", "Oracy");
        assertThat(Html.page(out, "members/bob/index.html").select(".hub-member-topics a").eachAttr("href"))
                .containsExactly("../../topics/retrieval-practice/index.html");

        assertThat(r.warnings()).extracting(Problem::format)
                .anyMatch(w -> w.startsWith("site.yaml:8:") && w.contains("the topic \"retreival\" is not one of the hub's topics; did you mean `Retrieval practice`?"));

        Document river = Html.page(out, "index.html");
        assertThat(river.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(river.select("footer .hub-removal a").attr("href")).isEqualTo("mailto:organiser@valley.example");
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void anEntryLinkingAnotherMembersEntryIsAResponseShownOnBoth() {
        Path hub = network();
        aggregate(hub, NOW);
        Path out = hub.resolve("public");
        Document river = Html.page(out, "index.html");
        org.jsoup.nodes.Element ann = river.select("article.hub-entry:has(h2:contains(Retrieval starters))").first();
        assertThat(ann.select(".hub-responses-title").text()).isEqualTo("1 response");
        assertThat(ann.select(".hub-responses a").first().text()).isEqualTo("Adalw yn y dosbarth");
        org.jsoup.nodes.Element bob = river.select("article.hub-entry:has(h2:contains(Adalw yn y dosbarth))").first();
        assertThat(bob.select(".hub-in-reply-to a.u-in-reply-to").text()).isEqualTo("Retrieval starters");
        assertThat(river.select("article.hub-entry:has(h2:contains(Low-stakes quizzing)) .hub-in-reply-to")).isEmpty();
        assertThat(Html.page(out, "members/ann/index.html").select(".hub-responses li a").first().text())
                .isEqualTo("Adalw yn y dosbarth");
    }

    @Test
    void everyWeekKeepsItsOwnDigestPageWhichNewerPostsDoNotChange() throws Exception {
        Path hub = network();
        aggregate(hub, NOW);
        Path out = hub.resolve("public");
        Document w10 = Html.page(out, "digest/2030-W10/index.html");
        assertThat(w10.select("h1").text()).contains("2030-W10");
        assertThat(w10.select(".hub-digest-list a").eachText()).contains("Retrieval starters", "Low-stakes quizzing");
        assertThat(Html.page(out, "digest/2030-W09/index.html").select(".hub-digest-list a").eachText())
                .contains("Talk frames");
        assertThat(Html.page(out, "digest/index.html").select(".hub-digest-archive a").eachAttr("href"))
                .containsExactly("../digest/2030-W10/index.html", "../digest/2030-W09/index.html");
        String before = Files.readString(out.resolve("digest/2030-W10/index.html"), StandardCharsets.UTF_8);

        // a new post of this week, a day later: the past week's page stays exactly as it was
        Path ann = sites.get("ann");
        TestSites.write(ann.resolve("content/posts/2030-03-12-exit-tickets.md"),
                "---\ntitle: Exit tickets\ndate: 2030-03-12T10:00:00Z\ntags: [retrieval]\n---\nThree questions.\n");
        build(ann);
        aggregate(hub, LATER);
        assertThat(Html.page(out, "index.html").select("article.hub-entry h2").eachText()).contains("Exit tickets");
        assertThat(Files.readString(out.resolve("digest/2030-W10/index.html"), StandardCharsets.UTF_8)).isEqualTo(before);
        assertThat(NuHtmlChecker.errors(out.resolve("digest/2030-W10/index.html"))).isEmpty();
    }

    @Test
    void curationHidesAndFeaturesWhatIsAlreadyCached() throws Exception {
        Path hub = network();
        aggregate(hub, NOW);
        Path out = hub.resolve("public");
        assertThat(Html.page(out, "index.html").select("article.hub-entry h2").eachText()).contains("Low-stakes quizzing");

        notModified.set(true); // the second run reads nothing new: curation works on the cache
        TestSites.write(hub.resolve("curation.yaml"), """
                hide:
                  - link: %s
                    reason: "Bob asked for it to be taken down (e-mail, 12 March)"
                  - { link: https://nowhere.example/post/, reason: a typo }
                feature:
                  - %s
                """.formatted(server.uri("/bob/2030/03/quizzing/"), server.uri("/ann/2030/02/talk-frames/")));
        TestSites.write(hub.resolve("site.yaml"), TestSites.read(hub.resolve("site.yaml"))
                .replace("  timeout: 5", "  timeout: 5\n  curation: curation.yaml"));
        AggregateResult r = aggregate(hub, LATER);
        assertThat(r.report().feeds()).allMatch(f -> f.status().message().contains("not modified")
                || f.status().message().toLowerCase().contains("not changed") || f.isSuccess());

        Document river = Html.page(out, "index.html");
        assertThat(river.select("article.hub-entry h2, article.hub-entry h3").eachText()).doesNotContain("Low-stakes quizzing");
        assertThat(river.select(".hub-featured article h3").eachText()).containsExactly("Talk frames");
        assertThat(river.select("h1 ~ *").select("article.hub-entry").first().text()).contains("Talk frames");
        assertThat(Html.page(out, "members/bob/index.html").text()).doesNotContain("Low-stakes quizzing");
        assertThat(Html.xml(out, "feed.xml").text()).doesNotContain("Low-stakes quizzing");
        assertThat(Html.page(out, "topics/retrieval-practice/index.html").text()).doesNotContain("Low-stakes quizzing");
        assertThat(Html.page(out, "digest/2030-W10/index.html").text()).doesNotContain("Low-stakes quizzing");
        assertThat(Files.readString(out.resolve("digest/digest.txt"))).doesNotContain("Low-stakes quizzing");
        assertThat(Html.page(out, "digest/2030-W09/index.html").select(".hub-featured a").first().text())
                .isEqualTo("Talk frames");

        Document health = Html.page(out, "health/index.html");
        assertThat(health.select(".hub-health-hidden li").eachText())
                .containsExactly("Low-stakes quizzing (Bob): Bob asked for it to be taken down (e-mail, 12 March)");
        assertThat(r.warnings()).extracting(Problem::format)
                .anyMatch(w -> w.startsWith("curation.yaml:4:") && w.contains("https://nowhere.example/post/ matches no post the hub holds"));
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }
}
