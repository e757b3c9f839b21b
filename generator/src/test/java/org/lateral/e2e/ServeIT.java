package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Lateral;
import org.lateral.Preview;
import org.lateral.ServeRequest;
import org.lateral.testing.EventStream;
import org.lateral.testing.TestSites;

/**
 * {@code lateral serve} end to end: a real preview on 127.0.0.1 (any free port), read by an HTTP
 * client and by an event-stream reader as a browser would, while the test edits the site's files
 * the ways editors save them. Every wait is on an event, with generous patience; nothing is timed.
 */
class ServeIT {

    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    static final String SITE = """
            -- site.yaml --
            title: Ms Rahman's journal
            baseUrl: https://example.org/journal/
            -- content/posts/2024-01-05-first.md --
            ---
            title: First steps
            tags: [feedback]
            ---
            Trying exit tickets.
            -- content/posts/2024-02-05-second.md --
            ---
            title: Second thoughts
            tags: [feedback]
            ---
            What the tickets said.
            -- content/posts/2024-03-05-plan.md --
            ---
            title: A plan not yet shared
            draft: true
            ---
            Half an idea.
            -- content/posts/2024-09-05-later.md --
            ---
            title: Next term
            ---
            Scheduled for September.
            -- content/pages/about.md --
            ---
            title: About
            ---
            About me.
            -- static/css/extra.css --
            p { color: black; }
            """;

    @TempDir
    Path tmp;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    Preview serve(Path site, ServeRequest request) {
        Preview p = Lateral.serve(request);
        open.add(p);
        return p;
    }

    ServeRequest request(Path site) {
        return ServeRequest.of(site).withPort(0).withStaging(tmp.resolve("staging")).withClock(() -> NOW)
                .withOutput(line -> { }, line -> { });
    }

    EventStream events(Preview p) throws IOException, InterruptedException {
        EventStream s = EventStream.open(http, p.address().resolve("_lateral/events"));
        open.add(s);
        return s;
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    Document page(Preview p, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(p.address().resolve(path));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(r.body(), r.uri().toString());
    }

    static JsonNode data(EventStream.Event e) throws IOException {
        return JSON.readTree(e.data());
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static String post(String title, String body) {
        return "---\ntitle: " + title + "\ntags: [feedback]\n---\n" + body + "\n";
    }

    @Test
    void servesTheSiteUnderItsPathWithDraftsAndTheLiveScriptButNeverWritesPublicOrTheScriptIntoFiles() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        Preview p = serve(site, request(site));

        assertThat(p.address().toString()).startsWith("http://127.0.0.1:").endsWith("/journal/");
        HttpResponse<String> root = get(p.address().resolve("/"));
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/journal/");

        Document home = page(p, "");
        assertThat(home.title()).contains("Ms Rahman's journal");
        assertThat(home.select("script[src=/journal/_lateral/live.js]")).hasSize(1);
        assertThat(home.select(".status-draft")).isNotEmpty();
        assertThat(home.select(".status-scheduled")).isNotEmpty();
        assertThat(page(p, "2024/03/plan/").select(".status-note")).isNotEmpty();
        assertThat(page(p, "2024/09/later/").select(".status-note")).isNotEmpty();
        assertThat(get(p.address().resolve("_lateral/live.js")).body()).contains("EventSource");

        // folders without their slash are redirected; HEAD answers without a body; only GET and HEAD
        assertThat(get(p.address().resolve("2024/01/first")).headers().firstValue("Location"))
                .hasValue("/journal/2024/01/first/");
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(p.address()).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(p.address()).POST(
                HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");

        // nothing outside the served folder, however the path is spelt
        write(tmp.resolve("staging/secret.txt"), "not for the browser");
        for (String sneaky : List.of("/journal/../staging/secret.txt", "/journal/%2e%2e/secret.txt",
                "/journal/..%2fsecret.txt", "/journal/%2e%2e/%2e%2e/site/site.yaml", "/elsewhere/")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(p.address().resolve("/") + sneaky.substring(1)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(sneaky).isIn(400, 404);
            assertThat(r.body()).as(sneaky).doesNotContain("not for the browser").doesNotContain("baseUrl");
        }
        assertThat(get(p.address().resolve("no/such/page/")).statusCode()).isEqualTo(404);

        assertThat(site.resolve("public")).doesNotExist();
        try (Stream<Path> files = Files.walk(tmp.resolve("staging/site"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain("_lateral");
            }
        }
    }

    @Test
    void withoutDraftsTheSiteIsAsItWillBePublished() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        Preview p = serve(site, request(site).withDrafts(false));
        assertThat(get(p.address().resolve("2024/03/plan/")).statusCode()).isEqualTo(404);
        assertThat(get(p.address().resolve("2024/09/later/")).statusCode()).isEqualTo(404);
        assertThat(page(p, "2024/01/first/").title()).contains("First steps");
    }

    @Test
    void everyEditorsWayOfSavingRebuildsAndTheChangedPageIsServed() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        Preview p = serve(site, request(site));
        EventStream events = events(p);
        Path first = site.resolve("content/posts/2024-01-05-first.md");

        // in place
        write(first, post("First steps", "Saved in place."));
        JsonNode ok = data(events.next("ok"));
        assertThat(ok.get("urls").toString()).contains("/journal/2024/01/first/");
        assertThat(page(p, "2024/01/first/").text()).contains("Saved in place.");

        // a temporary file renamed over the post (atomic save: Sublime, VS Code, IntelliJ)
        Path temp = site.resolve("content/posts/.2024-01-05-first.md.tmp");
        write(temp, post("First steps", "Saved atomically."));
        Files.move(temp, first, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        events.next("ok");
        assertThat(page(p, "2024/01/first/").text()).contains("Saved atomically.");

        // vim: write test file 4913, rename to a backup, write anew, delete the backup
        Path probe = site.resolve("content/posts/4913");
        write(probe, "");
        Files.delete(probe);
        Path backup = site.resolve("content/posts/2024-01-05-first.md~");
        Files.move(first, backup);
        write(first, post("First steps", "Saved by vim."));
        Files.delete(backup);
        waitFor(p, events, "2024/01/first/", "Saved by vim.");

        // a new folder with a post in it (a page bundle)
        write(site.resolve("content/posts/2024-04-05-bundle/index.md"), post("In a folder", "Bundled."));
        waitFor(p, events, "2024/04/bundle/", "Bundled.");
        assertThat(page(p, "").text()).contains("In a folder");
    }

    /** Waits for builds until the page holds the text (an editor's save may be seen as two changes). */
    static void waitFor(Preview p, EventStream events, String path, String text) throws Exception {
        for (int builds = 0; builds < 3; builds++) {
            EventStream.Event e = events.nextBuild();
            assertThat(e.type()).as(e.data()).isEqualTo("ok");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(p.address().resolve(path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && Jsoup.parse(r.body()).text().contains(text)) {
                return;
            }
        }
        throw new AssertionError(path + " never showed " + text);
    }

    @Test
    void saveAllOfTwentyFilesIsAtMostTwoRebuilds() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        for (int i = 0; i < 20; i++) {
            write(site.resolve("content/posts/2024-05-%02d-note-%d.md".formatted(i + 1, i)), post("Note " + i, "Draft one."));
        }
        Preview p = serve(site, request(site));
        EventStream events = events(p);
        for (int i = 0; i < 20; i++) {
            write(site.resolve("content/posts/2024-05-%02d-note-%d.md".formatted(i + 1, i)), post("Note " + i, "Saved all."));
        }
        int builds = 0;
        while (true) {
            EventStream.Event e = events.nextBuild();
            assertThat(e.type()).isEqualTo("ok");
            builds++;
            if (allSaved(p)) {
                break;
            }
        }
        assertThat(builds).isLessThanOrEqualTo(2);
    }

    private boolean allSaved(Preview p) throws Exception {
        for (int i = 0; i < 20; i++) {
            String path = "2024/05/note-" + i + "/";
            HttpResponse<String> r = get(p.address().resolve(path));
            if (r.statusCode() != 200 || !r.body().contains("Saved all.")) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aBrokenPostSendsTheCommandLinesProblemLinesKeepsTheLastGoodBuildAndTheFixClearsThem() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        Preview p = serve(site, request(site));
        EventStream events = events(p);
        Path second = site.resolve("content/posts/2024-02-05-second.md");
        write(second, "---\ntitle: Second thoughts\ndate: 2024-13-45\n---\nBroken date.\n");
        JsonNode error = data(events.next("error"));
        String lines = error.get("lines").toString();
        assertThat(lines).contains("content/posts/2024-02-05-second.md:3:").contains(": error: ").contains(" — fix: ");
        assertThat(page(p, "2024/02/second/").text()).contains("What the tickets said.");

        // a page opened while the site is broken hears of the problems at once
        try (EventStream late = EventStream.open(http, p.address().resolve("_lateral/events"))) {
            assertThat(late.next("error").data()).contains("2024-02-05-second.md:3:");
        }

        write(second, post("Second thoughts", "Fixed."));
        JsonNode ok = data(events.next("ok"));
        assertThat(ok.get("build").asLong()).isGreaterThan(error.get("build").asLong());
        assertThat(page(p, "2024/02/second/").text()).contains("Fixed.");
        try (EventStream late = EventStream.open(http, p.address().resolve("_lateral/events"))) {
            assertThat(late.waiting()).isZero();
        }
    }

    @Test
    void aSiteThatNeverBuiltServesItsProblemsAsThePageUntilFixed() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        Path first = site.resolve("content/posts/2024-01-05-first.md");
        write(first, "---\ntitle: [unclosed\n---\nBody.\n");
        Preview p = serve(site, request(site));
        HttpResponse<String> r = get(p.address());
        assertThat(r.statusCode()).isEqualTo(500);
        Document d = Jsoup.parse(r.body());
        assertThat(d.select("#lateral-problems li").text()).contains("content/posts/2024-01-05-first.md:2:")
                .contains("error:");
        assertThat(d.select("script[src=/journal/_lateral/live.js]")).hasSize(1);
        EventStream events = events(p);
        assertThat(events.next("error").data()).contains("2024-01-05-first.md:2:");
        write(first, post("First steps", "Now it builds."));
        JsonNode ok = data(events.next("ok"));
        assertThat(ok.get("all").asBoolean()).isTrue();
        assertThat(page(p, "2024/01/first/").text()).contains("Now it builds.");
    }

    @Test
    void aRenamedPostSendsItsPageToTheNewAddressAndADeletedOneHome() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        Preview p = serve(site, request(site));
        EventStream events = events(p);
        Files.move(site.resolve("content/posts/2024-01-05-first.md"), site.resolve("content/posts/2024-01-05-beginnings.md"));
        JsonNode moved = null;
        for (int builds = 0; builds < 3 && moved == null; builds++) {
            JsonNode ok = data(events.next("ok"));
            if (ok.get("moved").has("/journal/2024/01/first/")) {
                moved = ok.get("moved");
            }
        }
        assertThat(moved).isNotNull();
        assertThat(moved.get("/journal/2024/01/first/").asText()).isEqualTo("/journal/2024/01/beginnings/");
        assertThat(get(p.address().resolve("2024/01/first/")).statusCode()).isEqualTo(404);
        assertThat(page(p, "2024/01/beginnings/").text()).contains("Trying exit tickets.");

        Files.delete(site.resolve("content/posts/2024-02-05-second.md"));
        JsonNode ok = data(events.next("ok"));
        assertThat(ok.get("moved").get("/journal/2024/02/second/").asText()).isEqualTo("/journal/");
        assertThat(get(p.address().resolve("2024/02/second/")).statusCode()).isEqualTo(404);
    }

    @Test
    void aSiteYamlChangeRebuildsEverythingAndANewPathMovesEveryPage() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        Preview p = serve(site, request(site));
        EventStream events = events(p);
        Path yaml = site.resolve("site.yaml");
        write(yaml, Files.readString(yaml).replace("Ms Rahman's journal", "Reflections"));
        JsonNode ok = data(events.next("ok"));
        assertThat(ok.get("all").asBoolean()).isTrue();
        assertThat(page(p, "2024/01/first/").title()).contains("Reflections");

        write(yaml, Files.readString(yaml).replace("https://example.org/journal/", "https://example.org/cpd/"));
        ok = data(events.next("ok"));
        assertThat(ok.get("home").asText()).isEqualTo("/cpd/");
        assertThat(ok.get("moved").get("/journal/2024/01/first/").asText()).isEqualTo("/cpd/2024/01/first/");
        assertThat(p.address().getPath()).isEqualTo("/cpd/");
        assertThat(page(p, "/cpd/2024/01/first/").select("script[src=/cpd/_lateral/live.js]")).hasSize(1);
        assertThat(get(p.address().resolve("/")).headers().firstValue("Location")).hasValue("/cpd/");
        // the old address now reaches the stream no more: the new one does
        try (EventStream again = EventStream.open(http, p.address().resolve("_lateral/events"))) {
            assertThat(again.waiting()).isZero();
        }
    }

    @Test
    void aStylesheetOnlyChangeSaysSoAndDebrisIsNoChange() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        Preview p = serve(site, request(site));
        EventStream events = events(p);
        long before = p.builds();
        // editor debris first: swap files, backups, emacs locks; then the real save
        write(site.resolve("static/css/.extra.css.swp"), "swap");
        write(site.resolve("static/css/extra.css~"), "backup");
        write(site.resolve("static/css/#extra.css#"), "emacs");
        write(site.resolve("static/css/extra.css"), "p { color: navy; }");
        JsonNode ok = data(events.next("ok"));
        assertThat(ok.get("css").asBoolean()).isTrue();
        assertThat(get(p.address().resolve("css/extra.css")).body()).contains("navy");
        assertThat(p.builds()).isEqualTo(before + 1);
    }

    @Test
    void aTakenPortOrAFolderWithoutSiteYamlIsAProblemWithAFixAndStartsNothing() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Lateral.serve(request(site).withPort(taken.getLocalPort())))
                    .isInstanceOf(org.lateral.LateralException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("--port 1314");
        }
        Path empty = Files.createDirectories(tmp.resolve("not-a-site"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Lateral.serve(request(empty)))
                .isInstanceOf(org.lateral.LateralException.class).hasMessageContaining("site.yaml");
        assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("lateral-http") || n.startsWith("lateral-watch"))).isEmpty();
    }

    @Test
    void pollingSeesSavesWhereFileEventsDoNotArrive() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        Preview p = serve(site, request(site).withPoll(java.util.Optional.of(java.time.Duration.ofMillis(50)))
                .withOutput(said::add, said::add));
        EventStream events = events(p);
        write(site.resolve("content/posts/2024-01-05-first.md"), post("First steps", "Seen by polling."));
        waitFor(p, events, "2024/01/first/", "Seen by polling.");
        write(site.resolve("content/posts/2024-01-20-polled/index.md"), post("In a new folder", "Polled too."));
        waitFor(p, events, "2024/01/polled/", "Polled too.");
        assertThat(said).anyMatch(l -> l.startsWith("Preview at http://127.0.0.1:") && l.endsWith("/journal/ — Ctrl-C to stop"))
                .anyMatch(l -> l.startsWith("content/posts/2024-01-05-first.md changed: rebuilt "));
    }
}
