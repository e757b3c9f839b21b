package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.AggregateRequest;
import org.lateral.AggregateResult;
import org.lateral.Lateral;
import org.lateral.aggregate.fetch.LoopbackServer;
import org.lateral.testing.FeedText;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * A fair digest and river: the digest's cap per member with "and k more", the river's cap per
 * member per day, "new voices", and the joining and migration guards across runs (their memory in
 * the cache folder), with feeds served on loopback.
 */
@Timeout(120)
class HubFairnessIT {

    static final Instant RUN_1 = Instant.parse("2030-03-13T09:00:00Z");
    static final Instant RUN_2 = Instant.parse("2030-03-14T09:00:00Z");
    static final Instant RUN_3 = Instant.parse("2030-03-15T09:00:00Z");

    @TempDir
    Path tmp;
    final LoopbackServer server = new LoopbackServer();
    final Map<String, String> feeds = new ConcurrentHashMap<>();

    @AfterEach
    void close() {
        server.close();
    }

    void serve(String name, String feed) {
        feeds.put(name, feed);
        server.route("/" + name, exchange -> {
            byte[] body = feeds.get(name).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
    }

    Path hub(String extra, String... members) {
        StringBuilder list = new StringBuilder();
        for (String m : members) {
            list.append("    - { name: ").append(m).append(", id: ").append(m.toLowerCase()).append(", feed: \"")
                    .append(server.uri("/" + m.toLowerCase())).append("\" }\n");
        }
        return TestSites.inline(tmp.resolve("hub"), """
                -- site.yaml --
                title: Fair network
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }
                language: en-GB
                timezone: Europe/London
                paginate: 50
                hub:
                  timeout: 5
                  perMemberCap: 50
                %s  members:
                %s""".formatted(extra, list));
    }

    static AggregateResult aggregate(Path hub, Instant now) {
        return Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(now, ZoneOffset.UTC)));
    }

    static java.util.List<String> riverTitles(Path out) {
        return Html.page(out, "index.html").select("article.hub-entry h2").eachText();
    }

    @Test
    void theDigestCapsEachMemberTheRiverCapsEachDayAndFirstPostsAreNewVoices() {
        serve("ann", FeedText.rss("Ann", "https://ann.example/")
                .item("Ann one", "https://ann.example/1/", "2030-03-04T09:00:00Z", "<p>1</p>")
                .item("Ann two", "https://ann.example/2/", "2030-03-05T09:00:00Z", "<p>2</p>")
                .item("Ann three", "https://ann.example/3/", "2030-03-06T09:00:00Z", "<p>3</p>")
                .item("Ann four", "https://ann.example/4/", "2030-03-07T09:00:00Z", "<p>4</p>")
                .item("Ann morning", "https://ann.example/5/", "2030-03-08T08:00:00Z", "<p>5</p>")
                .item("Ann evening", "https://ann.example/6/", "2030-03-08T18:00:00Z", "<p>6</p>")
                .item("Ann last month", "https://ann.example/0/", "2030-02-10T09:00:00Z", "<p>0</p>")
                .build());
        serve("bob", FeedText.rss("Bob", "https://bob.example/")
                .item("Bob's first post", "https://bob.example/1/", "2030-03-06T12:00:00Z", "<p>Hello.</p>")
                .build());
        Path hub = hub("  digest: { perMember: 2 }\n  river: { perMemberPerDay: 1 }\n", "Ann", "Bob");
        aggregate(hub, RUN_1);
        Path out = hub.resolve("public");

        Document week = Html.page(out, "digest/2030-W10/index.html");
        assertThat(week.select("h2:contains(Ann) + ul.hub-digest-list li > a").eachText())
                .containsExactly("Ann evening", "Ann morning");
        assertThat(week.select(".hub-digest-more a").text()).isEqualTo("and 4 more from Ann");
        assertThat(week.select(".hub-digest-more a").attr("href")).isEqualTo("../../members/ann/index.html");
        assertThat(week.select(".hub-new-voices li > a").eachText()).containsExactly("Bob's first post");
        assertThat(Html.page(out, "digest/2030-W06/index.html").select(".hub-new-voices li > a").eachText())
                .containsExactly("Ann last month");
        assertThat(Files.exists(out.resolve("digest/digest.txt"))).isTrue();
        assertThat(TestSites.read(out.resolve("digest/digest.txt"))).contains("and 4 more from Ann: https://hub.example/members/ann/");

        // one of Ann's two posts of 8 March in the river (the later one); both on her page
        assertThat(riverTitles(out)).contains("Ann evening").doesNotContain("Ann morning");
        assertThat(Html.page(out, "members/ann/index.html").select("article.hub-entry h3").eachText())
                .contains("Ann evening", "Ann morning");
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void aJoiningMemberBringsOnlyTheirNewestPostsAndAMigrationStaysOnTheMembersPage() {
        serve("ann", FeedText.rss("Ann", "https://ann.example/")
                .item("Ann new", "https://ann.example/new/", "2030-03-12T09:00:00Z", "<p>n</p>").build());
        serve("bob", FeedText.rss("Bob", "https://bob.example/")
                .numbered("Bob", "https://bob.example/p", "2030-03-11T09:00:00Z", 4).build());
        Path hub = hub("", "Ann", "Bob");
        aggregate(hub, RUN_1);
        Path out = hub.resolve("public");
        // the first run (a cold cache): every member is a founding member, nothing is held back
        assertThat(riverTitles(out)).contains("Bob 1", "Bob 4");
        assertThat(hub.resolve(".lateral-cache/river-state.json")).exists();

        // Cat joins with 6 posts: her newest 3 enter the river, all 6 are on her page
        serve("cat", FeedText.rss("Cat", "https://cat.example/")
                .numbered("Cat", "https://cat.example/p", "2030-03-13T09:00:00Z", 6).build());
        Path withCat = hub.resolve("site.yaml");
        TestSites.write(withCat, TestSites.read(withCat) + "    - { name: Cat, id: cat, feed: \"" + server.uri("/cat") + "\" }\n");
        aggregate(hub, RUN_2);
        assertThat(riverTitles(out)).contains("Cat 1", "Cat 2", "Cat 3").doesNotContain("Cat 4", "Cat 5", "Cat 6");
        assertThat(Html.page(out, "members/cat/index.html").select("article.hub-entry h3")).hasSize(6);
        assertThat(Html.page(out, "health/index.html").select("#held-cat-join").text())
                .contains("Cat: joined the hub on 14 March 2030; 3 older posts are on their page only");

        // Bob's blog moves: 7 posts he never had before, all dated before his newest one
        serve("bob", FeedText.rss("Bob", "https://bob.example/")
                .numbered("Bob", "https://bob.example/p", "2030-03-11T09:00:00Z", 4)
                .numbered("Moved", "https://bob.example/moved/p", "2030-03-10T09:00:00Z", 7).build());
        aggregate(hub, RUN_3);
        assertThat(riverTitles(out)).contains("Bob 1").noneMatch(t -> t.startsWith("Moved"));
        assertThat(Html.page(out, "digest/2030-W10/index.html").text()).doesNotContain("Moved");
        assertThat(Html.page(out, "members/bob/index.html").select("article.hub-entry h3").eachText()).contains("Moved 1", "Moved 7");
        assertThat(Html.page(out, "health/index.html").select("#held-bob-migration").text())
                .contains("looks like a blog migration: 7 older posts appeared at once on 15 March 2030");
        // and the next run remembers it, while Cat's older posts stay held too
        aggregate(hub, RUN_3.plusSeconds(3600));
        assertThat(riverTitles(out)).noneMatch(t -> t.startsWith("Moved")).doesNotContain("Cat 6");

        // a cold cache forgets: it is a first run again, and everything enters the river
        try (java.util.stream.Stream<Path> files = Files.walk(hub.resolve(".lateral-cache"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        aggregate(hub, RUN_3.plusSeconds(7200));
        assertThat(riverTitles(out)).contains("Cat 6");
    }
}
