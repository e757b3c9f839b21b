package org.lateral.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Problem;
import org.lateral.PublishRequest;
import org.lateral.PublishResult;
import org.lateral.testing.TestSites;

/**
 * WebSub pings and Webmentions after a publish, against a loopback server (allowed with
 * {@code 127.0.0.1}): what the hub and the endpoints receive, endpoint discovery (Link header,
 * {@code <link>}, {@code <a>}, relative, after a redirect), nothing sent twice, refused addresses.
 */
class NotifyIT {

    /** One request the loopback server received. */
    record Received(String method, String path, String query, Map<String, String> form) {
    }

    @TempDir
    Path tmp;
    HttpServer server;
    String base;
    final Queue<Received> received = new ConcurrentLinkedQueue<>();
    volatile int hubStatus = 202;
    Path site;
    Path www;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::handle);
        server.start();
        site = TestSites.inline(tmp, """
                -- site.yaml --
                title: "Ms Rees's classroom reflections"
                baseUrl: https://rees.example/
                timezone: Europe/London
                publish:
                  to: ../www
                  websub: [%1$s/hub]
                  webmentions: true
                -- content/posts/oracy.md --
                ---
                title: Oracy week one
                date: 2024-09-09
                tags: [oracy]
                ---
                I tried [talk partners](%1$s/header-target), as [Ben](%1$s/link-target#part2) and
                [Aisha](%1$s/a-target) did, and read [a moved post](%1$s/moved). [Our own page](https://rees.example/about/)
                and [one with no endpoint](%1$s/none-target).
                -- content/posts/inset.md --
                ---
                title: INSET day
                date: 2024-09-02
                ---
                No links here.
                """.formatted(base));
        www = tmp.resolve("www");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(), form(body)));
        String html = "<!doctype html><title>t</title>";
        int status = 200;
        switch (path) {
            case "/hub" -> status = hubStatus;
            case "/header-target" -> {
                ex.getResponseHeaders().add("Link", "<" + base + "/ignored>; rel=\"other\", <" + base
                        + "/endpoint-header>; rel=\"webmention\"");
                html += "<link rel=webmention href=/wrong>";
            }
            case "/link-target" -> html = "<!doctype html><html><head><link rel=\"stylesheet\" href=/s.css>"
                    + "<link rel=\"webmention\" href=\"/endpoint-link\"></head><body><a rel=webmention href=/wrong>x</a>";
            case "/a-target" -> html += "<p><a href=/x>not this</a><a rel=\"nofollow webmention\" href=\"endpoint-a?x=1\">"
                    + "mention</a></p><link rel=webmention href=/wrong>";
            case "/moved" -> {
                ex.getResponseHeaders().add("Location", "/posts/link-target");
                status = 301;
            }
            case "/posts/link-target" -> html += "<link rel=webmention href=\"relative-endpoint\">";
            case "/redirect-inside" -> {
                ex.getResponseHeaders().add("Location", "http://127.0.0.2:" + server.getAddress().getPort() + "/x");
                status = 302;
            }
            default -> {
                if (path.startsWith("/endpoint") || path.startsWith("/posts/relative-endpoint")) {
                    status = 202;
                }
            }
        }
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, status / 100 == 3 ? -1 : bytes.length);
        if (status / 100 != 3) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    PublishRequest request() {
        return PublishRequest.of(site).withEnv(Map.of()).withAllowAddresses(List.of("127.0.0.1"))
                .withNow(Instant.parse("2024-10-01T12:00:00Z"));
    }

    List<Received> posts(String pathPrefix) {
        return received.stream().filter(r -> r.method().equals("POST") && r.path().startsWith(pathPrefix)).toList();
    }

    @Test
    void everyFeedAnnouncesTheHubAndItself() throws IOException {
        Publisher.publish(request());

        Document atom = Jsoup.parse(Files.readString(www.resolve("feed.xml")), "", Parser.xmlParser());
        assertThat(atom.select("feed > link[rel=hub]").attr("href")).isEqualTo(base + "/hub");
        assertThat(atom.select("feed > link[rel=self]").attr("href")).isEqualTo("https://rees.example/feed.xml");
        Document rss = Jsoup.parse(Files.readString(www.resolve("tags/oracy/rss.xml")), "", Parser.xmlParser());
        assertThat(rss.select("channel > atom|link[rel=hub]").attr("href")).isEqualTo(base + "/hub");
        assertThat(rss.select("channel > atom|link[rel=self]").attr("href"))
                .isEqualTo("https://rees.example/tags/oracy/rss.xml");
        String json = Files.readString(www.resolve("feed.json"));
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("hubs").get(0).path("url")
                .asText()).isEqualTo(base + "/hub");
    }

    @Test
    void theHubIsPingedForEachChangedFeedWithTheRightParameters() {
        PublishResult r = Publisher.publish(request());

        List<Received> pings = posts("/hub");
        assertThat(pings).extracting(p -> p.form().get("hub.mode")).containsOnly("publish");
        assertThat(pings).allMatch(p -> p.form().get("hub.url").equals(p.form().get("hub.topic")));
        assertThat(pings).extracting(p -> p.form().get("hub.topic")).contains("https://rees.example/feed.xml",
                "https://rees.example/rss.xml", "https://rees.example/feed.json",
                "https://rees.example/tags/oracy/feed.xml").doesNotHaveDuplicates();
        assertThat(r.notices()).anyMatch(n -> n.startsWith("WebSub: told " + base + "/hub about "));
        assertThat(r.warnings()).noneMatch(w -> w.message().contains("WebSub"));

        TestSites.write(site.resolve("content/posts/inset.md"), "---\ntitle: INSET day\ndate: 2024-09-02\n---\nEdited.\n");
        received.clear();
        Publisher.publish(request());
        assertThat(posts("/hub")).extracting(p -> p.form().get("hub.topic"))
                .contains("https://rees.example/feed.xml").doesNotContain("https://rees.example/tags/oracy/feed.xml");
    }

    @Test
    void aFailingHubIsAWarningAndThePublishStands() {
        hubStatus = 500;

        PublishResult r = Publisher.publish(request());

        assertThat(r.published()).isTrue();
        assertThat(r.warnings()).filteredOn(w -> w.severity() == Problem.Severity.WARNING)
                .anyMatch(w -> w.message().contains("answered 500 to the ping for https://rees.example/feed.xml"));
    }

    @Test
    void endpointsAreDiscoveredFromTheHeaderALinkOrAnAnchorAndResolved() {
        PublishResult r = Publisher.publish(request());

        String source = "https://rees.example/2024/09/oracy/";
        assertThat(posts("/endpoint-header")).singleElement()
                .satisfies(p -> assertThat(p.form()).containsEntry("source", source)
                        .containsEntry("target", base + "/header-target"));
        assertThat(posts("/endpoint-link")).singleElement()
                .satisfies(p -> assertThat(p.form()).containsEntry("target", base + "/link-target"));
        assertThat(posts("/endpoint-a")).singleElement()
                .satisfies(p -> {
                    assertThat(p.query()).isEqualTo("x=1");
                    assertThat(p.form()).containsEntry("target", base + "/a-target");
                });
        assertThat(posts("/posts/relative-endpoint")).singleElement()
                .satisfies(p -> assertThat(p.form()).containsEntry("target", base + "/moved"));
        assertThat(posts("/wrong")).isEmpty();
        assertThat(received).noneMatch(q -> q.path().equals("/about/"));
        assertThat(received).filteredOn(q -> q.path().equals("/none-target")).hasSize(1);
        assertThat(r.notices()).filteredOn(n -> n.startsWith("Webmention: told")).hasSize(4);
        assertThat(site.resolve(".lateral/webmentions.json")).exists();
        assertThat(www.resolve(".lateral")).doesNotExist();
    }

    @Test
    void nothingIsSentTwiceAndARemovedLinkIsAnnounced() {
        Publisher.publish(request());
        received.clear();

        PublishResult unchanged = Publisher.publish(request());
        assertThat(unchanged.changes().isEmpty()).isTrue();
        assertThat(received).isEmpty();

        TestSites.write(site.resolve("content/posts/inset.md"), "---\ntitle: INSET day\ndate: 2024-09-02\n---\n"
                + "Now with [a link](" + base + "/link-target).\n");
        String oracy = TestSites.read(site.resolve("content/posts/oracy.md"));
        TestSites.write(site.resolve("content/posts/oracy.md"),
                oracy.replace("[talk partners](" + base + "/header-target)", "talk partners"));
        Publisher.publish(request());

        assertThat(posts("/endpoint-header")).singleElement().satisfies(p -> assertThat(p.form())
                .containsEntry("source", "https://rees.example/2024/09/oracy/"));
        assertThat(posts("/endpoint-link")).singleElement().satisfies(p -> assertThat(p.form())
                .containsEntry("source", "https://rees.example/2024/09/inset/"));
        assertThat(posts("/endpoint-a")).isEmpty();
        assertThat(posts("/posts/relative-endpoint")).isEmpty();
    }

    @Test
    void addressesNotAllowedAreRefusedThenSentOnceAllowed() {
        PublishResult refused = Publisher.publish(request().withAllowAddresses(List.of()));

        assertThat(refused.published()).isTrue();
        assertThat(received).isEmpty();
        assertThat(refused.warnings()).extracting(Problem::message)
                .anyMatch(m -> m.contains("not sent to " + base + "/header-target: the address 127.0.0.1 is "));
        assertThat(refused.warnings()).extracting(Problem::format)
                .anyMatch(m -> m.startsWith(".lateral/webmentions.json: warning: the Webmention from "));

        PublishResult retried = Publisher.publish(request());

        assertThat(retried.changes().isEmpty()).isTrue();
        assertThat(posts("/endpoint-header")).hasSize(1);
        assertThat(posts("/endpoint-a")).hasSize(1);
    }

    @Test
    void aRedirectToAnAddressNotAllowedIsRefusedBeforeConnecting() {
        TestSites.write(site.resolve("content/posts/inset.md"), "---\ntitle: INSET day\ndate: 2024-09-02\n---\n"
                + "[A tricky page](" + base + "/redirect-inside).\n");

        PublishResult r = Publisher.publish(request());

        assertThat(received).filteredOn(q -> q.path().equals("/redirect-inside")).hasSize(1);
        assertThat(received).noneMatch(q -> q.path().equals("/x"));
        assertThat(r.warnings()).extracting(Problem::message).anyMatch(m -> m.contains("to " + base
                + "/redirect-inside was not sent: not sent to http://127.0.0.2:" + server.getAddress().getPort()
                + "/x: the address 127.0.0.2 is "));
    }

    @Test
    void networkAllowInSiteYamlAllowsTheAddressAndABadAllowEntryIsAnError() {
        TestSites.write(site.resolve("site.yaml"), TestSites.read(site.resolve("site.yaml"))
                + "network:\n  allow: [\"127.0.0.0/8\"]\n");

        PublishResult r = Publisher.publish(request().withAllowAddresses(List.of()));

        assertThat(r.warnings()).noneMatch(w -> w.message().contains("not sent"));
        assertThat(posts("/endpoint-header")).hasSize(1);
        assertThat(posts("/hub")).isNotEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Publisher.publish(request()
                .withAllowAddresses(List.of("intranet.school"))))
                .isInstanceOf(org.lateral.LateralException.class)
                .hasMessageContaining("--allow-address \"intranet.school\" is not an IP address");
    }

    @Test
    void aDryRunSendsNothingButListsWhatWouldBeSent() {
        PublishResult r = Publisher.publish(request().withDryRun(true));

        assertThat(received).isEmpty();
        assertThat(r.notices()).contains("Webmention: would tell " + base + "/a-target that"
                + " https://rees.example/2024/09/oracy/ links to it.");
        assertThat(r.notices()).anyMatch(n -> n.startsWith("WebSub: would tell " + base + "/hub about "));
        assertThat(site.resolve(".lateral/webmentions.json")).doesNotExist();
    }
}
