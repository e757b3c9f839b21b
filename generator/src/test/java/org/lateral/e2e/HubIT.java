package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lateral.aggregate.fetch.LoopbackServer.respond;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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

/** A small hub end to end: local and loopback feeds in, the hub's pages, feeds and reports out. */
@Timeout(120)
class HubIT {

    static final Instant NOW = Instant.parse("2025-03-12T09:00:00Z"); // a Wednesday
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    final LoopbackServer server = new LoopbackServer();

    @AfterEach
    void stop() {
        server.close();
    }

    static AggregateResult aggregate(Path hub, Instant now) {
        return Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(now, ZoneOffset.UTC)));
    }

    /** Ann (a local RSS file), Bob (Atom over HTTP, who also carries Ann's TeachMeet post) and Cat (excerpt only). */
    Path network() {
        String ann = FeedText.rss("Ann's notes", "https://ann.example/")
                .item("TeachMeet & oracy: what I took away", "https://ann.example/teachmeet/", "2025-03-04T18:30:00Z",
                        "<p>Talk is a <em>tool</em>.</p>", "oracy", "TeachMeet")
                .item("Learning walk", "https://ann.example/walk/", "2025-02-20T09:00:00Z", "<p>Three things.</p>")
                .build();
        String bob = FeedText.atom("Bob's lab", "https://bob.example/")
                .item("Retrieval starters", "https://bob.example/retrieval/", "2025-03-06T07:00:00Z", "<p>Five a day.</p>")
                .item("Repost: TeachMeet & oracy", "https://www.ann.example/teachmeet?utm_source=bob", "2025-03-05T10:00:00Z",
                        "<p>Ann's post, shared.</p>")
                .build();
        String cat = FeedText.rss("Cat's journal", "https://cat.example/")
                .item("My first term", "https://cat.example/first-term/", "2025-03-10T20:00:00Z",
                        "<p>It was long. <strong>Very</strong> long. " + "Marking, planning, more marking. ".repeat(12)
                                + "</p><p>The last paragraph, which only the whole post has.</p>")
                .build();
        server.route("/bob.xml", respond(200, "application/atom+xml", bob));
        server.route("/cat.xml", respond(200, "application/rss+xml", cat));
        return TestSites.inline(tmp, """
                -- site.yaml --
                title: Valley network
                description: What the valley's teachers are learning.
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }  # the test feeds are on loopback
                language: en-GB
                timezone: Europe/London
                menu:
                  - { name: Latest, url: / }
                  - { name: About, url: /about/ }
                hub:
                  members:
                    - name: Ann Teacher
                      feed: feeds/ann.xml
                      feedUrl: https://ann.example/feed.xml
                      site: https://ann.example/
                      licence: CC BY 4.0
                      topics: [maths, oracy]
                    - name: Bob Science
                      feed: %s
                      site: https://bob.example/
                      topics: [science, Oracy]
                    - name: Cat Newton
                      feed: %s
                      site: https://cat.example/
                      excerptOnly: true
                  timeout: 5
                -- content/pages/about.md --
                ---
                title: About the network
                ---
                We are teachers who share.
                -- feeds/ann.xml --
                %s
                """.formatted(server.uri("/bob.xml"), server.uri("/cat.xml"), ann));
    }

    @Test
    void theRiverIsNewestFirstWithEachPostOnce() {
        Path hub = network();
        AggregateResult r = aggregate(hub, NOW);
        assertThat(r.written()).isTrue();
        assertThat(r.okFeeds()).isEqualTo(3);
        assertThat(r.failedFeeds()).isZero();
        Document river = Html.page(hub.resolve("public"), "index.html");
        assertThat(river.select("article.hub-entry h2").eachText()).containsExactly("My first term",
                "Retrieval starters", "TeachMeet & oracy: what I took away", "Learning walk");
        assertThat(river.select("article.hub-entry .hub-member-link").eachText())
                .containsExactly("Cat Newton", "Bob Science", "Ann Teacher", "Ann Teacher");
        assertThat(river.select("h1").text()).isEqualTo("Valley network");
        assertThat(river.select("article.hub-entry time").first().attr("datetime")).isEqualTo("2025-03-10T20:00:00Z");
        assertThat(r.entries()).isEqualTo(4);
    }

    @Test
    void everyPageIsValidHtmlAndLinksWork() {
        Path hub = network();
        aggregate(hub, NOW);
        Path out = hub.resolve("public");
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
        for (String page : Html.htmlFiles(out)) {
            if (page.equals("404.html") || page.startsWith("digest/email")) {
                continue;
            }
            Document d = Html.page(out, page);
            for (Element a : d.select("a[href]:not([href^=http]):not([href^=#]), link[rel=stylesheet]")) {
                assertThat(Html.linkTarget(out, page, a.attr("href"))).as(page + " " + a.outerHtml()).exists();
            }
        }
        assertThat(Html.htmlFiles(out)).contains("index.html", "members/index.html", "members/ann-teacher/index.html",
                "members/bob-science/index.html", "members/cat-newton/index.html", "digest/index.html",
                "digest/email.html", "health/index.html", "about/index.html", "404.html");
        assertThat(out.resolve("digest/digest.txt")).exists();
    }

    @Test
    void everyLinkIntoTheHubResolvesToAWrittenFileAndEveryDatetimeIsValid() {
        Path hub = network();
        // a run at a time with nanoseconds, and a post without a date (shown at its first-seen time)
        TestSites.write(hub.resolve("feeds/ann.xml"), TestSites.read(hub.resolve("feeds/ann.xml")).replace(
                "<item>", "<item><title>Undated</title><link>https://ann.example/undated/</link></item><item>"));
        Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(NOW.plusNanos(123_456_789), ZoneOffset.UTC)));
        Path out = hub.resolve("public");
        String base = "https://hub.example/";
        int checked = 0;
        for (String page : Html.htmlFiles(out)) {
            Document d = Html.page(out, page);
            // rel=icon: the theme's favicon is issue 10's theme item, fixed on its own branch
            for (Element el : d.select("a[href], link[href]:not([rel=icon]), img[src], script[src]")) {
                String url = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                Path target;
                if (url.startsWith(base) || url.startsWith("/")) {
                    String rest = url.substring(url.startsWith("/") ? 1 : base.length()).replaceAll("[?#].*$", "");
                    target = out.resolve(rest.isEmpty() || rest.endsWith("/") ? rest + "index.html" : rest);
                } else if (url.startsWith("http:") || url.startsWith("https:") || url.startsWith("mailto:")
                        || url.startsWith("#")) {
                    continue;
                } else {
                    target = Html.linkTarget(out, page, url);
                }
                assertThat(target).as(page + " " + el.outerHtml()).exists();
                checked++;
            }
            for (Element time : d.select("[datetime]")) {
                assertThat(time.attr("datetime")).as(page + " " + time.outerHtml())
                        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
            }
        }
        assertThat(checked).isGreaterThan(50);
        Document digest = Html.page(out, "digest/index.html");
        assertThat(digest.select("link[rel=alternate]").eachAttr("href")).contains(base + "digest/feed.xml")
                .doesNotContain(base + "digest/rss.xml", base + "digest/feed.json");
    }

    @Test
    void aProlificMemberCannotDrownTheOthersOnTheRiver() {
        Path hub = TestSites.inline(tmp, """
                -- site.yaml --
                title: Cap
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }  # the test feeds are on loopback
                paginate: 4
                hub:
                  perMemberCap: 2
                  riverPages: 2
                  members:
                    - { name: Pro, feed: pro.xml }
                    - { name: Ann, feed: ann.xml }
                    - { name: Bob, feed: bob.xml }
                -- pro.xml --
                %s
                -- ann.xml --
                %s
                -- bob.xml --
                %s
                """.formatted(
                FeedText.rss("Pro", "https://pro.example/").numbered("Pro", "https://pro.example/", "2025-03-10T12:00:00Z", 10).build(),
                FeedText.rss("Ann", "https://ann.example/").numbered("Ann", "https://ann.example/", "2025-02-10T12:00:00Z", 2).build(),
                FeedText.rss("Bob", "https://bob.example/").numbered("Bob", "https://bob.example/", "2025-01-10T12:00:00Z", 1).build()));
        aggregate(hub, NOW);
        Path out = hub.resolve("public");
        assertThat(Html.page(out, "index.html").select("article.hub-entry h2").eachText())
                .containsExactly("Pro 1", "Pro 2", "Ann 1", "Ann 2");
        Document two = Html.page(out, "page/2/index.html");
        assertThat(two.select("article.hub-entry h2").eachText()).containsExactly("Pro 3", "Pro 4", "Pro 5", "Bob 1");
        assertThat(two.select("a[rel=next]")).isEmpty();
        assertThat(two.select("p.hub-older").text()).isEqualTo("Older posts are on each member's page.");
        assertThat(out.resolve("page/3")).doesNotExist();
        assertThat(Html.page(out, "members/pro/index.html").select("article.hub-entry")).hasSize(10);
        assertThat(Html.page(out, "index.html").select(".hub-glance").text()).contains("13 posts");
    }

    @Test
    void aHubsOwnPageIsConvertedAsASitesWithinTheLimitsAndItsProblemsAtItsLine() {
        Path hub = TestSites.inline(tmp, """
                -- site.yaml --
                title: Pages
                baseUrl: https://hub.example/
                hub:
                  members:
                    - { name: Ann, feed: ann.xml }
                -- ann.xml --
                %s
                -- content/pages/about.md --
                ---
                title: About
                ---
                Who we are.

                %s
                """.formatted(FeedText.rss("Ann", "https://ann.example/")
                        .numbered("Ann", "https://ann.example/", "2025-03-10T12:00:00Z", 1).build(),
                "|" + "a|".repeat(1800) + "\n|" + "-|".repeat(1800) + "\n|x|\n"));
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> aggregate(hub, NOW));
        assertThat(t).isInstanceOf(org.lateral.LateralException.class);
        assertThat(((org.lateral.LateralException) t).problems()).extracting(org.lateral.Problem::format)
                // at the table's delimiter row, as for a post
                .anySatisfy(f -> assertThat(f).startsWith("content/pages/about.md:7:").contains("1800 columns"));
        assertThat(hub.resolve("public")).doesNotExist();
    }

    @Test
    void excerptOnlyMembersShowASummaryAndALinkNeverTheWholePost() throws IOException {
        Path hub = network();
        aggregate(hub, NOW);
        Path out = hub.resolve("public");
        Element cat = Html.page(out, "index.html").select("article.hub-entry").first();
        assertThat(cat.select(".e-content")).isEmpty();
        assertThat(cat.select(".p-summary").text()).startsWith("It was long.");
        assertThat(cat.select("a.more").attr("href")).isEqualTo("https://cat.example/first-term/");
        assertThat(cat.select("a.more").text()).startsWith("Continue reading on Cat Newton's site");
        // the river shows summaries (it was 21,751 px tall with whole posts); the member's page the whole post
        Element bob = Html.page(out, "index.html").select("article.hub-entry").get(1);
        assertThat(bob.select(".e-content")).isEmpty();
        assertThat(bob.select(".p-summary").text()).isEqualTo("Five a day.");
        assertThat(bob.select("h2 a.u-url")).hasSize(1);
        Element bobsOwn = Html.page(out, "members/bob-science/index.html").select("article.hub-entry").first();
        assertThat(bobsOwn.select(".e-content").html()).contains("Five a day.");
        Document atom = Html.xml(out, "feed.xml");
        Element catEntry = atom.select("entry").first();
        assertThat(catEntry.select("title").text()).isEqualTo("My first term");
        assertThat(catEntry.select("content").text()).contains("It was long.").doesNotContain("only the whole post has");
        JsonNode json = JSON.readTree(out.resolve("feed.json").toFile());
        assertThat(json.path("items").get(0).path("content_html").asText()).doesNotContain("only the whole post has");
        assertThat(Html.page(out, "members/cat-newton/index.html").text()).contains("prefers readers to finish each post");
    }

    @Test
    void memberPagesAndTheMembersPageSayWhoTheyAre() {
        Path hub = network();
        aggregate(hub, NOW);
        Path out = hub.resolve("public");
        Document ann = Html.page(out, "members/ann-teacher/index.html");
        assertThat(ann.select("h1").text()).isEqualTo("Ann Teacher");
        assertThat(ann.select("a.u-url").attr("href")).isEqualTo("https://ann.example/");
        assertThat(ann.text()).contains("Shared under CC BY 4.0.").contains("maths · oracy");
        assertThat(ann.select("article.hub-entry h3").eachText())
                .containsExactly("TeachMeet & oracy: what I took away", "Learning walk");
        assertThat(ann.select("article.hub-entry .p-category").eachText()).containsExactly("oracy", "TeachMeet");
        Document members = Html.page(out, "members/index.html");
        // member cards are h2: the page has no heading above them but its h1
        assertThat(members.select(".hub-member-card h2").eachText()).containsExactly("Ann Teacher", "Bob Science", "Cat Newton");
        assertThat(members.select(".hub-member-card a").eachText()).contains("Visit Ann Teacher's own site");
        assertThat(members.select(".hub-by-topic dt").eachText()).containsExactly("Maths", "Oracy", "Science");
        assertThat(members.select(".hub-by-topic dd").get(1).text()).isEqualTo("Ann Teacher, Bob Science");
    }

    @Test
    void theHubsOwnFeedsBlogrollAndReportAreWritten() throws IOException {
        Path hub = network();
        aggregate(hub, NOW);
        Path out = hub.resolve("public");
        Document atom = Html.xml(out, "feed.xml");
        assertThat(atom.select("feed > title").text()).isEqualTo("Valley network");
        assertThat(atom.select("entry > id").eachText()).containsExactly("https://cat.example/first-term/",
                "https://bob.example/retrieval/", "https://ann.example/teachmeet/", "https://ann.example/walk/");
        assertThat(atom.select("entry").get(2).select("author name").text()).isEqualTo("Ann Teacher");
        Document rss = Html.xml(out, "rss.xml");
        assertThat(rss.select("item > title").eachText()).hasSize(4);
        assertThat(JSON.readTree(out.resolve("feed.json").toFile()).path("items")).hasSize(4);

        Document opml = Html.xml(out, "blogroll.opml");
        assertThat(opml.select("outline").eachAttr("xmlUrl")).containsExactly("https://ann.example/feed.xml",
                server.uri("/bob.xml").toString(), server.uri("/cat.xml").toString());

        JsonNode report = JSON.readTree(out.resolve("health/report.json").toFile());
        assertThat(report.path("feeds").asInt()).isEqualTo(3);
        assertThat(report.path("ok").asInt()).isEqualTo(3);
        assertThat(report.path("subscriptions").findValuesAsText("member"))
                .containsExactly("ann-teacher", "bob-science", "cat-newton");
    }

    @Test
    void theDigestIsTheLatestWeekThatHadPostsAsAPageAnEmailTextAndAFeed() throws IOException {
        Path hub = network();
        aggregate(hub, NOW);
        Path out = hub.resolve("public");
        Document page = Html.page(out, "digest/index.html");
        assertThat(page.select(".lede").text()).isEqualTo("3 March 2025 to 9 March 2025: 2 posts from 2 members");
        // the week's first posts on the hub greet "new voices"; then member by member; then the archive
        assertThat(page.select("h2").eachText()).containsExactly("New voices", "Ann Teacher", "Bob Science",
                "Digest archive");
        Document email = Html.page(out, "digest/email.html");
        assertThat(email.select("script, link[rel=stylesheet], style")).isEmpty();
        assertThat(email.select("a[href]").eachAttr("href")).allMatch(h -> h.startsWith("https://"));
        assertThat(email.select("[style]")).isNotEmpty();
        assertThat(email.text()).contains("Retrieval starters").contains("TeachMeet & oracy: what I took away");
        String text = Files.readString(out.resolve("digest/digest.txt"));
        assertThat(text).contains("== Bob Science ==").contains("* Retrieval starters (6 March 2025)")
                .contains("https://bob.example/retrieval/").doesNotContain("<");
        Document feed = Html.xml(out, "digest/feed.xml");
        assertThat(feed.select("entry > title").eachText())
                .containsExactly("Week of 3 March 2025: 2 posts from 2 members", "Week of 17 February 2025: 1 post from 1 member");
        assertThat(feed.select("entry > id").first().text()).isEqualTo("tag:hub.example,2025-03-03:/digest/");
    }

    @Test
    void theHubsOwnPagesAreBuiltAndTemplatesCanBeOverridden() {
        Path hub = network();
        TestSites.write(hub.resolve("templates/hub/member.ftlh"), """
                <#import "/partials/layout.ftlh" as layout>
                <@layout.page title=member.name>
                <h1 class="own">${member.name} (${member.entries?size})</h1>
                </@layout.page>
                """);
        aggregate(hub, NOW);
        Path out = hub.resolve("public");
        assertThat(Html.page(out, "about/index.html").select("h1").text()).isEqualTo("About the network");
        assertThat(Html.page(out, "members/ann-teacher/index.html").select("h1.own").text()).isEqualTo("Ann Teacher (2)");
    }

    @Test
    void aWelshHubSpeaksWelsh() {
        Path hub = network();
        TestSites.write(hub.resolve("site.yaml"), TestSites.read(hub.resolve("site.yaml")).replace("language: en-GB", "language: cy"));
        aggregate(hub, NOW);
        Document health = Html.page(hub.resolve("public"), "health/index.html");
        assertThat(health.select("h1").text()).isEqualTo("Iechyd y ffrydiau");
        assertThat(health.select("html").attr("lang")).isEqualTo("cy");
        assertThat(Html.page(hub.resolve("public"), "members/index.html").select("h1").text()).isEqualTo("Aelodau");
    }

    @Test
    void aRunReportsProgressForEveryFeed() {
        Path hub = network();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withProgress((report, done, total) -> lines.add(report.format() + " " + total)));
        assertThat(lines).containsExactlyInAnyOrder("ann-teacher: OK 3", "bob-science: OK 3", "cat-newton: OK 3");
    }
}
