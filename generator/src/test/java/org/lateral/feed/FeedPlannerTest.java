package org.lateral.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Feed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.site.Page;
import org.lateral.site.Site;

class FeedPlannerTest {

    @TempDir
    Path siteDir;

    private final Page older = FeedFixtures.post("content/posts/a.md", "a", "A", FeedFixtures.date("2024-03-01"), Map.of());
    private final Page newer = FeedFixtures.post("content/posts/b/index.md", "b", "B", FeedFixtures.date("2024-03-05"),
            Map.of());
    private final Site site = FeedFixtures.site(List.of(newer, older));

    private Map<String, org.lateral.plan.Output> outputs(List<String> planned) {
        return new FeedPlanner(site, siteDir).outputs(org.lateral.site.Listings.of(site), planned).stream()
                .collect(Collectors.toMap(org.lateral.plan.Output::outputPath, Function.identity()));
    }

    private static String text(org.lateral.plan.Output o) {
        return new String(o.content().get(), StandardCharsets.UTF_8);
    }

    @Test
    void plansTheSitesTermsAndAuthorsFeedsSitemapAndRobots() {
        assertThat(outputs(List.of()).keySet()).containsExactlyInAnyOrder(
                "feed.xml", "rss.xml", "feed.json",
                "tags/oracy/feed.xml", "tags/oracy/rss.xml", "tags/oracy/feed.json",
                "authors/arahman/feed.xml", "authors/arahman/rss.xml", "authors/arahman/feed.json",
                "sitemap.xml", "robots.txt");
    }

    @Test
    void feedsOfAnyListGoInTheListsFolder() throws Exception {
        List<org.lateral.plan.Output> series = new FeedPlanner(site, siteDir)
                .forList(org.lateral.plan.Kind.SERIES, FeedList.of("Oracy project", "/cpd/series/oracy-project/", List.of(older, newer)));
        assertThat(series).extracting(org.lateral.plan.Output::outputPath).containsExactly(
                "series/oracy-project/feed.xml", "series/oracy-project/rss.xml", "series/oracy-project/feed.json");
        Feed atom = AtomWriterTest.read(series.get(0).content().get());
        assertThat(atom.getTitle()).isEqualTo("Oracy project");
        assertThat(atom.getEntries()).extracting(e -> e.getTitle()).containsExactly("A", "B");
    }

    @Test
    void feedsHoldAtMostTheConfiguredNumberOfEntries() throws Exception {
        Site one = site.withConfig(site.config().withBaseUrl(FeedFixtures.BASE));
        Site limited = one.withConfig(new org.lateral.config.SiteConfig(one.title(), one.description(), one.baseUrl(),
                one.language(), one.config().timezone(), "default", Map.of(), one.config().permalinks(), 10, 10,
                List.of(), new org.lateral.config.SiteConfig.FeedConfig(1, true), Map.of(),
                java.util.Optional.empty(), 9, true, java.util.Set.of()));
        Feed atom = AtomWriterTest.read(new FeedPlanner(limited, siteDir).outputs(org.lateral.site.Listings.of(limited), List.of()).get(0).content().get());
        assertThat(atom.getEntries()).extracting(e -> e.getTitle()).containsExactly("B");
    }

    @Test
    void sitemapListsPlannedHtmlPagesWithTheirLastChange() {
        Document d = Jsoup.parse(text(outputs(List.of("2024/03/b/index.html", "2024/03/a/index.html", "index.html",
                "tags/oracy/index.html", "404.html", "css/style.css", "series/x/index.html")).get("sitemap.xml")),
                "", Parser.xmlParser());
        assertThat(d.select("loc").eachText()).containsExactly(
                "https://example.org/cpd/2024/03/b/", "https://example.org/cpd/2024/03/a/", "https://example.org/cpd/",
                "https://example.org/cpd/tags/oracy/", "https://example.org/cpd/series/x/");
        assertThat(d.select("lastmod").eachText()).containsExactly("2024-03-05T09:30:00Z", "2024-03-01T09:30:00Z",
                "2024-03-05T09:30:00Z", "2024-03-05T09:30:00Z", "2024-03-05T09:30:00Z");
    }

    @Test
    void aRobotsTxtOrSitemapOfTheSitesOwnWins() throws Exception {
        Files.createDirectories(siteDir.resolve("static"));
        Files.writeString(siteDir.resolve("static/robots.txt"), "User-agent: *\nDisallow: /drafts/\n");
        Files.writeString(siteDir.resolve("static/sitemap.xml"), "<urlset/>");
        assertThat(outputs(List.of())).doesNotContainKeys("robots.txt", "sitemap.xml");
    }

    @Test
    void enclosureLengthComesFromTheImageBesideThePost() throws Exception {
        Path bundle = siteDir.resolve("content/posts/b");
        Files.createDirectories(bundle);
        Files.write(bundle.resolve("photo.jpg"), new byte[321]);
        Page withImage = FeedFixtures.post("content/posts/b/index.md", "b", "B", FeedFixtures.date("2024-03-05"),
                Map.of());
        withImage = new Page(withImage.kind(), withImage.source(), withImage.address(),
                withImage.title(), withImage.slug(), withImage.date(), withImage.updated(),
                withImage.authors(), withImage.tags(), withImage.categories(), withImage.series(), withImage.part(),
                withImage.stage(), withImage.summary(), withImage.description(), withImage.truncated(),
                withImage.content(), withImage.toc(), java.util.Optional.of(withImage.url() + "photo.jpg"),
                withImage.wordCount(), false, java.util.Optional.empty(), Map.of(), List.of());
        FeedEntry e = new FeedEntries(FeedFixtures.site(List.of(withImage)), siteDir).of(withImage);
        assertThat(e.image()).hasValueSatisfying(i -> {
            assertThat(i.url()).isEqualTo("https://example.org/cpd/2024/03/b/photo.jpg");
            assertThat(i.type()).isEqualTo("image/jpeg");
            assertThat(i.length()).isEqualTo(321);
        });
        assertThat(e.contentHtml()).contains("src=\"https://example.org/cpd/2024/03/b/photo.jpg\"");
    }

    @Test
    void enclosureLengthComesFromAnImageInTheSitesStaticFolder() throws Exception {
        Files.createDirectories(siteDir.resolve("static/images"));
        Files.write(siteDir.resolve("static/images/photo.png"), new byte[77]);
        Page p = withImage(FeedFixtures.post("content/posts/a.md", "a", "A", FeedFixtures.date("2024-03-01"), Map.of()),
                "/images/photo.png");
        FeedEntry e = new FeedEntries(FeedFixtures.site(List.of(p)), siteDir).of(p);
        assertThat(e.image()).hasValueSatisfying(i -> {
            assertThat(i.url()).isEqualTo("https://example.org/cpd/images/photo.png");
            assertThat(i.type()).isEqualTo("image/png");
            assertThat(i.length()).isEqualTo(77);
        });
    }

    @Test
    void remoteImagesAreEnclosedWithAnUnknownLength() {
        Page p = withImage(FeedFixtures.post("content/posts/a.md", "a", "A", FeedFixtures.date("2024-03-01"), Map.of()),
                "https://photos.example/a.webp");
        FeedEntry e = new FeedEntries(FeedFixtures.site(List.of(p)), siteDir).of(p);
        assertThat(e.image()).hasValue(new FeedEntry.Enclosure("https://photos.example/a.webp", "image/webp", 0));
    }

    @Test
    void imagesOutsideTheSiteFolderAreNeverRead() throws Exception {
        Path root = Files.createDirectories(siteDir.resolve("site/static"));
        Files.write(siteDir.resolve("secret.jpg"), new byte[5]);
        Page p = withImage(FeedFixtures.post("content/posts/a.md", "a", "A", FeedFixtures.date("2024-03-01"), Map.of()),
                "/cpd/../../secret.jpg");
        FeedEntry e = new FeedEntries(FeedFixtures.site(List.of(p)), root.getParent()).of(p);
        assertThat(e.image()).hasValueSatisfying(i -> assertThat(i.length()).isZero());
    }

    private static Page withImage(Page p, String image) {
        return new Page(p.kind(), p.source(), p.address(), p.title(), p.slug(), p.date(),
                p.updated(), p.authors(), p.tags(), p.categories(), p.series(), p.part(), p.stage(), p.summary(),
                p.description(), p.truncated(), p.content(), p.toc(), java.util.Optional.of(image), p.wordCount(),
                p.draft(), p.layout(), p.params(), p.resources());
    }

    @Test
    void postsWithoutAuthorsAreCreditedToTheSite() {
        Page anonymous = FeedFixtures.post("content/posts/a.md", "a", "A", FeedFixtures.date("2024-03-01"), Map.of());
        anonymous = new Page(anonymous.kind(), anonymous.source(), anonymous.address(),
                anonymous.title(), anonymous.slug(), anonymous.date(), anonymous.updated(),
                List.of(), anonymous.tags(), anonymous.categories(), anonymous.series(), anonymous.part(),
                anonymous.stage(), anonymous.summary(), anonymous.description(), anonymous.truncated(),
                anonymous.content(), anonymous.toc(), anonymous.image(), anonymous.wordCount(), false,
                anonymous.layout(), anonymous.params(), anonymous.resources());
        FeedEntry e = new FeedEntries(site, siteDir).of(anonymous);
        assertThat(e.authors()).extracting(FeedEntry.Person::name).containsExactly("Ms Rahman's CPD journal");
    }
}
