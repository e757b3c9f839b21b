package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * The {@code lists-and-search} fixture (nine posts, two series, two academic years, two posts a
 * page): pagination on every kind of list, series, archives, related posts, reading time, table
 * of contents and the search index and page, read back with Jsoup and checked by the Nu HTML
 * Checker. The search page's behaviour in a browser is tested by {@code src/test/browser}.
 */
class ListsAndSearchIT {

    @TempDir
    static Path tmp;

    static Path out;

    @BeforeAll
    static void build() {
        Path site = TestSites.fixture("lists-and-search", tmp);
        out = Lateral.build(BuildRequest.of(site)).output();
    }

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("home", "/", 5),
                Arguments.of("tag", "/tags/oracy/", 2),
                Arguments.of("category", "/categories/projects/", 2),
                Arguments.of("author", "/authors/tokafor/", 5),
                Arguments.of("series", "/series/oracy-project/", 2),
                Arguments.of("year archive", "/archive/2024/", 4),
                Arguments.of("academic year archive", "/archive/academic/2023-24/", 4));
    }

    private static Document at(String url) {
        return Html.page(out, url.substring(1) + "index.html");
    }

    /**
     * Where the links matched by {@code selector} lead, as site URLs ({@code /series/oracy-project/}),
     * whether they were written relative ({@code ../../series/oracy-project/index.html}, the default)
     * or not.
     */
    private static List<String> targets(Document doc, String selector) {
        return doc.select(selector).eachAttr("abs:href").stream()
                .map(h -> h.replaceFirst("^https://[^/]+", "").replaceFirst("index\\.html$", ""))
                .toList();
    }

    private static String target(Document doc, String selector) {
        List<String> all = targets(doc, selector);
        return all.isEmpty() ? "" : all.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void everyKindOfListIsPaginatedWithRelPrevAndNext(String kind, String url, int pages) {
        for (int n = 1; n <= pages; n++) {
            String pageUrl = n == 1 ? url : url + "page/" + n + "/";
            Document doc = at(pageUrl);
            String prev = n == 1 ? "" : n == 2 ? url : url + "page/" + (n - 1) + "/";
            String next = n == pages ? "" : url + "page/" + (n + 1) + "/";
            assertThat(target(doc, "head link[rel=prev]")).as(pageUrl + " head prev").isEqualTo(prev);
            assertThat(target(doc, "head link[rel=next]")).as(pageUrl + " head next").isEqualTo(next);
            assertThat(target(doc, "nav.pagination a[rel=prev]")).as(pageUrl + " prev link").isEqualTo(prev);
            assertThat(target(doc, "nav.pagination a[rel=next]")).as(pageUrl + " next link").isEqualTo(next);
            assertThat(doc.select("nav.pagination").text()).contains("Page " + n + " of " + pages);
            assertThat(doc.select("main h2 a[href]").size()).as(pageUrl + " items").isBetween(1, 2);
        }
        assertThat(out.resolve(url.substring(1) + "page/" + (pages + 1))).doesNotExist();
    }

    @Test
    void aSeriesPageListsItsPartsInOrderWithTheirStages() {
        Document first = at("/series/oracy-project/");
        assertThat(first.select("h1").text()).isEqualTo("Series: Oracy project");
        assertThat(first.select("ol.series-parts").attr("start")).isEqualTo("1");
        assertThat(first.select("ol.series-parts li h2 a").eachText())
                .containsExactly("Starting an oracy project", "Talk tactics in Year 7");
        assertThat(first.select("ol.series-parts li .badge.stage").eachText())
                .containsExactly("Stage: Reflect", "Stage: Act");
        assertThat(first.select("nav.pagination a[rel=next]").text()).contains("Later parts");

        Document second = at("/series/oracy-project/page/2/");
        assertThat(second.select("ol.series-parts").attr("start")).isEqualTo("3");
        assertThat(second.select("ol.series-parts li h2 a").eachText()).containsExactly("Oracy project: what changed");
        assertThat(second.select(".badge.stage-review")).hasSize(1);

        assertThat(at("/series/coaching-diary/").select("ol.series-parts li h2 a").eachText())
                .containsExactly("Coaching diary: first session", "Coaching diary: feedback loops");
    }

    @Test
    void eachSeriesHasItsOwnFeedsLinkedFromItsPage() throws Exception {
        com.rometools.rome.feed.synd.SyndFeed atom = new com.rometools.rome.io.SyndFeedInput()
                .build(new java.io.StringReader(java.nio.file.Files.readString(out.resolve("series/oracy-project/feed.xml"))));
        assertThat(atom.getTitle()).startsWith("Oracy project");
        assertThat(atom.getEntries()).extracting(e -> e.getTitle()).containsExactlyInAnyOrder(
                "Starting an oracy project", "Talk tactics in Year 7", "Oracy project: what changed");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("series/oracy-project/feed.json").toFile()).path("items")).hasSize(3);
        assertThat(out.resolve("series/oracy-project/rss.xml")).exists();
        assertThat(at("/series/oracy-project/").select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                .anySatisfy(h -> assertThat(h).endsWith("/series/oracy-project/feed.xml"));
    }

    @Test
    void theSeriesIndexListsEverySeriesMostRecentlyContinuedFirst() {
        Document doc = at("/series/");
        assertThat(doc.select("h1").text()).isEqualTo("All series");
        assertThat(doc.select("ul.series-list li").eachText())
                .containsExactly("Coaching diary (2 parts)", "Oracy project (3 parts)");
        assertThat(targets(doc, "ul.series-list a"))
                .containsExactly("/series/coaching-diary/", "/series/oracy-project/");
    }

    @Test
    void eachPartSaysWhereItStandsAndLinksTheNeighbouringParts() {
        Document middle = at("/2023/10/talk-tactics-in-year-7/");
        assertThat(middle.select("nav.series-nav").attr("aria-label")).isEqualTo("Series: Oracy project");
        assertThat(middle.select("nav.series-nav strong").text()).isEqualTo("Part 2 of 3");
        assertThat(target(middle, "nav.series-nav p a")).isEqualTo("/series/oracy-project/");
        assertThat(target(middle, "a.series-prev")).isEqualTo("/2023/09/starting-an-oracy-project/");
        assertThat(target(middle, "a.series-next")).isEqualTo("/2024/01/oracy-project-what-changed/");
        assertThat(middle.select("article header .badge.stage").text()).isEqualTo("Stage: Act");

        Document first = at("/2023/09/starting-an-oracy-project/");
        assertThat(first.select("nav.series-nav strong").text()).isEqualTo("Part 1 of 3");
        assertThat(first.select("a.series-prev")).isEmpty();

        Document dateOrdered = at("/2024/03/coaching-diary-feedback-loops/");
        assertThat(dateOrdered.select("nav.series-nav strong").text()).isEqualTo("Part 2 of 2");
        assertThat(dateOrdered.select("a.series-next")).isEmpty();
        assertThat(dateOrdered.select(".badge.stage")).isEmpty();

        assertThat(at("/2024/07/retrieval-practice-with-exit-tickets/").select("nav.series-nav")).isEmpty();
    }

    @Test
    void theArchiveIndexCountsPostsByYearMonthAndAcademicYear() {
        Document doc = at("/archive/");
        assertThat(doc.select("h1").text()).isEqualTo("Archive");
        assertThat(doc.select("ul.archive-years > li > a").eachText()).containsExactly("2024", "2023");
        assertThat(doc.select("ul.archive-years > li > .count").eachText()).containsExactly("(7 posts)", "(2 posts)");
        assertThat(doc.select("ul.archive-years > li").first().select(".archive-months li").eachText())
                .containsExactly("November 2024 (1)", "September 2024 (1)", "August 2024 (1)", "July 2024 (1)", "March 2024 (2)",
                        "January 2024 (1)"); // with the year: each link names its month alone
        assertThat(target(doc, "ul.archive-months a")).isEqualTo("/archive/2024/11/");
        assertThat(doc.select("#by-academic-year + ul li").eachText())
                .containsExactly("Academic year 2024-25 (2 posts)", "Academic year 2023-24 (7 posts)");
        assertThat(targets(doc, "#by-academic-year + ul a"))
                .containsExactly("/archive/academic/2024-25/", "/archive/academic/2023-24/");
    }

    @Test
    void eachArchivePeriodListsItsPostsNewestFirst() {
        Document march = at("/archive/2024/03/");
        assertThat(march.select("h1").text()).isEqualTo("March 2024");
        assertThat(march.select("article.post-summary h2 a").eachText())
                .containsExactly("Coaching diary: feedback loops", "Coaching diary: first session");

        Document year = at("/archive/2023/");
        assertThat(year.select("h1").text()).isEqualTo("2023");
        assertThat(year.select("main nav .period-list li").eachText())
                .containsExactly("October 2023 (1 post)", "September 2023 (1 post)");

        Document academic = at("/archive/academic/2024-25/");
        assertThat(academic.select("h1").text()).isEqualTo("Academic year 2024-25");
        assertThat(academic.select("article.post-summary h2 a").eachText())
                .containsExactly("Questioning and wait time", "INSET day: Welsh in every lesson");
    }

    @Test
    void postsShowRelatedPostsSharingTheirTags() {
        Document doc = at("/2023/10/talk-tactics-in-year-7/");
        assertThat(doc.select("aside.related h2").text()).isEqualTo("Related posts");
        assertThat(doc.select("aside.related li a").eachText()).containsExactly("Starting an oracy project",
                "Oracy project: what changed", "Questioning and wait time");

        assertThat(at("/2024/08/summer-reading/").select("aside.related")).isEmpty();
    }

    @Test
    void postsShowReadingTimeAndATableOfContentsWhenAskedFor() {
        Document withToc = at("/2024/11/questioning-and-wait-time/");
        assertThat(withToc.select("article .meta").text()).contains("1 minute read");
        assertThat(withToc.select("nav.toc a").eachText()).containsExactly("What I tried", "What happened");
        assertThat(withToc.select("nav.toc a").first().attr("href")).startsWith("#");

        assertThat(at("/2024/08/summer-reading/").select("nav.toc")).isEmpty();
        assertThat(at("/").select("article.post-summary .meta").first().text()).contains("1 minute read");
    }

    @Test
    void theSearchIndexHoldsEveryPostAndPage() throws Exception {
        JsonNode index = new ObjectMapper().readTree(out.resolve("search-index.json").toFile());
        JsonNode docs = index.path("docs");
        assertThat(docs).hasSize(11); // nine posts, the about page and the TeachMeet (content/events/)
        assertThat(docs.get(10).path("title").asText()).isEqualTo("TeachMeet at the library");
        assertThat(docs.get(10).path("date").asText()).isEqualTo("2024-11-14");
        JsonNode newest = docs.get(0);
        assertThat(newest.path("title").asText()).isEqualTo("Questioning and wait time");
        assertThat(newest.path("url").asText()).isEqualTo("2024/11/questioning-and-wait-time/");
        assertThat(newest.path("date").asText()).isEqualTo("2024-11-11");
        assertThat(newest.path("tags")).extracting(JsonNode::asText).containsExactly("Oracy", "Questioning");
        assertThat(newest.path("snippet").asText()).isEqualTo("Three seconds of silence felt like forever at first.");
        assertThat(newest.path("words").asText().split(" ")).contains("whiteboards", "silence").doesNotContain("the");
        assertThat(docs.get(1).path("words").asText().split(" ")).contains("wyl");
        assertThat(docs.get(9).path("title").asText()).isEqualTo("About this notebook");
        assertThat(out.resolve("search-index.js")).content().startsWith("window.lateralSearchIndex={");
    }

    @Test
    void theSearchPageIsAFormWithALabelledSearchBoxAndALiveResultCount() {
        Document doc = at("/search/");
        assertThat(doc.select("h1").text()).isEqualTo("Search");
        assertThat(doc.select("form[role=search][data-search]")).hasSize(1);
        assertThat(doc.select("label[for=search-input]").text()).isEqualTo("Search the posts");
        assertThat(doc.select("input#search-input[type=search][name=q]")).hasSize(1);
        assertThat(doc.select("form button[type=submit]").text()).isEqualTo("Search");
        assertThat(doc.select("#search-status[role=status]")).hasSize(1);
        assertThat(doc.select("ol#search-results")).hasSize(1);
        assertThat(doc.select("form").attr("data-many")).isEqualTo("{n} posts match “{q}”.");
        assertThat(doc.select("noscript").html()).contains("archive/");
        assertThat(doc.select("form").attr("data-root")).isEqualTo("../");
        assertThat(doc.select("script[src]").eachAttr("src")).containsExactly("../js/search.js");
        assertThat(out.resolve("js/search.js")).exists();
        assertThat(doc.select("header a.search-link[aria-current=page]")).hasSize(1);
    }

    @Test
    void everyPageLinksToSearchFromItsHeader() {
        for (String page : Html.htmlFiles(out)) {
            if (!Html.page(out, page).select("meta[http-equiv=refresh]").isEmpty()) {
                continue; // an old address (aliases:) only sends the reader on
            }
            assertThat(target(Html.page(out, page), "header nav a.search-link")).as(page).isEqualTo("/search/");
        }
    }

    @Test
    void everyPagePassesTheNuHtmlChecker() {
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void aWelshSiteNamesPartsPeriodsAndSearchInWelsh(@TempDir Path dir) throws Exception {
        Path site = TestSites.fixture("lists-and-search", dir);
        Path yaml = site.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("language: en-GB", "language: cy"));
        Path cy = Lateral.build(BuildRequest.of(site)).output();

        assertThat(Html.page(cy, "2023/10/talk-tactics-in-year-7/index.html").select("nav.series-nav strong").text())
                .isEqualTo("Rhan 2 o 3");
        assertThat(Html.page(cy, "archive/2024/03/index.html").select("h1").text()).isEqualTo("Mawrth 2024");
        assertThat(Html.page(cy, "archive/index.html").select("#by-academic-year + ul a").eachText())
                .contains("Blwyddyn academaidd 2023-24");
        assertThat(Html.page(cy, "search/index.html").select("label[for=search-input]").text())
                .isEqualTo("Chwilio'r cofnodion");
    }

    @Test
    void academicYearsAndSeriesAddressesFollowSiteYaml(@TempDir Path dir) {
        Path site = TestSites.inline(dir, """
                -- site.yaml --
                title: Test
                baseUrl: https://example.org/cpd/
                academicYearStart: 1
                permalinks:
                  series: /projects/:slug/
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-08-05
                series: Reading project
                ---
                Body.
                """);
        Path built = Lateral.build(BuildRequest.of(site)).output();

        assertThat(built.resolve("archive/academic/2024/index.html")).exists();
        assertThat(target(Html.page(built, "2024/08/a/index.html"), "nav.series-nav p a"))
                .isEqualTo("/projects/reading-project/");
        assertThat(target(Html.page(built, "projects/index.html"), "ul.series-list a"))
                .isEqualTo("/projects/reading-project/");
    }

    @Test
    void twoPostsClaimingTheSamePartStopTheBuildWithAPositionedProblem(@TempDir Path dir) {
        Path site = TestSites.inline(dir, """
                -- site.yaml --
                title: Test
                baseUrl: https://example.org/
                -- content/posts/first.md --
                ---
                title: First
                date: 2024-01-05
                series: Oracy project
                part: 1
                ---
                Body.
                -- content/posts/second.md --
                ---
                title: Second
                date: 2024-02-05
                series: Oracy project
                part: 1
                ---
                Body.
                """);

        assertThatThrownBy(() -> Lateral.build(BuildRequest.of(site)))
                .isInstanceOf(LateralException.class)
                .satisfies(e -> {
                    List<Problem> problems = ((LateralException) e).problems();
                    assertThat(problems).singleElement().satisfies(p -> {
                        assertThat(p.file()).isEqualTo(Path.of("content/posts/second.md"));
                        assertThat(p.line()).isEqualTo(5);
                        assertThat(p.message()).isEqualTo("part 1 of the series \"Oracy project\" is already taken"
                                + " by \"content/posts/first.md\"");
                        assertThat(p.hint()).contains("write part: 2 here");
                    });
                });
        assertThat(site.resolve("public")).doesNotExist();
    }

    @Test
    void aSiteWithoutPostsHasNoArchiveOrSeriesPagesButAValidSearchPage(@TempDir Path dir) throws Exception {
        Path site = TestSites.inline(dir, """
                -- site.yaml --
                title: Test
                baseUrl: https://example.org/
                -- content/pages/about.md --
                ---
                title: About
                ---
                A teacher in Cardiff.
                """);
        Path built = Lateral.build(BuildRequest.of(site)).output();

        assertThat(built.resolve("archive")).doesNotExist();
        assertThat(built.resolve("series")).doesNotExist();
        assertThat(new ObjectMapper().readTree(built.resolve("search-index.json").toFile()).path("docs")).hasSize(1);
        assertThat(Html.page(built, "search/index.html").select("noscript a")).isEmpty();
        assertThat(NuHtmlChecker.errors(built.resolve("search/index.html"))).isEmpty();
    }
}
