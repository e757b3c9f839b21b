package org.lateral.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class SitemapWriterTest {

    private static Document xml(byte[] b) {
        return Jsoup.parse(new String(b, StandardCharsets.UTF_8), "", Parser.xmlParser());
    }

    @Test
    void writesOneUrlWithLocAndLastmodPerPage() {
        Document d = xml(SitemapWriter.sitemap(List.of(
                new SitemapWriter.Url("https://example.org/cpd/", Optional.of(FeedFixtures.date("2024-03-07"))),
                new SitemapWriter.Url("https://example.org/cpd/about/", Optional.empty()))));
        assertThat(d.select("urlset").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(d.select("url > loc").eachText())
                .containsExactly("https://example.org/cpd/", "https://example.org/cpd/about/");
        assertThat(d.select("url > lastmod").eachText()).containsExactly("2024-03-07T09:30:00Z");
    }

    @Test
    void percentEncodesNonAsciiAndEscapesAmpersands() {
        Document d = xml(SitemapWriter.sitemap(List.of(
                new SitemapWriter.Url("https://example.org/tags/gŵyl/?a=1&b=2", Optional.empty()))));
        assertThat(d.select("loc").text()).isEqualTo("https://example.org/tags/g%C5%B5yl/?a=1&b=2");
    }

    @Test
    void robotsPointsAtTheSitemapByItsAbsoluteUrl() {
        String robots = new String(SitemapWriter.robots("https://example.org/cpd/sitemap.xml"), StandardCharsets.UTF_8);
        assertThat(robots.lines()).contains("User-agent: *", "Sitemap: https://example.org/cpd/sitemap.xml");
    }
}
