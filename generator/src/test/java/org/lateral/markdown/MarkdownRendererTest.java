package org.lateral.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer md = new MarkdownRenderer();

    private Document html(String markdown) {
        return Jsoup.parseBodyFragment(md.render(markdown, false).html());
    }

    @Test
    void gfmTablesTaskListsStrikethroughAndAutolinks() {
        Document d = html("""
                | Year | Score |
                | --- | --- |
                | 7 | 12 |

                - [x] planned
                - [ ] taught

                ~~old idea~~ and https://example.org/resource
                """);
        assertThat(d.select("table thead th").eachText()).containsExactly("Year", "Score");
        assertThat(d.select("li.task-list-item input[type=checkbox][checked]")).hasSize(1);
        assertThat(d.select("li.task-list-item input[type=checkbox]")).hasSize(2);
        assertThat(d.select("del").text()).isEqualTo("old idea");
        assertThat(d.select("a[href=https://example.org/resource]")).hasSize(1);
    }

    @Test
    void tableColumnAlignmentIsAStyleNotTheObsoleteAlignAttribute() {
        Document d = html("""
                | Group | Before | After |
                | :--- | :---: | ---: |
                | A | 61 | 83 |
                """);
        assertThat(d.select("[align]")).isEmpty();
        assertThat(d.select("thead th").eachAttr("style"))
                .containsExactly("text-align: left", "text-align: center", "text-align: right");
        assertThat(d.select("tbody td").eachAttr("style"))
                .containsExactly("text-align: left", "text-align: center", "text-align: right");
    }

    @Test
    void footnotesAndTypographicQuotes() {
        Document d = html("Rosenshine's \"principles\"[^1] -- a summary.\n\n[^1]: Rosenshine, 2012.\n");
        assertThat(d.select("sup a[href^=#fn]")).hasSize(1);
        assertThat(d.select(".footnotes li").text()).contains("Rosenshine, 2012.");
        assertThat(d.select("p").first().text()).contains("\u201Cprinciples\u201D").contains("Rosenshine\u2019s")
                .contains("\u2013");
    }

    @Test
    void headingsGetIdsAndTheirTextLinksToThem() {
        Document d = html("## What I tried\n\ntext\n\n## What I tried\n");
        assertThat(d.select("h2").eachAttr("id")).containsExactly("what-i-tried", "what-i-tried-1");
        assertThat(d.select("h2 a.heading-anchor").first().attr("href")).isEqualTo("#what-i-tried");
        assertThat(d.select("h2 a.heading-anchor").first().text()).isEqualTo("What I tried");
    }

    @Test
    void tableOfContentsOnDemand() {
        Rendered r = md.render("## One\n\n### One a\n\n## Two\n", true);
        Document toc = Jsoup.parseBodyFragment(r.tocHtml());
        assertThat(toc.select("ol > li > a").eachAttr("href")).containsExactly("#one", "#one-a", "#two");
        assertThat(toc.select("ol ol a").text()).isEqualTo("One a");
        assertThat(md.render("## One\n", false).tocHtml()).isEmpty();
        assertThat(html("[TOC]\n\n## One\n\n## Two\n").select("a[href=#two]")).isNotEmpty();
    }

    @Test
    void summaryIsWhatComesBeforeTheMoreMarker() {
        Rendered r = md.render("First.\n\nSecond.\n\n<!--more-->\n\nThird.\n", false);
        assertThat(Jsoup.parseBodyFragment(r.summaryHtml()).select("p").eachText()).containsExactly("First.", "Second.");
        assertThat(r.summaryText()).isEqualTo("First. Second.");
        assertThat(r.truncated()).isTrue();
    }

    @Test
    void summaryIsTheFirstParagraphOtherwise() {
        Rendered r = md.render("# Title\n\nThe **first** paragraph.\n\nMore.\n", false);
        assertThat(r.summaryHtml()).isEqualTo("<p>The <strong>first</strong> paragraph.</p>");
        assertThat(r.summaryText()).isEqualTo("The first paragraph.");
        assertThat(r.truncated()).isTrue();
        assertThat(md.render("Only one.\n", false).truncated()).isFalse();
    }

    @Test
    void summaryBeforeTheMoreMarkerKeepsLinksAndFootnotesDefinedAfterIt() {
        Rendered r = md.render("""
                We tried [Rosenshine's principles][r] for a term[^1].

                <!--more-->

                The rest.

                [r]: https://example.org/rosenshine
                [^1]: Autumn 2024.
                """, false);
        Document summary = Jsoup.parseBodyFragment(r.summaryHtml());
        assertThat(summary.select("a").eachAttr("href")).containsExactly("https://example.org/rosenshine");
        assertThat(summary.select("sup, .footnotes")).isEmpty();
        assertThat(r.summaryHtml()).doesNotContain("[^1]", "[r]", "<!--more-->");
        assertThat(r.summaryText()).isEqualTo("We tried Rosenshine\u2019s principles for a term.");
        assertThat(r.truncated()).isTrue();
        assertThat(Jsoup.parseBodyFragment(r.html()).select("sup a[href^=#fn]")).hasSize(1);
    }

    @Test
    void firstParagraphSummaryHasNoFootnoteMarkers() {
        Rendered r = md.render("Oracy matters[^1], as [the report](https://example.org/r) says.\n\nMore.\n\n[^1]: Voice 21.\n",
                false);
        assertThat(r.summaryText()).isEqualTo("Oracy matters, as the report says.");
        assertThat(Jsoup.parseBodyFragment(r.summaryHtml()).select("sup")).isEmpty();
        assertThat(r.summaryHtml()).doesNotContain("[^1]");
    }

    @Test
    void aMoreMarkerInsideAParagraphCutsItThere() {
        Rendered r = md.render("One. <!--more--> Two.\n\nThree.\n", false);
        assertThat(r.summaryText()).isEqualTo("One.");
        assertThat(r.truncated()).isTrue();
    }

    @Test
    void summaryHeadingsHaveNoIdsSoListsOfSummariesHaveNoDuplicates() {
        Rendered r = md.render("## What I tried\n\nA starter.\n\n<!--more-->\n\nMore.\n", false);
        assertThat(Jsoup.parseBodyFragment(r.summaryHtml()).select("[id], a.heading-anchor")).isEmpty();
        assertThat(Jsoup.parseBodyFragment(r.html()).select("h2[id=what-i-tried]")).hasSize(1);
    }

    @Test
    void summaryFromFrontMatterIsTheSummaryReadAsMarkdown() {
        Rendered r = md.render("The body's first paragraph.\n\nMore.\n", false,
                Optional.of("Three *quick* wins from [the starters](https://example.org/s)"));
        assertThat(r.summaryHtml()).isEqualTo(
                "<p>Three <em>quick</em> wins from <a href=\"https://example.org/s\">the starters</a></p>");
        assertThat(r.summaryText()).isEqualTo("Three quick wins from the starters");
        assertThat(r.truncated()).isTrue();
        assertThat(r.html()).contains("The body\u2019s first paragraph.");
    }

    @Test
    void linksToMarkdownFilesAreFoundWithTheirLines() {
        Rendered r = md.render("""
                Intro.

                See [the starters](2024-09-26-retrieval-starters.md) and
                [TeachMeet](../teachmeet/index.md#what-i-tried), not [a site](https://example.org/a.md).
                """, false);
        assertThat(r.fileLinks()).containsExactly(
                new FileLink("2024-09-26-retrieval-starters.md", 3, 5),
                new FileLink("../teachmeet/index.md#what-i-tried", 4, 1));
        assertThat(r.fileLinks().get(1).file()).isEqualTo("../teachmeet/index.md");
        assertThat(r.fileLinks().get(1).fragment()).isEqualTo("#what-i-tried");
    }

    @Test
    void bareAddressesAreLinkedWhereverTheyAre() {
        for (String md : List.of("See https://example.org/a for more.", "Note: https://example.org/a",
                "(https://example.org/a)", "Visit www.example.org today.", "Mail me at a.teacher@example.org.")) {
            assertThat(html(md).select("a")).as(md).hasSize(1);
            assertThat(MarkdownRenderer.mayHaveBareLinks(md)).as(md).isTrue();
        }
    }

    @Test
    void linksWrittenAsMarkdownNeedNoAutolinking() {
        String md = "A [summary](https://example.org/a) and <https://example.org/b>.\n\n[ref]: https://example.org/c\n";
        assertThat(MarkdownRenderer.mayHaveBareLinks(md)).isFalse();
        assertThat(html(md).select("a").eachAttr("href")).containsExactly("https://example.org/a", "https://example.org/b");
    }

    @Test
    void typographyLeavesCodeAndAddressesAlone() {
        Document d = html("She said \"it's *really* 'good'\"... `don't \"touch\"` https://example.org/a--b\n\n```\nx -- \"y\"\n```\n");
        assertThat(d.select("p").first().text())
                .startsWith("She said \u201Cit\u2019s really \u2018good\u2019\u201D\u2026 don't \"touch\" https://example.org/a--b");
        assertThat(d.select("pre code").text()).isEqualTo("x -- \"y\"");
    }

    @Test
    void countsWords() {
        assertThat(MarkdownRenderer.countWords("Pupils didn't *know* the well-known answer.")).isEqualTo(6);
    }
}
