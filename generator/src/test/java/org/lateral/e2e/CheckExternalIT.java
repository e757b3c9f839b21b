package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.CheckRequest;
import org.lateral.CheckResult;
import org.lateral.Lateral;
import org.lateral.Problem;
import org.lateral.aggregate.fetch.LoopbackServer;
import org.lateral.testing.TestSites;

/**
 * {@code lateral check --external} against a loopback server (127.0.0.1 only): a working link, a
 * 404, a permanent redirect, one that never answers in time, a 429 and a 403, a server that
 * refuses HEAD; the cache of a second run; the address policy; the per-host limit.
 */
class CheckExternalIT {

    @TempDir
    Path tmp;

    private final LoopbackServer server = new LoopbackServer();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    private Path site(String network) {
        server.route("/ok", LoopbackServer.respond(200, "text/html", ""))
                .route("/gone", LoopbackServer.respond(404, "text/html", ""))
                .route("/old", LoopbackServer.redirect(301, server.uri("/ok").toString()))
                .route("/busy", LoopbackServer.respond(429, "text/html", ""))
                .route("/private", LoopbackServer.respond(403, "text/html", ""))
                .route("/no-head", exchange -> exchange.sendResponseHeaders(
                        exchange.getRequestMethod().equals("HEAD") ? 405 : 200, -1))
                .route("/slow", exchange -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.sendResponseHeaders(200, -1);
                });
        return TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                %s
                -- content/posts/a.md --
                ---
                title: A
                date: 2025-01-01
                ---
                [Working](%s)
                [Gone](%s)
                [Moved](%s)
                [Slow](%s)
                [Busy](%s)
                [Private](%s)
                [No HEAD](%s)
                [On disk](file:///etc/passwd)
                """.formatted(network, server.uri("/ok"), server.uri("/gone"), server.uri("/old"), server.uri("/slow"),
                server.uri("/busy"), server.uri("/private"), server.uri("/no-head")));
    }

    private static String at(Problem p) {
        return p.line() + " " + (p.isError() ? "error" : "warning");
    }

    @Test
    void outsideLinksAreCheckedAndNamedAtTheirLines() {
        Path site = site("network: { allow: [\"127.0.0.1\"] }");
        CheckRequest request = CheckRequest.of(site).withExternal(true).withTimeout(Duration.ofSeconds(1))
                .withCacheDir(tmp.resolve("cache"));

        CheckResult r = Lateral.check(request);

        assertThat(r.findings()).extracting(CheckExternalIT::at)
                .containsExactly("6 error", "7 warning", "8 warning", "9 warning", "10 warning", "12 error");
        assertThat(r.findings().get(0).message()).contains("is broken").contains("/gone").contains("(404)");
        assertThat(r.findings().get(1).message()).contains("has moved for good").contains(server.uri("/ok").toString());
        assertThat(r.findings().get(1).hint()).isEqualTo("change the address to " + server.uri("/ok"));
        assertThat(r.findings().get(2).message()).contains("could not be checked").contains("did not answer within 1 second");
        assertThat(r.findings().get(3).message()).contains("could not be checked").contains("429");
        assertThat(r.findings().get(4).message()).contains("could not be checked").contains("403");
        assertThat(r.findings().get(5).message()).contains("a file on your own computer");
        assertThat(r.externalLinks()).isEqualTo(7);
        assertThat(server.hits("/no-head")).isEqualTo(2); // HEAD refused, then GET
        assertThat(tmp.resolve("cache/links.json")).exists();
        assertThat(site.resolve("public")).doesNotExist();

        // a second run asks the server only about what could not be checked
        int ok = server.hits("/ok");
        int gone = server.hits("/gone");
        int old = server.hits("/old");
        int busy = server.hits("/busy");
        CheckResult again = Lateral.check(request);
        assertThat(again.findings()).extracting(CheckExternalIT::at).containsExactlyElementsOf(
                r.findings().stream().map(CheckExternalIT::at).toList());
        assertThat(server.hits("/ok")).isEqualTo(ok);
        assertThat(server.hits("/gone")).isEqualTo(gone);
        assertThat(server.hits("/old")).isEqualTo(old);
        assertThat(server.hits("/busy")).isGreaterThan(busy);

        // with the cache turned off, everything is asked again
        Lateral.check(request.withCacheFor(Duration.ZERO));
        assertThat(server.hits("/ok")).isGreaterThan(ok);
    }

    @Test
    void loopbackAddressesAreNotFetchedUnlessTheSiteAllowsThem() {
        Path site = site("");
        CheckResult r = Lateral.check(CheckRequest.of(site).withExternal(true).withTimeout(Duration.ofSeconds(1))
                .withCacheFor(Duration.ZERO));

        assertThat(r.findings()).filteredOn(p -> p.line() < 12).hasSize(7)
                .allSatisfy(p -> assertThat(p.message()).contains("could not be checked")
                        .contains("a loopback address"))
                .allSatisfy(p -> assertThat(p.hint()).contains("network:").contains("--allow-address"));
        assertThat(r.findings()).filteredOn(Problem::isError).hasSize(1); // only file:
        assertThat(server.requests()).isEmpty();

        CheckResult allowed = Lateral.check(CheckRequest.of(site).withExternal(true).withTimeout(Duration.ofSeconds(1))
                .withCacheFor(Duration.ZERO).withAllowAddresses(java.util.List.of("127.0.0.1")));
        assertThat(allowed.findings()).filteredOn(Problem::isError).hasSize(2); // /gone and file:
    }

    @Test
    void atMostTwoRequestsAtOnceGoToOneHost() {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch arrived = new CountDownLatch(2);
        server.route("/page", exchange -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            arrived.countDown();
            try {
                arrived.await(5, TimeUnit.SECONDS); // hold the first two until both are in
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.decrementAndGet();
            exchange.sendResponseHeaders(200, -1);
        });
        StringBuilder links = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            links.append("[Page ").append(i).append("](").append(server.uri("/page/" + i)).append(")\n");
        }
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                network: { allow: ["127.0.0.1"] }
                -- content/posts/a.md --
                ---
                title: A
                date: 2025-01-01
                ---
                """ + links);

        CheckResult r = Lateral.check(CheckRequest.of(site).withExternal(true).withCacheFor(Duration.ZERO));

        assertThat(r.findings()).isEmpty();
        assertThat(r.externalLinks()).isEqualTo(8);
        assertThat(most.get()).isEqualTo(2);
    }
}
