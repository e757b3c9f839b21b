package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lateral.aggregate.fetch.LoopbackServer.respond;

import java.io.IOException;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.AggregateResult;
import org.lateral.aggregate.fetch.LoopbackServer;
import org.lateral.testing.FeedText;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * Tried as a network organiser would: the {@code hub-opml-export} fixture subscribes the OPML
 * export of a feed reader (folders, a feed filed in two folders, an empty folder, a blog that has
 * moved away), and the hub, its members page and its health page come out of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class HubOpmlIT {

    final LoopbackServer server = new LoopbackServer();
    Path hub;
    Path out;
    AggregateResult result;

    @BeforeAll
    void aggregate(@TempDir Path tmp) {
        server.route("/parry/feed/", respond(200, "application/rss+xml; charset=UTF-8", FeedText.rss("Mrs Parry's Maths Corner",
                "https://mrsparry.example/").item("Bar models in Year 3", "https://mrsparry.example/bar-models/",
                "2025-03-07T16:00:00Z", "<p>We drew the problem before we solved it.</p>", "bar models").build()));
        server.route("/foel/rss.xml", respond(200, "application/rss+xml", FeedText.rss("Ysgol y Foel",
                "https://foel.example/mathemateg/").item("Ffracsiynau yn yr awyr agored", "https://foel.example/mathemateg/ffracsiynau/",
                "2025-03-05T12:00:00Z", "<p>Dysgu ffracsiynau ar iard yr ysgol.</p>").build()));
        server.route("/evans/atom.xml", respond(200, "application/atom+xml", FeedText.atom("Dr Evans & the Number Line",
                "https://numberline.example/").item("Retrieval quizzes, a year on", "https://numberline.example/retrieval/",
                "2025-03-09T19:00:00Z", "<p>What a year of low-stakes quizzes did.</p>").build()));
        server.route("/obriain/feed", respond(200, "application/rss+xml", FeedText.rss("Mr Ó Briain",
                "https://obriain.example/").item("Proof by induction: the dominoes again", "https://obriain.example/induction/",
                "2025-02-27T21:00:00Z", "<p>Dominoes work. Ladders don't.</p>").build()));
        server.route("/old-blog/feed", respond(410, "text/html", "<h1>This blog has moved</h1>"));
        server.route("/hub-cymru/newsletter", respond(200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>Newsletter</title></head><body><h1>Sign up</h1></body></html>"));
        hub = TestSites.fixture("hub-opml-export", tmp);
        Path opml = hub.resolve("subscriptions.opml");
        TestSites.write(opml, TestSites.read(opml).replace("@LOOPBACK@", server.uri("").toString()));
        result = HubIT.aggregate(hub, HubIT.NOW);
        out = hub.resolve("public");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyOutlineWithAFeedBecomesAMemberOnceWithItsFoldersAsTopics() {
        assertThat(result.members()).isEqualTo(6);
        Document members = Html.page(out, "members/index.html");
        assertThat(members.select(".hub-member-card h2").eachText()).containsExactly("Mrs Parry's Maths Corner",
                "Ysgol y Foel — Dysgu Mathemateg", "Dr Evans & the Number Line", "Mr Ó Briain teaches A level",
                "Old blog (moved to Substack)", "Maths Hub Cymru newsletter");
        assertThat(members.select(".hub-member-card").get(2).select(".hub-topics").text())
                .isEqualTo("Secondary maths · Research");
        assertThat(members.select(".hub-by-topic dt").eachText()).containsExactly("Primary maths", "Research", "Secondary maths");
    }

    @Test
    void theRiverHasEveryReadableMembersPostsNewestFirst() {
        Document river = Html.page(out, "index.html");
        assertThat(river.select("article.hub-entry h2").eachText()).containsExactly("Retrieval quizzes, a year on",
                "Bar models in Year 3", "Ffracsiynau yn yr awyr agored", "Proof by induction: the dominoes again");
        assertThat(river.select(".hub-notice").text()).isEqualTo("2 feeds need attention");
        assertThat(river.select("nav[aria-label] a").eachText()).containsExactly("Latest", "Members", "Digest", "About");
    }

    @Test
    void theHealthPageTellsTheOrganiserWhatToDoInPlainWords() {
        Document health = Html.page(out, "health/index.html");
        assertThat(health.select("h1").text()).isEqualTo("Feed health");
        assertThat(health.select(".hub-health-counts").text()).isEqualTo("4 of 6 feeds read · 2 feeds need attention");
        assertThat(health.select("section.hub-health-problem h3").eachText())
                .containsExactly("Old blog (moved to Substack)", "Maths Hub Cymru newsletter");
        assertThat(health.select("section.hub-health-problem").get(0).select(".hub-health-message").text())
                .isEqualTo("HTTP 410 Gone: remove this subscription.");
        assertThat(health.select("section.hub-health-problem").get(1).select(".hub-health-message").text())
                .isEqualTo("Not a feed: this address returns a web page.");
        assertThat(health.select("section.hub-health-problem").get(1).select(".hub-health-fix").text())
                .contains("look for its RSS or Atom link");
        assertThat(health.select(".hub-health-table tbody tr")).hasSize(4);
    }

    @Test
    void theBlogrollListsEveryMemberForOtherFeedReaders() {
        Document opml = Html.xml(out, "blogroll.opml");
        assertThat(opml.select("head > title").text()).isEqualTo("North Wales Maths Network");
        assertThat(opml.select("outline")).hasSize(6);
        assertThat(opml.select("outline").get(0).attr("htmlUrl")).isEqualTo("https://mrsparry.example/");
    }

    @Test
    void everyPageIsValidHtml() throws IOException {
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }
}
