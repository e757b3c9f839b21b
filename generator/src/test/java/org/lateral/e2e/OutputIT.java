package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.Problem;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * What a site shows, checked on the output: the theme's favicon, summaries from front matter on
 * lists and in feeds, pictures in summaries, the authors' index, links to other posts' Markdown
 * files, and "Draft" and "Scheduled" labels. The site is published under a path ({@code /cpd/}).
 */
class OutputIT {

    static final String SITE = """
            -- site.yaml --
            title: Cwm CPD
            baseUrl: https://cwm.example.org/cpd/
            language: en-GB
            timezone: Europe/London
            authors:
              arahman: {name: Aisha Rahman, bio: Head of English}
              bjones: {name: Ben Jones}
            -- content/posts/2024-09-26-retrieval-starters.md --
            ---
            title: Retrieval starters
            date: 2024-09-26
            tags: [retrieval]
            authors: [bjones]
            summary: "Five *quick* starters from [Rosenshine](https://example.org/r), tried in Year 8"
            ---
            The body's own first paragraph, which is not the summary.

            More of the body.
            -- content/posts/teachmeet/index.md --
            ---
            title: TeachMeet North
            date: 2024-10-03
            tags: [retrieval, oracy]
            ---
            ![The room at TeachMeet North](room.png)
            We talked about [the starters](../2024-09-26-retrieval-starters.md#the-five) and
            oracy[^1].

            The rest of the reflection, with [a typo'd link](2024-09-26-retreival-starters.md).

            [^1]: Voice 21's framework.
            -- content/posts/teachmeet/room.png --
            not really a picture
            -- content/posts/2024-10-10-follow-up.md --
            ---
            title: Follow-up
            date: 2024-10-10
            tags: [oracy]
            ---
            Back to [TeachMeet](teachmeet/index.md) and [my about page](../pages/about.md).
            -- content/posts/2024-10-12-half-written.md --
            ---
            title: Half written
            date: 2024-10-12
            draft: true
            ---
            Not ready.
            -- content/posts/2024-12-25-next-term.md --
            ---
            title: Next term
            date: 2024-12-25
            ---
            Coming soon.
            -- content/pages/about.md --
            ---
            title: About
            ---
            About me.
            """;

    @TempDir
    static Path tmp;
    static Path out;
    static BuildResult result;

    @BeforeAll
    static void build() {
        Path site = TestSites.withRealPictures(TestSites.inline(tmp, SITE));
        result = Lateral.build(BuildRequest.of(site).withDrafts(true).withFuture(true)
                .withNow(Instant.parse("2024-11-01T12:00:00Z")));
        out = result.output();
    }

    static Document at(String rel) {
        return Html.page(out, rel);
    }

    /** The file a link on a page leads to (a folder's index.html for a folder address). */
    static Path target(String page, String href) {
        Path t = Html.linkTarget(out, page, href);
        return java.nio.file.Files.isDirectory(t) ? t.resolve("index.html") : t;
    }

    static Element summaryOf(Document list, String title) {
        return list.select("article.post-summary").stream()
                .filter(a -> a.selectFirst("h2 a").text().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no summary of " + title));
    }

    @Test
    void everyPageIsValidHtml() {
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void theThemeShipsTheFaviconEveryPageLinks() {
        String href = at("index.html").select("link[rel=icon]").attr("href");
        assertThat(Html.linkTarget(out, "index.html", href)).isRegularFile()
                .content().contains("<svg");
    }

    @Test
    void summaryFromFrontMatterIsTheSummaryOnTheHomeAndTagPages() {
        for (String list : List.of("index.html", "tags/retrieval/index.html")) {
            Element s = summaryOf(at(list), "Retrieval starters");
            assertThat(s.select(".p-summary").text()).as(list).isEqualTo("Five quick starters from Rosenshine, tried in Year 8");
            assertThat(s.select(".p-summary em").text()).isEqualTo("quick");
            assertThat(s.text()).doesNotContain("first paragraph");
            assertThat(s.select("a[href*=retrieval-starters]")).as("one link to the post: its title").hasSize(1);
            assertThat(s.select("a.more")).as("no \"Read more: <title>\" repeating the title link").isEmpty();
        }
        Document post = at("2024/09/retrieval-starters/index.html");
        assertThat(post.select("meta[name=description]").attr("content"))
                .isEqualTo("Five quick starters from Rosenshine, tried in Year 8");
    }

    @Test
    void summaryFromFrontMatterIsTheSummaryInTheFeeds() {
        Document atom = Html.xml(out, "feed.xml");
        Element entry = atom.select("entry").stream().filter(e -> e.selectFirst("title").text().equals("Retrieval starters"))
                .findFirst().orElseThrow();
        assertThat(org.jsoup.Jsoup.parseBodyFragment(entry.selectFirst("summary").text()).text())
                .isEqualTo("Five quick starters from Rosenshine, tried in Year 8");
        Document rss = Html.xml(out, "rss.xml");
        Element item = rss.select("item").stream().filter(e -> e.selectFirst("title").text().equals("Retrieval starters"))
                .findFirst().orElseThrow();
        assertThat(item.selectFirst("description").text()).contains("Five <em>quick</em> starters");
        assertThat(TestSites.read(out.resolve("feed.json"))).contains("\"summary\" : \"Five quick starters from Rosenshine, tried in Year 8\"");
    }

    @Test
    void aPictureInASummaryWorksOnListPagesAndInFeeds() {
        for (String list : List.of("index.html", "tags/oracy/index.html", "page/2/index.html")) {
            if (!out.resolve(list).toFile().exists()) {
                continue;
            }
            Document d = at(list);
            d.select("article.post-summary").stream().filter(a -> a.selectFirst("h2 a").text().equals("TeachMeet North"))
                    .findFirst().ifPresent(s -> {
                        String src = s.selectFirst(".p-summary img").attr("src");
                        assertThat(Html.linkTarget(out, list, src)).as(list + " " + src).isRegularFile();
                    });
        }
        Element s = summaryOf(at("tags/oracy/index.html"), "TeachMeet North");
        assertThat(Html.linkTarget(out, "tags/oracy/index.html", s.selectFirst(".p-summary img").attr("src")))
                .isRegularFile();
        assertThat(s.select(".p-summary sup")).as("no footnote marker on a list").isEmpty();
        assertThat(s.select(".p-summary").text()).doesNotContain("[^1]").contains("We talked about the starters and oracy.");
        Element entry = Html.xml(out, "feed.xml").select("entry").stream()
                .filter(e -> e.selectFirst("title").text().equals("TeachMeet North")).findFirst().orElseThrow();
        assertThat(entry.selectFirst("summary").text()).contains("https://cwm.example.org/cpd/2024/10/teachmeet/room.png");
    }

    @Test
    void snippetsAndMetaDescriptionsArePlainText() {
        Document post = at("2024/10/teachmeet/index.html");
        assertThat(post.select("meta[name=description]").attr("content"))
                .isEqualTo("We talked about the starters and oracy.");
        String index = TestSites.read(out.resolve("search-index.json"));
        assertThat(index).doesNotContain("[^1]", "](");
    }

    @Test
    void theAuthorsIndexListsEveryAuthorWithTheirPostCount() {
        Document d = at("authors/index.html");
        assertThat(d.select("h1").text()).isEqualTo("Authors");
        assertThat(d.select(".author-list li")).hasSize(2);
        assertThat(d.select(".author-list li").eachText())
                .anySatisfy(t -> assertThat(t).startsWith("Aisha Rahman (4 posts)"))
                .anySatisfy(t -> assertThat(t).startsWith("Ben Jones (1 post)"));
        for (Element a : d.select(".author-list a")) {
            assertThat(target("authors/index.html", a.attr("href"))).as(a.outerHtml()).isRegularFile();
        }
        Document author = at("authors/bjones/index.html");
        assertThat(target("authors/bjones/index.html", author.select("a:contains(All authors)").attr("href")))
                .isEqualTo(out.resolve("authors/index.html"));
    }

    @Test
    void linksToOtherPostsMarkdownFilesLeadToTheirPages() {
        Document d = at("2024/10/teachmeet/index.html");
        String href = d.select(".content a:contains(the starters)").attr("href");
        assertThat(href).endsWith("#the-five");
        assertThat(target("2024/10/teachmeet/index.html", href))
                .isEqualTo(out.resolve("2024/09/retrieval-starters/index.html"));
        Document follow = at("2024/10/follow-up/index.html");
        for (String text : List.of("TeachMeet", "my about page")) {
            String h = follow.select(".content a:contains(" + text + ")").attr("href");
            assertThat(h).doesNotEndWith(".md");
            assertThat(target("2024/10/follow-up/index.html", h)).as(text).isRegularFile();
        }
    }

    @Test
    void aLinkToAMarkdownFileThatDoesNotExistIsAWarningAtItsLine() {
        assertThat(result.warnings()).filteredOn(p -> p.message().contains("retreival"))
                .isNotEmpty()
                .allSatisfy(p -> {
                    assertThat(p.isError()).isFalse();
                    assertThat(p.file()).isEqualTo(Path.of("content/posts/teachmeet/index.md"));
                    assertThat(p.line()).isEqualTo(10);
                    assertThat(p.format()).contains("no such file").contains("../2024-09-26-retrieval-starters.md");
                });
    }

    @Test
    void draftsAndScheduledPostsAreLabelledOnTheirPageAndInLists() {
        Document draft = at("2024/10/half-written/index.html");
        assertThat(draft.select("h1 .status-draft").text()).isEqualTo("Draft");
        assertThat(draft.select(".status-note").text()).contains("draft");
        Document scheduled = at("2024/12/next-term/index.html");
        assertThat(scheduled.select("h1 .status-scheduled").text()).isEqualTo("Scheduled");
        Document home = at("index.html");
        assertThat(summaryOf(home, "Half written").select(".status-draft").text()).isEqualTo("Draft");
        assertThat(summaryOf(home, "Next term").select(".status-scheduled").text()).isEqualTo("Scheduled");
        assertThat(summaryOf(home, "Follow-up").select(".status")).isEmpty();
        assertThat(at("2024/10/follow-up/index.html").select(".status, .status-note")).isEmpty();
        assertThat(at("2024/10/follow-up/index.html").select("h1").first().wholeText()).isEqualTo("Follow-up");
        assertThat(draft.select("h1").first().wholeText()).isEqualTo("Half written Draft");
    }
}
