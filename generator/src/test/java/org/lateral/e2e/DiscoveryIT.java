package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * What search engines, social sites, feed readers and IndieWeb tools find in a site's pages:
 * sitemap and robots.txt, feed autodiscovery, canonical links, Open Graph and Twitter cards,
 * JSON-LD, microformats2, in English and in Welsh, and every page valid HTML.
 */
class DiscoveryIT {

    private static final String SITE = """
            -- site.yaml --
            title: "Ms Rahman's CPD journal"
            description: What I am trying in my classroom.
            baseUrl: https://example.org/cpd/
            language: en-GB
            timezone: Europe/London
            authors:
              arahman:
                name: Aisha Rahman
                bio: Teaches English & drama.
                url: https://rahman.example/
            -- content/posts/oracy-project/index.md --
            ---
            title: Oracy project, week one
            date: 2024-03-05 16:00
            updated: 2024-03-09
            tags: [Oracy, Talk]
            categories: [Projects]
            image: photo.jpg
            summary: How talk partners went in week one.
            ---
            We started with talk partners.

            ![Pupils in talk partners](photo.jpg)
            -- content/posts/oracy-project/photo.jpg --
            not really a photograph
            -- content/posts/2024-02-01-script.md --
            ---
            title: "</script><script>alert(1)</script> & \\"quotes\\""
            tags: [Oracy]
            ---
            A title that tries to break out of the JSON-LD.
            -- content/pages/about.md --
            ---
            title: About
            ---
            About me.
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path build(String spec) {
        Path site = TestSites.withRealPictures(TestSites.inline(tmp, spec));
        org.lateral.Lateral.build(org.lateral.BuildRequest.of(site));
        return site.resolve("public");
    }

    private static JsonNode jsonLd(Document page) throws Exception {
        List<Element> scripts = page.select("script[type=application/ld+json]");
        assertThat(scripts).hasSize(1);
        return JSON.readTree(scripts.get(0).data());
    }

    private static List<String> feedLinks(Document page) {
        List<String> out = new ArrayList<>();
        for (Element l : page.select("head link[rel=alternate]")) {
            out.add(l.attr("type") + " " + l.attr("href"));
        }
        return out;
    }

    @Test
    void sitemapListsEveryPageAndListWithItsLastChange() {
        Path out = build(SITE);
        Document sitemap = Html.xml(out, "sitemap.xml");
        assertThat(sitemap.select("urlset > url > loc").eachText()).containsExactlyInAnyOrder(
                "https://example.org/cpd/2024/03/oracy-project/",
                "https://example.org/cpd/2024/02/script/",
                "https://example.org/cpd/about/",
                "https://example.org/cpd/",
                "https://example.org/cpd/tags/",
                "https://example.org/cpd/tags/oracy/",
                "https://example.org/cpd/tags/talk/",
                "https://example.org/cpd/categories/",
                "https://example.org/cpd/categories/projects/",
                "https://example.org/cpd/authors/",
                "https://example.org/cpd/authors/arahman/",
                "https://example.org/cpd/archive/",
                "https://example.org/cpd/archive/2024/",
                "https://example.org/cpd/archive/2024/03/",
                "https://example.org/cpd/archive/2024/02/",
                "https://example.org/cpd/archive/academic/2023-24/",
                "https://example.org/cpd/search/",
                "https://example.org/cpd/follow/");
        for (Element url : sitemap.select("urlset > url")) {
            assertThat(url.select("lastmod").text()).as(url.select("loc").text()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        }
        assertThat(sitemap.select("url:has(loc:matchesOwn(oracy-project/$)) lastmod").text())
                .isEqualTo("2024-03-09T00:00:00Z");
        assertThat(sitemap.select("url:has(loc:matchesOwn(/tags/talk/$)) lastmod").text())
                .isEqualTo("2024-03-09T00:00:00Z");
        // archive pages are lists like tags: their last change is their newest post's, not the site's
        // newest change (the about page, dated by its file)
        assertThat(sitemap.select("url:has(loc:matchesOwn(/archive/2024/02/$)) lastmod").text())
                .isEqualTo("2024-02-01T00:00:00Z");
        assertThat(sitemap.select("url:has(loc:matchesOwn(/archive/$)) lastmod").text())
                .isEqualTo("2024-03-09T00:00:00Z");
    }

    @Test
    void robotsTxtPointsAtTheSitemap() throws Exception {
        Path out = build(SITE);
        assertThat(Files.readAllLines(out.resolve("robots.txt")))
                .contains("User-agent: *", "Sitemap: https://example.org/cpd/sitemap.xml");
    }

    @Test
    void everyPageAdvertisesTheSitesFeedsAndListsTheirOwn() {
        Path out = build(SITE);
        List<String> site = List.of(
                "application/atom+xml https://example.org/cpd/feed.xml",
                "application/rss+xml https://example.org/cpd/rss.xml",
                "application/feed+json https://example.org/cpd/feed.json");
        for (String page : List.of("index.html", "about/index.html", "2024/03/oracy-project/index.html",
                "tags/index.html", "404.html")) {
            assertThat(feedLinks(Html.page(out, page))).as(page).containsExactlyElementsOf(site);
        }
        assertThat(feedLinks(Html.page(out, "tags/oracy/index.html"))).containsExactly(
                "application/atom+xml https://example.org/cpd/tags/oracy/feed.xml",
                "application/rss+xml https://example.org/cpd/tags/oracy/rss.xml",
                "application/feed+json https://example.org/cpd/tags/oracy/feed.json",
                site.get(0), site.get(1), site.get(2));
        assertThat(feedLinks(Html.page(out, "authors/arahman/index.html"))).startsWith(
                "application/atom+xml https://example.org/cpd/authors/arahman/feed.xml");
        Document tag = Html.page(out, "tags/oracy/index.html");
        assertThat(tag.select("head link[type=application/atom+xml]").first().attr("title"))
                .isEqualTo("Oracy · Ms Rahman's CPD journal");
        assertThat(Html.linkTarget(out, "tags/oracy/index.html", tag.select("a.feed-link").attr("href")))
                .isEqualTo(out.resolve("tags/oracy/feed.xml")).isRegularFile();
        Document author = Html.page(out, "authors/arahman/index.html");
        assertThat(Html.linkTarget(out, "authors/arahman/index.html", author.select("a.feed-link").attr("href")))
                .isEqualTo(out.resolve("authors/arahman/feed.xml")).isRegularFile();
        // the site's own feeds: one Follow link in every footer, to the page that lists them
        Document home = Html.page(out, "index.html");
        assertThat(Html.linkTarget(out, "index.html", home.select("footer .follow a").attr("href")))
                .isEqualTo(out.resolve("follow/index.html"));
        Document follow = Html.page(out, "follow/index.html");
        assertThat(follow.select("main a[type]").eachAttr("type"))
                .containsExactly("application/atom+xml", "application/rss+xml", "application/feed+json");
        for (String href : follow.select("main a[type]").eachAttr("href")) {
            assertThat(Html.linkTarget(out, "follow/index.html", href)).isRegularFile();
        }
    }

    @Test
    void postsCarryCanonicalOpenGraphAndTwitterCardTags() {
        Document post = Html.page(build(SITE), "2024/03/oracy-project/index.html");
        String url = "https://example.org/cpd/2024/03/oracy-project/";
        assertThat(post.select("link[rel=canonical]").attr("href")).isEqualTo(url);
        assertThat(post.select("meta[property=og:url]").attr("content")).isEqualTo(url);
        assertThat(post.select("meta[property=og:type]").attr("content")).isEqualTo("article");
        assertThat(post.select("meta[property=og:title]").attr("content")).isEqualTo("Oracy project, week one");
        assertThat(post.select("meta[property=og:description]").attr("content"))
                .isEqualTo("How talk partners went in week one.");
        assertThat(post.select("meta[property=og:site_name]").attr("content")).isEqualTo("Ms Rahman's CPD journal");
        assertThat(post.select("meta[property=og:locale]").attr("content")).isEqualTo("en_GB");
        assertThat(post.select("meta[property=og:image]").attr("content")).isEqualTo(url + "photo.jpg");
        assertThat(post.select("meta[property=article:published_time]").attr("content"))
                .isEqualTo("2024-03-05T16:00:00Z");
        assertThat(post.select("meta[property=article:tag]").eachAttr("content")).containsExactly("Oracy", "Talk");
        assertThat(post.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(post.select("meta[name=twitter:image]").attr("content")).isEqualTo(url + "photo.jpg");
    }

    @Test
    void postsDescribeThemselvesAsBlogPostingInJsonLd() throws Exception {
        Path out = build(SITE);
        JsonNode ld = jsonLd(Html.page(out, "2024/03/oracy-project/index.html"));
        assertThat(ld.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(ld.path("@type").asText()).isEqualTo("BlogPosting");
        assertThat(ld.path("headline").asText()).isEqualTo("Oracy project, week one");
        assertThat(ld.path("url").asText()).isEqualTo("https://example.org/cpd/2024/03/oracy-project/");
        assertThat(ld.path("datePublished").asText()).isEqualTo("2024-03-05T16:00:00Z");
        assertThat(ld.path("dateModified").asText()).isEqualTo("2024-03-09T00:00:00Z");
        assertThat(ld.path("image").asText()).isEqualTo("https://example.org/cpd/2024/03/oracy-project/photo.jpg");
        assertThat(ld.path("keywords")).extracting(JsonNode::asText).containsExactly("Oracy", "Talk");
        JsonNode author = ld.path("author").get(0);
        assertThat(author.path("@type").asText()).isEqualTo("Person");
        assertThat(author.path("name").asText()).isEqualTo("Aisha Rahman");
        assertThat(author.path("url").asText()).isEqualTo("https://example.org/cpd/authors/arahman/");
    }

    @Test
    void aTitleThatTriesToCloseTheScriptStaysInsideTheJsonLd() throws Exception {
        Document post = Html.page(build(SITE), "2024/02/script/index.html");
        assertThat(post.select("script")).hasSize(1);
        assertThat(jsonLd(post).path("headline").asText()).isEqualTo("</script><script>alert(1)</script> & \"quotes\"");
    }

    @Test
    void theHomePageDescribesTheWebsiteAndBlogInJsonLd() throws Exception {
        JsonNode ld = jsonLd(Html.page(build(SITE), "index.html"));
        JsonNode graph = ld.path("@graph");
        assertThat(graph).extracting(n -> n.path("@type").asText()).containsExactly("WebSite", "Blog");
        assertThat(graph.get(0).path("url").asText()).isEqualTo("https://example.org/cpd/");
        assertThat(graph.get(1).path("blogPost")).extracting(n -> n.path("url").asText()).containsExactly(
                "https://example.org/cpd/2024/03/oracy-project/", "https://example.org/cpd/2024/02/script/");
    }

    @Test
    void authorPagesDescribeAPersonInJsonLdAndAnHCard() throws Exception {
        Document page = Html.page(build(SITE), "authors/arahman/index.html");
        JsonNode person = jsonLd(page).path("mainEntity");
        assertThat(person.path("@type").asText()).isEqualTo("Person");
        assertThat(person.path("name").asText()).isEqualTo("Aisha Rahman");
        assertThat(person.path("description").asText()).isEqualTo("Teaches English & drama.");
        assertThat(person.path("sameAs").get(0).asText()).isEqualTo("https://rahman.example/");
        Element card = page.selectFirst(".h-feed > .p-author.h-card");
        assertThat(card.select(".p-name").attr("value")).isEqualTo("Aisha Rahman");
        assertThat(card.select(".p-note").text()).isEqualTo("Teaches English & drama.");
        assertThat(card.select("a.u-url[rel=me]").attr("href")).isEqualTo("https://rahman.example/");
        assertThat(page.select(".h-feed .h-entry")).hasSize(2);
    }

    @Test
    void postsAreMarkedUpAsHEntries() {
        Path out = build(SITE);
        Document post = Html.page(out, "2024/03/oracy-project/index.html");
        Element entry = post.selectFirst("article.h-entry");
        assertThat(entry.select(".p-name").text()).isEqualTo("Oracy project, week one");
        assertThat(Html.linkTarget(out, "2024/03/oracy-project/index.html", entry.select(".u-url").attr("href")))
                .isEqualTo(out.resolve("2024/03/oracy-project/index.html"));
        assertThat(entry.select("time.dt-published").attr("datetime")).isEqualTo("2024-03-05T16:00:00Z");
        assertThat(entry.select("time.dt-updated").attr("datetime")).isEqualTo("2024-03-09T00:00:00Z");
        assertThat(entry.select(".p-author.h-card").text()).isEqualTo("Aisha Rahman");
        assertThat(entry.select(".e-content").text()).contains("We started with talk partners.");
        assertThat(entry.select(".p-category").eachText()).containsExactly("Projects", "Oracy", "Talk");
        assertThat(entry.select(".p-summary").attr("value")).isEqualTo("How talk partners went in week one.");
    }

    @Test
    void listsAreMarkedUpAsHFeedsOfHEntries() {
        Path out = build(SITE);
        for (String list : List.of("index.html", "tags/oracy/index.html", "authors/arahman/index.html")) {
            Document page = Html.page(out, list);
            assertThat(page.select(".h-feed")).as(list).hasSize(1);
            assertThat(page.select(".h-feed .h-entry")).as(list).hasSize(2);
            assertThat(page.select(".h-feed .h-entry .p-name .u-url")).as(list).hasSize(2);
            assertThat(page.select(".h-feed .h-entry time.dt-published")).as(list).hasSize(2);
        }
    }

    @Test
    void everyPageIsValidHtml() {
        Path out = build(SITE);
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void aWelshSiteSpeaksWelshInItsPagesAndMetadata() {
        Path out = build(SITE.replace("language: en-GB", "language: cy"));
        Document home = Html.page(out, "index.html");
        assertThat(home.select("html").attr("lang")).isEqualTo("cy");
        assertThat(home.select("meta[property=og:locale]").attr("content")).isEqualTo("cy");
        assertThat(home.select("footer .follow a").text()).isEqualTo("Dilyn");
        assertThat(Html.page(out, "follow/index.html").select("main h2").first().text()).isEqualTo("Mewn darllenydd ffrydiau");
        assertThat(Html.page(out, "tags/oracy/index.html").select("a.feed-link").text())
                .isEqualTo("Dilyn y rhestr hon mewn darllenydd ffrydiau");
        assertThat(Html.page(out, "2024/03/oracy-project/index.html").select(".h-entry time.dt-published").text())
                .isEqualTo("5 Mawrth 2024");
    }

    @Test
    void theDefaultThemeHasEveryEnglishStringInWelsh() throws Exception {
        assertThat(keys("cy")).containsExactlyElementsOf(keys("en"));
    }

    private static Set<String> keys(String language) throws Exception {
        try (InputStream in = DiscoveryIT.class.getClassLoader()
                .getResourceAsStream("lateral/themes/default/i18n/" + language + ".yaml")) {
            Set<String> keys = new TreeSet<>();
            new YAMLMapper().readTree(in).fieldNames().forEachRemaining(keys::add);
            return keys;
        }
    }
}
