package org.lateral.aggregate.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lateral.aggregate.fetch.LoopbackServer.redirect;
import static org.lateral.aggregate.fetch.LoopbackServer.respond;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.aggregate.FeedLocation;
import org.lateral.aggregate.FeedStatus.Kind;
import org.lateral.aggregate.HubSettings;
import org.lateral.safety.AddressPolicy;

@Timeout(20)
class FetcherTest {

    private static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    /** The deadline of the tests that wait for one: short, so they end soon. */
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** Everyone else's: long, so a busy machine never turns an answer into a time-out. */
    private static final Duration ROOMY = Duration.ofSeconds(20);
    private static final long CAP = 256 * 1024;
    /** The test server is on loopback, which the hub refuses unless it is allowed, as here. */
    static final AddressPolicy LOOPBACK = AddressPolicy.publicOnly().allowing(List.of("127.0.0.1"));

    @TempDir
    Path temp;

    private final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private Fetcher fetcher() {
        return fetcher(ROOMY);
    }

    private Fetcher timingOut() {
        return fetcher(TIMEOUT);
    }

    private Fetcher fetcher(Duration timeout) {
        return new Fetcher(HubSettings.defaults(temp.resolve("cache")).withTimeout(timeout).withMaxFeedSize(CAP)
                .withAddressPolicy(LOOPBACK)
                .withUserAgent("Lateral-test (+https://hub.example/)"));
    }

    private FetchResult get(String path) {
        return fetcher().fetch(new FeedLocation.Remote(server.uri(path)), Validators.NONE);
    }

    @Test
    void okReturnsTheBodyCharsetAndValidators() {
        server.route("/feed", respond(200, "application/rss+xml; charset=ISO-8859-1", FEED,
                "ETag", "\"v1\"", "Last-Modified", "Sat, 01 Mar 2025 07:00:00 GMT"));

        FetchResult result = get("/feed");

        assertThat(result.status().kind()).isEqualTo(Kind.OK);
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
        assertThat(result.charset()).contains("ISO-8859-1");
        assertThat(result.validators().etag()).contains("\"v1\"");
        assertThat(result.validators().lastModified()).contains("Sat, 01 Mar 2025 07:00:00 GMT");
    }

    @Test
    void sendsTheConfiguredUserAgentAndAsksForGzip() {
        server.route("/feed", respond(200, "application/rss+xml", FEED));

        get("/feed");

        LoopbackServer.Hit hit = server.requests().get(0);
        assertThat(hit.headers().getFirst("User-Agent")).isEqualTo("Lateral-test (+https://hub.example/)");
        assertThat(hit.headers().getFirst("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void trickledBodyIsAbandonedAtTheDeadlineAndItsConnectionClosed() throws InterruptedException {
        CountDownLatch serverSawTheHangUp = new CountDownLatch(1);
        server.route("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no Content-Length
            OutputStream out = exchange.getResponseBody();
            out.write("<rss>".getBytes(StandardCharsets.UTF_8));
            try {
                for (int i = 0; i < 1000; i++) {
                    out.write('x');
                    out.flush();
                    sleep(200);
                }
            } catch (IOException e) {
                serverSawTheHangUp.countDown();
            }
        });

        FetchResult result = timingOut().fetch(new FeedLocation.Remote(server.uri("/trickle")), Validators.NONE);

        assertThat(result.status().kind()).isEqualTo(Kind.TIMED_OUT);
        assertThat(result.status().message()).isEqualTo("timed out after 1.5 s");
        assertThat(serverSawTheHangUp.await(5, TimeUnit.SECONDS)).as("connection closed by the fetcher").isTrue();
    }

    @Test
    void trickledHeadersAreAbandonedAtTheDeadline() throws IOException {
        try (LoopbackServer.Raw raw = new LoopbackServer.Raw((in, out) -> {
            LoopbackServer.readRequestHead(in);
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 1000; i++) {
                out.write('X');
                out.flush();
                Thread.sleep(200);
            }
        })) {
            FetchResult result = timingOut().fetch(new FeedLocation.Remote(raw.uri("/feed")), Validators.NONE);

            assertThat(result.status().kind()).isEqualTo(Kind.TIMED_OUT);
        }
    }

    @Test
    void aServerThatNeverAnswersIsAbandonedAtTheDeadline() throws IOException {
        try (LoopbackServer.Raw raw = new LoopbackServer.Raw((in, out) -> Thread.sleep(60_000))) {
            FetchResult result = timingOut().fetch(new FeedLocation.Remote(raw.uri("/feed")), Validators.NONE);

            assertThat(result.status().kind()).isEqualTo(Kind.TIMED_OUT);
            assertThat(result.status().message()).isEqualTo("timed out after 1.5 s");
            assertThat(raw.connections()).isEqualTo(1);
        }
    }

    @Test
    void notFoundGoneAndServerErrorsAreNamed() {
        server.route("/404", respond(404, "text/html", "<h1>nope</h1>"));
        server.route("/410", respond(410, "text/html", "gone"));
        server.route("/500", respond(500, "text/plain", "boom"));
        server.route("/403", respond(403, "text/plain", "no"));

        assertThat(get("/404").status().message()).isEqualTo("HTTP 404 Not Found: there is no feed at this address");
        assertThat(get("/410").status().message()).isEqualTo("HTTP 410 Gone: remove this subscription");
        FetchResult error = get("/500");
        assertThat(error.status().kind()).isEqualTo(Kind.HTTP_ERROR);
        assertThat(error.status().httpCode()).isEqualTo(500);
        assertThat(error.status().message()).isEqualTo("HTTP 500 Internal Server Error");
        assertThat(get("/403").status().fix()).contains("public");
    }

    @Test
    void followsAChainOfTenRedirects() {
        for (int i = 0; i < 10; i++) {
            server.route("/r" + i, redirect(i % 2 == 0 ? 302 : 307, "/r" + (i + 1)));
        }
        server.route("/r10", respond(200, "application/rss+xml", FEED));

        FetchResult result = get("/r0");

        assertThat(result.status().kind()).isEqualTo(Kind.OK);
        assertThat(result.finalUri()).isEqualTo(server.uri("/r10"));
        assertThat(result.movedTo()).isEmpty();
    }

    @Test
    void refusesAnEleventhRedirect() {
        for (int i = 0; i < 11; i++) {
            server.route("/s" + i, redirect(302, "/s" + (i + 1)));
        }
        server.route("/s11", respond(200, "application/rss+xml", FEED));

        FetchResult result = get("/s0");

        assertThat(result.status().kind()).isEqualTo(Kind.TOO_MANY_REDIRECTS);
        assertThat(result.status().message()).startsWith("too many redirects");
        assertThat(server.hits("/s11")).isZero();
    }

    @Test
    void stopsARedirectLoop() {
        server.route("/a", redirect(301, "/b"));
        server.route("/b", redirect(301, server.uri("/a").toString()));

        FetchResult result = get("/a");

        assertThat(result.status().kind()).isEqualTo(Kind.REDIRECT_LOOP);
        assertThat(server.hits("/a")).isEqualTo(1);
    }

    @Test
    void neverFollowsARedirectToALocalFile() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.xml"), FEED);
        server.route("/to-file", redirect(302, secret.toUri().toString()));
        server.route("/to-file-upper", redirect(302, " FILE:" + secret));

        FetchResult result = get("/to-file");

        assertThat(result.status().kind()).isEqualTo(Kind.REDIRECT_TO_OTHER_SCHEME);
        assertThat(result.status().message()).isEqualTo("redirect to a local file refused");
        assertThat(result.body()).isEmpty();
        assertThat(get("/to-file-upper").status().message()).isEqualTo("redirect to a local file refused");
    }

    @Test
    void refusesRedirectsToOtherSchemes() {
        server.route("/ftp", redirect(301, "ftp://127.0.0.1/feed"));

        assertThat(get("/ftp").status().message()).isEqualTo("redirect to a \"ftp:\" address refused");
    }

    @Test
    void reportsWhereAPermanentlyMovedFeedNowLives() {
        server.route("/old", redirect(301, "/new"));
        server.route("/new", respond(200, "application/rss+xml", FEED));

        assertThat(get("/old").movedTo()).contains(server.uri("/new"));
    }

    @Test
    void refusesALargeBodyFromContentLengthBeforeReadingIt() {
        byte[] huge = new byte[(int) CAP * 4];
        server.route("/huge", respond(200, "application/rss+xml", huge));

        FetchResult result = get("/huge");

        assertThat(result.status().kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(result.status().message()).isEqualTo("larger than the 256 KB limit");
    }

    @Test
    void stopsAnEndlessBodyWithoutContentLengthAtTheCap() {
        server.route("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 100_000; i++) {
                out.write(chunk);
            }
        });

        FetchResult result = get("/endless");

        assertThat(result.status().kind()).isEqualTo(Kind.TOO_LARGE);
    }

    @Test
    void stopsAGzipBombAtTheCapOnUnzippedBytes() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        assertThat(compressed.size()).isLessThan((int) CAP);
        server.route("/bomb", respond(200, "application/rss+xml", compressed.toByteArray(), "Content-Encoding", "gzip"));

        FetchResult result = get("/bomb");

        assertThat(result.status().kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(result.status().message()).isEqualTo("larger than the 256 KB limit once unzipped");
    }

    @Test
    void unzipsAGzippedFeed() throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(FEED.getBytes(StandardCharsets.UTF_8));
        }
        server.route("/gz", respond(200, "application/rss+xml", compressed.toByteArray(), "Content-Encoding", "gzip"));

        assertThat(new String(get("/gz").body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
    }

    @Test
    void brokenGzipIsReportedInWords() {
        server.route("/badgz", respond(200, "application/rss+xml", "not gzip at all", "Content-Encoding", "gzip"));

        FetchResult result = get("/badgz");

        assertThat(result.status().kind()).isEqualTo(Kind.UNREADABLE);
        assertThat(result.status().message()).contains("gzip");
    }

    @Test
    void sendsValidatorsAndReportsNotModified() {
        server.route("/cond", exchange -> {
            if ("\"v1\"".equals(LoopbackServer.header(exchange, "If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                respond(200, "application/rss+xml", FEED, "ETag", "\"v1\"").handle(exchange);
            }
        });
        Validators validators = new Validators(Optional.of("\"v1\""), Optional.of("Sat, 01 Mar 2025 07:00:00 GMT"));

        FetchResult result = fetcher().fetch(new FeedLocation.Remote(server.uri("/cond")), validators);

        assertThat(result.status().kind()).isEqualTo(Kind.NOT_MODIFIED);
        assertThat(result.body()).isEmpty();
        assertThat(server.requests().get(0).headers().getFirst("If-Modified-Since"))
                .isEqualTo("Sat, 01 Mar 2025 07:00:00 GMT");
    }

    @Test
    void connectionRefusedIsCouldNotConnect() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        FetchResult result = fetcher().fetch(new FeedLocation.Remote(URI.create("http://127.0.0.1:" + port + "/feed")),
                Validators.NONE);

        assertThat(result.status().kind()).isEqualTo(Kind.CONNECTION_FAILED);
        assertThat(result.status().message()).startsWith("could not connect");
        assertThat(result.status().message()).doesNotContain("Exception");
    }

    @Test
    void readsLocalFilesUnderTheSameCap() throws IOException {
        Path feed = Files.writeString(temp.resolve("ann.xml"), FEED);
        Path big = Files.write(temp.resolve("big.xml"), new byte[(int) CAP + 1]);

        assertThat(fetcher().fetch(new FeedLocation.Local(feed), Validators.NONE).body())
                .isEqualTo(FEED.getBytes(StandardCharsets.UTF_8));
        assertThat(fetcher().fetch(new FeedLocation.Local(big), Validators.NONE).status().kind()).isEqualTo(Kind.TOO_LARGE);
        assertThat(fetcher().fetch(new FeedLocation.Local(temp.resolve("missing.xml")), Validators.NONE).status().message())
                .isEqualTo("file not found");
        assertThat(fetcher().fetch(new FeedLocation.Local(temp), Validators.NONE).status().kind()).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void boundsHowManyFetchesRunAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        server.route("/slow", exchange -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(150);
            running.decrementAndGet();
            respond(200, "application/rss+xml", FEED).handle(exchange);
        });
        Fetcher fetcher = new Fetcher(HubSettings.defaults(temp).withTimeout(Duration.ofSeconds(5)).withConcurrency(2)
                .withAddressPolicy(LOOPBACK));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> fetcher.fetch(new FeedLocation.Remote(server.uri("/slow")), Validators.NONE)));
            }
            for (Future<FetchResult> r : results) {
                assertThat(r.get().status().kind()).isEqualTo(Kind.OK);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isBetween(1, 2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
