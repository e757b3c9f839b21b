package org.lateral.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
