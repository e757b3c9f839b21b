package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lateral.aggregate.fetch.LoopbackServer.redirect;
import static org.lateral.aggregate.fetch.LoopbackServer.respond;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * One member per way a feed can fail, each a loopback route (or a file): the hub is still built,
 * and its health page says what happened in plain English with a fix, never an exception's name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class HubHealthIT {

    static final ObjectMapper JSON = new ObjectMapper();

    final LoopbackServer server = new LoopbackServer();
    Path out;
    AggregateResult result;
    Document health;

    /** member name → feed address, in the order they are listed. */
    final Map<String, String> members = new LinkedHashMap<>();

    @BeforeAll
    void aggregate(@TempDir Path tmp) throws IOException {
        String good = FeedText.rss("Good", "https://good.example/")
                .item("Still here", "https://good.example/1/", "2025-03-10T10:00:00Z", "<p>Fine.</p>").build();
        server.route("/good", respond(200, "application/rss+xml", good));
        server.route("/slow", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("<rss version=\"2.0\">".getBytes());
            exchange.getResponseBody().flush();
            sleep(4000);
        });
        server.route("/huge", respond(200, "application/rss+xml", "<rss>" + "x".repeat(4096) + "</rss>"));
        server.route("/page", respond(200, "text/html", "<!DOCTYPE html><html><head><title>My blog</title></head><body>Hi</body></html>"));
        server.route("/gone", respond(410, "text/html", "gone"));
        server.route("/missing", respond(404, "text/html", "<h1>Not found</h1>"));
        server.route("/broken-server", respond(500, "text/plain", "java.lang.NullPointerException at Foo.bar"));
        for (int i = 0; i < 12; i++) {
            server.route("/hop" + i, redirect(302, "/hop" + (i + 1)));
        }
        server.route("/loop-a", redirect(301, "/loop-b"));
        server.route("/loop-b", redirect(301, "/loop-a"));
        server.route("/to-file", redirect(302, "file:///etc/passwd"));
        server.route("/malformed", respond(200, "application/rss+xml",
                "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>T</title>\n<item>\n<title>A</title>\n</channel>\n</rss>\n"));
        server.route("/doctype", respond(200, "application/rss+xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>"));
        server.route("/empty", respond(200, "application/rss+xml", new byte[0]));
        server.route("/no-location", exchange -> exchange.sendResponseHeaders(302, -1));
        server.route("/bad-gzip", respond(200, "application/rss+xml", "not gzip at all", "Content-Encoding", "gzip"));
        server.route("/deep", respond(200, "application/rss+xml", "<rss version=\"2.0\"><channel><title>T</title><item>"
                + "<description>" + "<x>".repeat(200) + "</x>".repeat(200) + "</description></item></channel></rss>"));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        members.put("Good Feed", server.uri("/good").toString());
        members.put("Slow Server", server.uri("/slow").toString());
        members.put("Huge Feed", server.uri("/huge").toString());
        members.put("Web Page", server.uri("/page").toString());
        members.put("Gone Away", server.uri("/gone").toString());
        members.put("Typo Address", server.uri("/missing").toString());
        members.put("Broken Server", server.uri("/broken-server").toString());
        members.put("Many Hops", server.uri("/hop0").toString());
        members.put("Round Robin", server.uri("/loop-a").toString());
        members.put("Sneaky Redirect", server.uri("/to-file").toString());
        members.put("Malformed Feed", server.uri("/malformed").toString());
        members.put("Doctype Feed", server.uri("/doctype").toString());
        members.put("Nobody Home", "http://127.0.0.1:" + closedPort + "/feed.xml");
        members.put("Lost File", "feeds/not-there.xml");
        members.put("Empty Feed", server.uri("/empty").toString());
        members.put("Nowhere Redirect", server.uri("/no-location").toString());
        members.put("Bad Zip", server.uri("/bad-gzip").toString());
        members.put("Deep Nest", server.uri("/deep").toString());
        StringBuilder list = new StringBuilder();
        members.forEach((name, feed) -> list.append("    - { name: \"").append(name).append("\", feed: \"")
                .append(feed).append("\" }\n"));
        Path hub = TestSites.inline(tmp, """
                -- site.yaml --
                title: Health check
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }  # the test feeds are on loopback
                hub:
                  timeout: 1.5
                  maxFeedSize: 2 KB
                  members:
                %s""".formatted(list));
        result = HubIT.aggregate(hub, HubIT.NOW);
        out = hub.resolve("public");
        health = Html.page(out, "health/index.html");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Element problem(String memberId) {
        return health.selectFirst("section.hub-health-problem#" + memberId);
    }

    @Test
    void theHubIsBuiltWhenSomeFeedsFail() {
        assertThat(result.written()).isTrue();
        assertThat(result.okFeeds()).isEqualTo(1);
        assertThat(result.failedFeeds()).isEqualTo(members.size() - 1);
        assertThat(Html.page(out, "index.html").select("article.hub-entry h2").eachText()).containsExactly("Still here");
        assertThat(Html.page(out, "index.html").select(".hub-notice").text()).isEqualTo("17 feeds need attention");
    }

    @Test
    void everyFailureIsNamedInPlainEnglish() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("slow-server", "Timed out after 1.5 s.");
        expected.put("huge-feed", "Larger than the 2 KB limit.");
        expected.put("web-page", "Not a feed: this address returns a web page.");
        expected.put("gone-away", "HTTP 410 Gone: remove this subscription.");
        expected.put("typo-address", "HTTP 404 Not Found: there is no feed at this address.");
        expected.put("broken-server", "HTTP 500 Internal Server Error.");
        expected.put("many-hops", "Too many redirects (more than 10).");
        expected.put("round-robin", "Too many redirects: the address redirects round in a loop.");
        expected.put("sneaky-redirect", "Redirect to a local file refused.");
        expected.put("doctype-feed", "The feed uses a DOCTYPE, which is not allowed.");
        expected.put("lost-file", "File not found.");
        expected.put("empty-feed", "The feed is empty.");
        expected.put("nowhere-redirect", "The server redirects (HTTP 302) without a usable address.");
        expected.put("bad-zip", "The feed could not be read: the server's compressed (gzip) data is broken.");
        expected.forEach((id, message) -> {
            Element p = problem(id);
            assertThat(p).as(id).isNotNull();
            assertThat(p.select(".hub-health-message").text()).as(id).isEqualTo(message);
            assertThat(p.select(".hub-health-fix").text()).as(id).isNotBlank();
        });
        assertThat(problem("malformed-feed").select(".hub-health-message").text()).startsWith("Not well-formed XML at line 7");
        assertThat(problem("nobody-home").select(".hub-health-message").text()).startsWith("Could not connect");
        assertThat(problem("deep-nest").select(".hub-health-message").text())
                .startsWith("The feed is too complex to read safely");
    }

    @Test
    void thePageNamesEveryMemberWithTheirFeedAndWhatTheHubStillShows() {
        assertThat(health.select("section.hub-health-problem h3").eachText()).containsExactlyElementsOf(
                members.keySet().stream().skip(1).toList());
        assertThat(health.select(".hub-health-table tbody tr td:first-child").eachText()).containsExactly("Good Feed");
        assertThat(problem("gone-away").select(".hub-feed-address").text()).isEqualTo(members.get("Gone Away"));
        assertThat(problem("gone-away").text()).contains("The hub has not read this feed yet");
        assertThat(health.select(".hub-health-counts").text()).isEqualTo("1 of 18 feeds read · 17 feeds need attention");
    }

    @Test
    void noExceptionNameServerTextOrLocalFileEverReachesTheReader() {
        String text = health.text();
        assertThat(text).doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b").doesNotContain("java.")
                .doesNotContain("NullPointer").doesNotContain("root:x:0");
        assertThat(Html.page(out, "members/typo-address/index.html").select(".hub-notice").text())
                .startsWith("The hub could not read this member's feed on its last update: HTTP 404 Not Found");
    }

    @Test
    void theJsonReportHasTheSameStatusesForScripts() throws IOException {
        JsonNode report = JSON.readTree(out.resolve("health/report.json").toFile());
        assertThat(report.path("feeds").asInt()).isEqualTo(18);
        assertThat(report.path("ok").asInt()).isEqualTo(1);
        assertThat(report.path("subscriptions").findValuesAsText("status")).containsExactly("ok", "timed-out", "too-large",
                "not-a-feed", "gone", "not-found", "http-error", "too-many-redirects", "redirect-loop",
                "redirect-to-other-scheme", "malformed-xml", "doctype-refused", "connection-failed", "not-found", "empty",
                "bad-redirect", "unreadable", "too-complex");
        assertThat(report.path("subscriptions").get(10).path("line").asInt()).isEqualTo(7);
        assertThat(report.path("subscriptions").get(4).path("httpStatus").asInt()).isEqualTo(410);
    }

    @Test
    void theHealthPageIsValidHtml() {
        assertThat(NuHtmlChecker.errors(out.resolve("health/index.html"))).isEmpty();
    }
}
