package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.AggregateResult;
import org.lateral.LateralException;
import org.lateral.aggregate.fetch.LoopbackServer;
import org.lateral.cli.Main;
import org.lateral.testing.FeedText;
import org.lateral.testing.Html;
import org.lateral.testing.TestSites;

/** Several runs of one hub: feeds that break after a good run, runs that must not touch the output, exit codes. */
@Timeout(120)
class HubRunsIT {

    static final Instant RUN_1 = Instant.parse("2025-03-12T09:00:00Z");
    static final Instant RUN_2 = Instant.parse("2025-03-13T09:00:00Z");

    @TempDir
    Path tmp;

    final LoopbackServer server = new LoopbackServer();
    /** What /ann answers: a status and a body, switched between runs. */
    final AtomicReference<String[]> ann = new AtomicReference<>();

    @AfterEach
    void stop() {
        server.close();
    }

    static final String ANN = FeedText.rss("Ann", "https://ann.example/")
            .item("Oracy week", "https://ann.example/oracy/", "2025-03-10T10:00:00Z", "<p>Talk.</p>")
            .item("Reading aloud", "https://ann.example/reading/", "2025-03-01T10:00:00Z", "<p>Read.</p>")
            .build();
    static final String BOB = FeedText.rss("Bob", "https://bob.example/")
            .item("Lab safety", "https://bob.example/lab/", "2025-03-11T10:00:00Z", "<p>Goggles.</p>")
            .build();

    Path hub() {
        ann.set(new String[] {"200", ANN});
        server.route("/ann", exchange -> {
            String[] answer = ann.get();
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        });
        return TestSites.inline(tmp, """
                -- site.yaml --
                title: Runs
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }  # the test feeds are on loopback
                language: en-GB
                hub:
                  members:
                    - { name: Ann, feed: "%s" }
                    - { name: Bob, feed: feeds/bob.xml }
                -- feeds/bob.xml --
                %s
                """.formatted(server.uri("/ann"), BOB));
    }

    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    @Test
    void aFeedThatBreaksKeepsItsLastGoodEntries() throws IOException {
        Path hub = hub();
        HubIT.aggregate(hub, RUN_1);
        ann.set(new String[] {"200", "<rss version=\"2.0\"><channel><item><title>half a feed"});
        AggregateResult second = HubIT.aggregate(hub, RUN_2);
        assertThat(second.written()).isTrue();
        assertThat(second.failedFeeds()).isEqualTo(1);
        Path out = hub.resolve("public");
        assertThat(Html.page(out, "index.html").select("article.hub-entry h2").eachText())
                .containsExactly("Lab safety", "Oracy week", "Reading aloud");
        Document health = Html.page(out, "health/index.html");
        assertThat(health.select("#ann .hub-health-message").text()).startsWith("Not well-formed XML");
        assertThat(health.select("#ann").text()).contains("The hub still shows the 2 posts it read on 12 March 2025; nothing is lost.");
        JsonNode report = new ObjectMapper().readTree(out.resolve("health/report.json").toFile());
        assertThat(report.path("subscriptions").get(0).path("fromLastGoodFetch").asBoolean()).isTrue();
        assertThat(report.path("subscriptions").get(0).path("entries").asInt()).isEqualTo(2);
        assertThat(report.path("subscriptions").get(0).path("lastGoodFetch").asText()).isEqualTo("2025-03-12T09:00:00Z");

        ann.set(new String[] {"503", ""});
        HubIT.aggregate(hub, RUN_2.plusSeconds(3600));
        assertThat(Html.page(out, "index.html").select("article.hub-entry h2").eachText()).contains("Oracy week");
    }

    @Test
    void whenNoFeedAtAllCanBeReadNothingIsWrittenAndTheOldHubStays() throws IOException {
        Path hub = hub();
        HubIT.aggregate(hub, RUN_1);
        Map<String, String> before = snapshot(hub.resolve("public"));
        ann.set(new String[] {"500", "down"});
        Files.delete(hub.resolve("feeds/bob.xml"));
        AggregateResult r = HubIT.aggregate(hub, RUN_2);
        assertThat(r.written()).isFalse();
        assertThat(r.noFeedRead()).isTrue();
        assertThat(r.summaryLines(hub).get(0)).startsWith("No feed could be read (2 feeds tried), so the hub was not written");
        assertThat(snapshot(hub.resolve("public"))).isEqualTo(before);
    }

    @Test
    void aBrokenTemplateFailsTheRunAndLeavesTheOldHub() throws IOException {
        Path hub = hub();
        HubIT.aggregate(hub, RUN_1);
        Map<String, String> before = snapshot(hub.resolve("public"));
        TestSites.write(hub.resolve("templates/hub/member.ftlh"), "<h1>${member.nmae}</h1>\n");
        assertThatThrownBy(() -> HubIT.aggregate(hub, RUN_2)).isInstanceOf(LateralException.class)
                .hasMessageContaining("templates/hub/member.ftlh:1:");
        assertThat(snapshot(hub.resolve("public"))).isEqualTo(before);
        try (Stream<Path> s = Files.list(hub)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("staging"));
        }
    }

    @Test
    void exitCodesAreZeroWhenBuiltOneForConfigAndFourWhenNothingCouldBeRead() {
        Path hub = hub();
        ann.set(new String[] {"404", "no"});
        Cli run = Cli.run("aggregate", hub.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("ann: HTTP 404 Not Found: there is no feed at this address — fix: ")
                .contains("bob: OK").contains("Aggregated 2 feeds: 1 read, 1 failed; 1 entry from 2 members");

        TestSites.write(hub.resolve("feeds/bob.xml"), "<html><body>not a feed</body></html>");
        Cli none = Cli.run("aggregate", hub.toString(), "-o", tmp.resolve("elsewhere").toString());
        assertThat(none.code()).isEqualTo(4);
        assertThat(none.out()).contains("No feed could be read (2 feeds tried)");
        assertThat(tmp.resolve("elsewhere")).doesNotExist();

        TestSites.write(hub.resolve("site.yaml"), TestSites.read(hub.resolve("site.yaml")).replace("members:", "timout: 5\n  members:"));
        Cli bad = Cli.run("aggregate", hub.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("site.yaml:6:3: error: unknown setting \"timout\" in hub; did you mean `timeout`? — fix: rename it to timeout");
    }

    @Test
    void loopbackFeedsAreRefusedUnlessAllowedInSiteYamlOrOnTheCommandLine() {
        Path hub = hub();
        TestSites.write(hub.resolve("site.yaml"), TestSites.read(hub.resolve("site.yaml"))
                .replace("network: { allow: [\"127.0.0.1\"] }", ""));
        TestSites.write(hub.resolve("feeds/bob.xml"), "<html><body>not a feed</body></html>");

        Cli refused = Cli.run("aggregate", hub.toString());
        assertThat(refused.code()).isEqualTo(4);
        assertThat(refused.out()).contains("ann: refused: the address 127.0.0.1 is a loopback address (this machine)")
                .contains("--allow-address");

        Cli allowed = Cli.run("aggregate", hub.toString(), "--allow-address", "127.0.0.1");
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out()).contains("ann: OK");

        Cli bad = Cli.run("aggregate", hub.toString(), "--allow-address", "intranet");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("--allow-address \"intranet\" is not an IP address");
    }

    /** Runs the command line and keeps what it printed. */
    record Cli(int code, String out, String err) {
        static Cli run(String... args) {
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                int code = Main.run(args);
                return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
        }
    }
}
