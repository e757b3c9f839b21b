package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/** Builds the {@code full} fixture site once and checks everything the generator core produces. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBuildIT {

    Path tmp;
    Path out;
    BuildResult result;

    @BeforeAll
    void build(@TempDir Path dir) {
        tmp = dir;
        Path site = TestSites.fixture("full", tmp);
        out = tmp.resolve("out");
        result = Lateral.build(BuildRequest.of(site).withOutput(out).withNow(Instant.parse("2024-07-01T12:00:00Z")));
    }

    @Test
    void countsWhatItBuiltAndWhatItLeftOut() {
        assertThat(result.posts()).isEqualTo(6);
        assertThat(result.pages()).isEqualTo(1);
        assertThat(result.drafts()).isEqualTo(1);
        assertThat(result.scheduled()).isEqualTo(1);
        assertThat(result.skipped()).filteredOn(s -> s.reason().equals("scheduled")).singleElement()
                .satisfies(s -> assertThat(s.goesLive()).isPresent());
        assertThat(out.resolve("2099")).doesNotExist();
        assertThat(out.resolve("2024/06/half-written-thoughts")).doesNotExist();
    }

    @Test
    void everyPageIsValidHtml() {
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void postPageHasItsContentMetadataAndWorkingLinks() {
        String rel = "2024/06/learning-walk/index.html";
        Document d = Html.page(out, rel);
        assertThat(d.select("h1")).singleElement().extracting(Element::text).isEqualTo("Learning walk: oracy in Year 9");
        assertThat(d.select("html").attr("lang")).isEqualTo("en-GB");
        assertThat(d.select("title").text()).isEqualTo("Learning walk: oracy in Year 9 · Ysgol y Cwm — staff CPD");
        assertThat(d.select("time").first().attr("datetime")).isEqualTo("2024-06-20T15:30:00+01:00");
        assertThat(d.select("time").first().text()).isEqualTo("20 June 2024");
        assertThat(d.select(".meta").text()).contains("Llŷr Pritchard").contains("Updated");
        assertThat(d.select("nav.toc a").eachAttr("href")).containsExactly("#observations", "#next-steps");
        assertThat(d.select(".content h2[id=observations] a.heading-anchor")).hasSize(1);
        assertThat(d.select("link[rel=canonical]").attr("href"))
                .isEqualTo("https://cwm.example.org/cpd/2024/06/learning-walk/");
        assertThat(d.select("meta[name=description]").attr("content")).isEqualTo("We visited six lessons.");
        Element img = d.select(".content img").first();
        assertThat(img.attr("alt")).isEqualTo("Where we walked");
        assertThat(Html.linkTarget(out, rel, img.attr("src"))).exists();
        for (Element a : d.select("ul.tags a, header a, .meta a")) {
            assertThat(Html.linkTarget(out, rel, a.attr("href"))).as(a.outerHtml()).exists();
        }
        assertThat(d.select("ul.tags a").eachText()).containsExactly("oracy", "questioning");
        assertThat(Html.linkTarget(out, rel, d.select("link[rel=stylesheet]").attr("href"))).exists();
    }

    @Test
    void rootRelativeLinksInMarkdownPointIntoTheSiteUnderItsBasePath() {
        String rel = "2024/01/reflection-1/index.html";
        Element link = Html.page(out, rel).select(".content a:contains(our programme)").first();
        assertThat(link.attr("href")).isEqualTo("../../../about/index.html");
        assertThat(Html.linkTarget(out, rel, link.attr("href"))).exists();
    }

    @Test
    void homeIsPaginatedNewestFirstWithPrevNext() {
        Document p1 = Html.page(out, "index.html");
        assertThat(p1.select("article.post-summary h2").eachText())
                .containsExactly("Learning walk: oracy in Year 9", "Reflection 5: questioning in Year 11");
        assertThat(p1.select("a[rel=next]").attr("href")).isEqualTo("page/2/index.html");
        assertThat(p1.select("link[rel=next]")).hasSize(1);
        Document p3 = Html.page(out, "page/3/index.html");
        assertThat(p3.select("article.post-summary h2").eachText())
                .containsExactly("Reflection 2: questioning in Year 8", "Reflection 1: questioning in Year 7");
        assertThat(p3.select("a[rel=prev]").attr("href")).isEqualTo("../../page/2/index.html");
        assertThat(p3.select("a[rel=next]")).isEmpty();
        assertThat(p1.select("h1")).hasSize(1);
    }

    @Test
    void tagCategoryAndAuthorPagesListTheirPosts() {
        Document tag = Html.page(out, "tags/questioning/index.html");
        assertThat(tag.select("h1").text()).isEqualTo("Posts tagged “questioning”");
        assertThat(Html.page(out, "tags/questioning/page/3/index.html").select("article.post-summary")).hasSize(2);
        assertThat(Html.page(out, "tags/oracy/index.html").select("article.post-summary h2").eachText())
                .containsExactly("Learning walk: oracy in Year 9");
        assertThat(Html.page(out, "tags/index.html").select(".term-list a").eachText())
                .contains("oracy", "questioning", "Year 7", "Year 11");
        assertThat(Html.page(out, "categories/reflections/index.html").select("article.post-summary")).hasSize(2);
        Document author = Html.page(out, "authors/arahman/index.html");
        assertThat(author.select("h1").text()).isEqualTo("Posts by Aisha Rahman");
        assertThat(author.select(".author-card p").text()).isEqualTo("Head of science.");
        assertThat(Html.page(out, "authors/llyr/index.html").select("article.post-summary")).hasSize(1);
    }

    @Test
    void pagesDataParamsTemplateOverridesStaticFilesAnd404() {
        Document about = Html.page(out, "about/index.html");
        assertThat(about.select("ul.programme li").eachText()).containsExactly("Retrieval practice", "Oracy");
        assertThat(about.select("p.motto").text()).isEqualTo("Dysgu gyda'n gilydd");
        assertThat(out.resolve("img/notes.txt")).exists();
        assertThat(out.resolve("css/style.css")).exists();
        Document notFound = Html.page(out, "404.html");
        assertThat(notFound.select("h1").text()).isEqualTo("Page not found");
        assertThat(notFound.select("link[rel=stylesheet]").attr("href")).isEqualTo("/cpd/css/style.css");
    }

    @Test
    void disableKindsLeavesThoseOutputsOut() {
        Path site = TestSites.inline(tmp.resolve("lean"), """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                disableKinds: [taxonomy, categories, authors, archive, search, listFeeds, sitemap, robots, 404, series, related]
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-01-01
                tags: [x]
                categories: [c]
                series: S
                ---
                Hi.
                """);
        Lateral.build(BuildRequest.of(site));
        Path lean = site.resolve("public");
        assertThat(lean.resolve("tags/x/index.html")).exists();
        assertThat(lean.resolve("feed.xml")).exists();
        for (String gone : new String[] {"tags/index.html", "categories", "authors", "archive", "search",
            "search-index.json", "tags/x/feed.xml", "sitemap.xml", "robots.txt", "404.html", "series"}) {
            assertThat(lean.resolve(gone)).as(gone).doesNotExist();
        }
        assertThat(Html.page(lean, "tags/x/index.html").select("link[rel=alternate][href*=/tags/x/], a.feed-link")).isEmpty();
    }

    @Test
    void anUnknownKindToDisableIsATypoError() {
        Path site = TestSites.inline(tmp.resolve("typo"), """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                disableKinds: [archives]
                """);
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(org.lateral.LateralException.class,
                () -> Lateral.build(BuildRequest.of(site)));
        assertThat(e.problems()).singleElement().extracting(p -> p.format()).asString()
                .startsWith("site.yaml:3:16: error: disableKinds has no kind \"archives\" — fix: did you mean `archive`?");
    }

    @Test
    void rootRelativeLinksWhenAsked() {
        Path site = TestSites.inline(tmp.resolve("abs"), """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/project/
                relativeUrls: false
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-01-01
                tags: [x]
                ---
                Hi.
                """);
        Lateral.build(BuildRequest.of(site));
        Document d = Html.page(site.resolve("public"), "index.html");
        assertThat(d.select("article h2 a").attr("href")).isEqualTo("/project/2024/01/a/");
        assertThat(d.select("link[rel=stylesheet]").attr("href")).isEqualTo("/project/css/style.css");
    }
}
