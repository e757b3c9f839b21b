package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * The default theme's design and accessibility in the HTML it writes (issue 19): theme options
 * (accent, logo), one link per list entry, the follow page, scroll regions, footnotes, lang, page
 * titles of later list pages, and every page valid HTML. The browser tests check the same pages
 * with axe-core in Chromium.
 */
class DefaultThemeIT {

    @TempDir
    static Path tmp;
    static Path out;

    @BeforeAll
    static void build() {
        out = TestSites.built(tmp, """
                -- site.yaml --
                title: Mr Okafor's notebook
                baseUrl: https://example.org/
                language: en-GB
                paginate: 1
                menu:
                  - { name: Home, url: / }
                  - { name: Tags, url: /tags/ }
                theme:
                  name: default
                  accent: "#1d6b57"
                  logo: logo.svg
                -- static/logo.svg --
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>
                -- content/posts/tallies/index.md --
                ---
                title: Talk tallies
                date: 2024-09-20
                tags: [Oracy]
                image: tally.svg
                stage: act
                ---
                What the tallies showed.[^1]

                | Week | Count |
                | --- | --- |
                | 1 | 12 |

                ```
                =SUM(A:A)
                ```

                [^1]: Counted by the students.
                -- content/posts/tallies/tally.svg --
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>
                -- content/posts/cymraeg.md --
                ---
                title: Cymraeg bob dydd
                date: 2024-06-10
                lang: cy
                tags: [Oracy]
                ---
                Cofnod yn Gymraeg.
                """);
    }

    @Test
    void theAccentAndLogoFromSiteYamlAreInEveryPage() throws Exception {
        Document post = Html.page(out, "2024/09/tallies/index.html");
        assertThat(post.select("head style").html()).contains("--accent:#1d6b57").contains("prefers-color-scheme:dark");
        Element logo = post.selectFirst(".site-header a.site-title img.site-logo");
        assertThat(logo.attr("alt")).isEmpty();
        assertThat(logo.attr("src")).endsWith("logo.svg");
        assertThat(Files.isRegularFile(out.resolve("logo.svg"))).isTrue();
        assertThat(post.select(".site-title").text()).isEqualTo("Mr Okafor's notebook");
    }

    @Test
    void theHomePageNamesTheSiteOnceAndListsEachPostWithOneLink() {
        Document home = Html.page(out, "index.html");
        assertThat(home.select(".site-title")).isEmpty();
        assertThat(home.select("h1").text()).isEqualTo("Mr Okafor's notebook");
        assertThat(home.select("a[aria-current=page]").text()).isEqualTo("Home");
        Element entry = home.selectFirst("article.post-summary");
        assertThat(entry.select("a[href*=tallies]")).hasSize(1);
        assertThat(entry.select("a.more")).isEmpty();
        assertThat(entry.select("img.cover").attr("src")).endsWith("tally.svg");
        assertThat(entry.select(".badge.stage").text()).isEqualTo("Stage: act");
    }

    @Test
    void laterListPagesSayWhichPageTheyAre() {
        assertThat(Html.page(out, "tags/oracy/page/2/index.html").title()).startsWith("Posts tagged “Oracy” — Page 2 of 2")
                .endsWith("· Mr Okafor's notebook");
    }

    @Test
    void tablesAndCodeAreFocusableLabelledScrollRegionsAndFootnotesHaveAHeadingAndNames() {
        Document post = Html.page(out, "2024/09/tallies/index.html");
        assertThat(post.select(".content div.scroll-region[role=region][tabindex=0]"))
                .extracting(e -> e.attr("aria-label") + ">" + e.child(0).tagName())
                .containsExactly("Table 1>table", "Code example 1>pre");
        assertThat(post.select("section.footnotes > h2").text()).isEqualTo("Footnotes");
        assertThat(post.select("a[data-footnote-ref]").attr("aria-label")).isEqualTo("Footnote 1");
        assertThat(post.select("a.footnote-backref").attr("aria-label")).isEqualTo("Back to the text of footnote 1");
    }

    @Test
    void aWelshPostIsMarkedWelshOnItsPageAndWhereverItIsListed() {
        Document post = Html.page(out, "2024/06/cymraeg/index.html");
        assertThat(post.selectFirst("article.post").attr("lang")).isEqualTo("cy");
        assertThat(post.selectFirst("article.post h1").text()).isEqualTo("Cymraeg bob dydd");
        Document tag = Html.page(out, "tags/oracy/page/2/index.html");
        assertThat(tag.select("article.post-summary[lang=cy] h2").text()).isEqualTo("Cymraeg bob dydd");
        Document other = Html.page(out, "2024/09/tallies/index.html");
        assertThat(other.select(".related li[lang=cy] a").text()).isEqualTo("Cymraeg bob dydd");
    }

    @Test
    void theFooterHasOneFollowLinkToAPageThatExplainsFeeds() {
        Document post = Html.page(out, "2024/09/tallies/index.html");
        assertThat(post.select(".site-footer a").eachText()).containsExactly("Follow");
        assertThat(post.select(".site-footer a[href$=.xml], .site-footer a[href$=.json]")).isEmpty();
        Document follow = Html.page(out, "follow/index.html");
        assertThat(follow.select("h1").text()).isEqualTo("Follow Mr Okafor's notebook");
        assertThat(follow.select("code").text()).isEqualTo("https://example.org/feed.xml");
        assertThat(follow.select("h2").eachText()).contains("In a feed reader", "By e-mail");
        assertThat(follow.select("a[aria-current=page]").text())
                .isEqualTo("Follow");
    }

    @Test
    void everyPageIsValidHtml() {
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }
}
