package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lateral.aggregate.fetch.LoopbackServer.respond;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import org.lateral.testing.ActiveContent;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * The hostile corpus ({@code src/test/resources/feeds/hostile/}) aggregated into a hub, over
 * loopback and from files: nothing that could run reaches any page, feed, blogroll or report, and
 * no entry can break the page around it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class HubHostileIT {

    final LoopbackServer server = new LoopbackServer();
    Path hub;
    Path out;
    AggregateResult result;

    static byte[] corpus(String name) {
        try (InputStream in = HubHostileIT.class.getResourceAsStream("/feeds/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void aggregate(@TempDir Path tmp) throws IOException {
        server.route("/xss-rss", respond(200, "application/rss+xml", corpus("hostile/xss-rss.xml")));
        server.route("/xss-atom", respond(200, "text/html", corpus("hostile/xss-atom.xml")));
        server.route("/xxe", respond(200, "application/rss+xml", new String(corpus("hostile/xxe-file.xml"))
                .replace("@LOOPBACK@", server.uri("").toString())));
        server.route("/laughs", respond(200, "application/rss+xml", corpus("hostile/billion-laughs.xml")));
        hub = TestSites.inline(tmp, """
                -- site.yaml --
                title: Hostile corpus
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }  # the test feeds are on loopback
                hub:
                  members:
                    - { name: "<script>alert('member')</script>Mallory", feed: "%s", site: "https://mallory.example/" }
                    - { name: Eve, feed: "%s", topics: ["<img src=x onerror=alert(1)>"] }
                    - { name: Local Mallory, feed: feeds/xss-rss.xml }
                    - { name: Xavier, feed: "%s" }
                    - { name: Laughing, feed: "%s" }
                """.formatted(server.uri("/xss-rss"), server.uri("/xss-atom"), server.uri("/xxe"), server.uri("/laughs")));
        Files.createDirectories(hub.resolve("feeds"));
        Files.write(hub.resolve("feeds/xss-rss.xml"), corpus("hostile/xss-rss.xml"));
        result = HubIT.aggregate(hub, HubIT.NOW);
        out = hub.resolve("public");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theHostileEntriesAreOnTheHub() {
        assertThat(result.written()).isTrue();
        assertThat(Html.page(out, "index.html").select("article.hub-entry")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void nothingThatCouldRunReachesAnyPageFeedOrReport() {
        assertThat(ActiveContent.in(out)).isEmpty();
    }

    @Test
    void titlesNamesAndCategoriesAreShownAsTextNeverMarkup() {
        Document river = Html.page(out, "index.html");
        assertThat(river.select("article.hub-entry h2 b, article.hub-entry h2 img, .meta img:not(.hub-avatar)")).isEmpty();
        Document members = Html.page(out, "members/index.html");
        assertThat(members.select(".hub-member-card h2").first().text()).isEqualTo("<script>alert('member')</script>Mallory");
        assertThat(members.select(".hub-topics").text()).contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void noEntryCanBreakThePageAroundIt() {
        for (String page : Html.htmlFiles(out)) {
            if (page.equals("digest/email.html")) {
                continue; // a mail, not a page of the site
            }
            Document d = Html.page(out, page);
            assertThat(d.select("body > footer.site-footer")).as(page).hasSize(1);
            assertThat(d.select("body > main#main")).as(page).hasSize(1);
        }
        Document river = Html.page(out, "index.html");
        assertThat(river.select("main article.hub-entry")).hasSize(river.select("article.hub-entry").size());
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void entitiesThatReadFilesOrExplodeAreRefusedAndNamed() throws IOException {
        Document health = Html.page(out, "health/index.html");
        assertThat(health.select("#xavier .hub-health-message").text()).isEqualTo("The feed uses a DOCTYPE, which is not allowed.");
        assertThat(health.select("#laughing .hub-health-message").text()).isEqualTo("The feed uses a DOCTYPE, which is not allowed.");
        assertThat(server.requests()).noneMatch(h -> h.path().contains("evil") || h.path().contains("dtd"));
        try (var files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain("root:x:0");
            }
        }
    }
}
