package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.safety.Sanitizer;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * Videos, download cards, taxonomies of the site's own, previous and next links and pinned posts,
 * built from the fixture {@code sites/embeds-and-subjects} (also the browser test's).
 */
class EmbedsAndTaxonomiesIT {

    @TempDir
    static Path tmp;
    static Path out;
    static BuildResult result;

    @BeforeAll
    static void build() {
        Path site = TestSites.fixture("embeds-and-subjects", tmp);
        result = Lateral.build(BuildRequest.of(site));
        out = site.resolve("public");
    }

    private static String read(String path) {
        return TestSites.read(out.resolve(path));
    }

    @Test
    void aVideoIsAClickToLoadPlaceholderWithAPlainLinkAndNothingFromTheVideoSite() {
        String source = read("2024/11/teachmeet-talk/index.html");
        Document page = Jsoup.parse(source);
        assertThat(source).doesNotContain("<iframe");
        assertThat(page.select("[src*=youtube], [src*=vimeo], [href*=nocookie], [srcset]")).isEmpty();
        List<Element> videos = page.select("figure.lateral-video");
        assertThat(videos).hasSize(2);
        Element first = videos.get(0);
        assertThat(first.attr("data-lateral-video")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
        assertThat(first.selectFirst("button[type=button]").text())
                .isEqualTo("▶ Play “Retrieval quizzes at TeachMeet North” (loads the video from YouTube)");
        assertThat(first.selectFirst("figcaption a").attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(first.selectFirst("figcaption a").text()).isEqualTo("Retrieval quizzes at TeachMeet North");
        Element second = videos.get(1);
        assertThat(second.attr("data-lateral-video")).isEqualTo("https://player.vimeo.com/video/76979871?dnt=1&autoplay=1#t=90s");
        assertThat(second.selectFirst("img.lateral-video-thumb").attr("src")).isEqualTo("thumbnail.png");
        assertThat(out.resolve("2024/11/teachmeet-talk/thumbnail.png")).isRegularFile();
        assertThat(second.selectFirst("figcaption").text()).isEqualTo("Spacing the questions (video on Vimeo, from 1:30)");
        assertThat(page.select("script[src]").eachAttr("src")).containsExactly("../../../js/lateral-embeds.js");
        assertThat(out.resolve("js/lateral-embeds.js")).isRegularFile();
        assertThat(Html.page(out, "2024/10/density-practical/index.html").select("script[src]")).isEmpty();
        assertThat(NuHtmlChecker.errors(out.resolve("2024/11/teachmeet-talk/index.html"))).isEmpty();
    }

    @Test
    void aLinkToSlidesBesideThePostIsADownloadCardWithItsTypeAndSize() {
        Element card = Html.page(out, "2024/11/teachmeet-talk/index.html").selectFirst("p.lateral-download");
        assertThat(card.text()).isEqualTo("Slides from the talk (PDF, 610 bytes)");
        assertThat(card.selectFirst("a").attr("href")).isEqualTo("slides.pdf");
        assertThat(card.selectFirst("a").attr("type")).isEqualTo("application/pdf");
        assertThat(card.selectFirst("a").hasAttr("download")).isTrue();
        assertThat(out.resolve("2024/11/teachmeet-talk/slides.pdf")).hasSize(610);
    }

    @Test
    void aDownloadThatIsNotBesideThePostIsAWarningAtItsLine() {
        BuildResult r = Lateral.build(BuildRequest.of(TestSites.inline(tmp.resolve("missing"), """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/posts/talk/index.md --
                ---
                title: Talk
                date: 2024-06-05
                ---
                Intro.

                [Slides](slides.pptx)
                """)));
        assertThat(r.warnings()).map(Problem::format).anySatisfy(w -> assertThat(w).startsWith(
                "content/posts/talk/index.md:7:1: warning: the download \"slides.pptx\" is not beside this post"));
    }

    @Test
    void feedsCarryAPlainLinkWithTheLocalThumbnailNeverAPlayerOrAButton() throws Exception {
        Feed atom = (Feed) new WireFeedInput().build(new StringReader(read("feed.xml")));
        Entry talk = atom.getEntries().stream().filter(e -> e.getTitle().startsWith("My TeachMeet")).findFirst().orElseThrow();
        String html = talk.getContents().stream().map(Content::getValue).findFirst().orElseThrow();
        Document content = Jsoup.parseBodyFragment(html);
        assertThat(content.select("iframe, button, script, figure, [data-lateral-video]")).isEmpty();
        assertThat(content.select("p.lateral-video-link a").eachAttr("href")).containsExactly(
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://vimeo.com/76979871#t=90s");
        assertThat(content.select("p.lateral-video-link a img").eachAttr("src"))
                .containsExactly("https://science.example.org/2024/11/teachmeet-talk/thumbnail.png");
        assertThat(content.select("p.lateral-download a").attr("href"))
                .isEqualTo("https://science.example.org/2024/11/teachmeet-talk/slides.pdf");
        for (String feed : List.of("rss.xml", "feed.json", "subjects/science/feed.xml")) {
            assertThat(read(feed)).doesNotContain("iframe").doesNotContain("<button").doesNotContain("data-lateral-video");
        }
        // and on the hub, whatever a member's feed carries, the sanitiser keeps no player or button
        String hostile = "<figure class=\"lateral-video\" data-lateral-video=\"https://www.youtube-nocookie.com/embed/x\">"
                + "<button type=\"button\">Play</button><iframe src=\"https://www.youtube.com/embed/x\"></iframe>"
                + "<script src=\"https://example.org/lateral-embeds.js\"></script></figure>" + html;
        Document hub = Jsoup.parseBodyFragment(Sanitizer.create().sanitize(hostile, "https://science.example.org/"));
        assertThat(hub.select("iframe, button, script, [data-lateral-video]")).isEmpty();
        assertThat(hub.select("a[href=https://www.youtube.com/watch?v=dQw4w9WgXcQ]")).hasSize(1);
    }

    @Test
    void eachTaxonomyOfTheSiteHasAnIndexPaginatedTermPagesFeedsAndSitemapEntries() throws Exception {
        Document index = Html.page(out, "subjects/index.html");
        assertThat(index.selectFirst("h1").text()).isEqualTo("Subjects");
        assertThat(index.select(".term-list a").eachText()).containsExactly("maths", "science");
        Document science = Html.page(out, "subjects/science/index.html");
        assertThat(science.selectFirst("h1").text()).isEqualTo("Subjects: science");
        assertThat(science.select("article.post-summary h2 a").eachText()).containsExactly("My TeachMeet talk on retrieval quizzes");
        assertThat(science.select("a[rel=next]").attr("href")).isEqualTo("../../subjects/science/page/2/index.html");
        assertThat(Html.page(out, "subjects/science/page/4/index.html").select("article.post-summary h2 a").eachText())
                .containsExactly("Lab safety, part one");
        assertThat(out.resolve("subjects/science/page/5")).doesNotExist();
        Document ks = Html.page(out, "keystages/index.html");
        assertThat(ks.selectFirst("h1").text()).isEqualTo("Key stages");
        assertThat(Html.page(out, "keystages/ks3/index.html").selectFirst("h1").text()).isEqualTo("Key stage: KS3");
        assertThat(Html.page(out, "keystages/ks3/index.html").select(".meta a").first().text()).isEqualTo("All key stages");

        SyndFeed atom = new SyndFeedInput().build(new StringReader(read("subjects/maths/feed.xml")));
        assertThat(atom.getEntries()).extracting(e -> e.getTitle())
                .containsExactly("A density practical that worked", "Drawing graphs in science lessons");
        Channel rss = (Channel) new WireFeedInput().build(new StringReader(read("subjects/maths/rss.xml")));
        assertThat(rss.getItems()).hasSize(2);
        assertThat(read("subjects/maths/feed.json")).contains("\"A density practical that worked\"");
        Document sitemap = Html.xml(out, "sitemap.xml");
        assertThat(sitemap.select("loc").eachText()).contains("https://science.example.org/subjects/",
                "https://science.example.org/subjects/science/", "https://science.example.org/keystages/ks4/");
        Feed site = (Feed) new WireFeedInput().build(new StringReader(read("feed.xml")));
        assertThat(site.getEntries().stream().filter(e -> e.getTitle().startsWith("A density")).findFirst().orElseThrow()
                .getCategories()).extracting(c -> c.getTerm() + " " + c.getScheme()).contains(
                        "science https://science.example.org/subjects/science/", "KS3 https://science.example.org/keystages/ks3/");

        Document post = Html.page(out, "2024/10/density-practical/index.html");
        assertThat(post.select(".terms-subjects a").eachText()).containsExactly("science", "maths");
        assertThat(post.select(".terms-keystages").text()).isEqualTo("Key stages: KS3");
        for (String p : List.of("subjects/index.html", "subjects/science/index.html", "keystages/ks3/index.html",
                "2024/10/density-practical/index.html", "index.html")) {
            assertThat(NuHtmlChecker.errors(out.resolve(p))).as(p).isEmpty();
        }
    }

    @Test
    void disableKindsSwitchesOffOneTaxonomyByItsName() {
        Path o = TestSites.built(tmp.resolve("off"), """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                taxonomies: [subjects, keystages]
                disableKinds: [keystages]
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-06-05
                subjects: [science]
                keystages: [KS3]
                ---
                Body.
                """);
        assertThat(o.resolve("subjects/science/index.html")).isRegularFile();
        assertThat(o.resolve("keystages")).doesNotExist();
        assertThat(TestSites.read(o.resolve("sitemap.xml"))).contains("/subjects/").doesNotContain("keystages");
    }

    @Test
    void anUndeclaredTaxonomyIsAWarningWithTheLineToAddAndAWrongOneAnErrorAtItsLine() {
        BuildResult r = Lateral.build(BuildRequest.of(TestSites.inline(tmp.resolve("undeclared"), """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-06-05
                subjects: [science]
                ---
                Body.
                """)));
        assertThat(r.warnings()).map(Problem::format).anySatisfy(w -> assertThat(w).isEqualTo(
                "content/posts/a.md:4:1: warning: \"subjects\" looks like a taxonomy, but site.yaml does not declare it,"
                        + " so no page lists the posts of each (it is kept for templates as page.params.subjects) — fix: "
                        + "add the line taxonomies: [subjects] to site.yaml (with any others, such as taxonomies: "
                        + "[subjects, keystages]) to give each of its words a page and feeds"));

        Path bad = TestSites.inline(tmp.resolve("bad"), """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                taxonomies: [subjects, Key Stages, series]
                disableKinds: [subject]
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-06-05
                ---
                """);
        LateralException e = catchThrowableOfType(LateralException.class, () -> Lateral.build(BuildRequest.of(bad)));
        assertThat(e.problems()).map(Problem::format).anySatisfy(p -> assertThat(p)
                .startsWith("site.yaml:3:24: error: a taxonomy's name \"Key Stages\" must be one word"))
                .anySatisfy(p -> assertThat(p).startsWith("site.yaml:3:36: error: a taxonomy cannot be called \"series\""))
                .anySatisfy(p -> assertThat(p).contains("disableKinds has no kind \"subject\"")
                        .contains("did you mean `subjects`?"));
    }

    @Test
    void everyPostLinksItsPreviousAndNextWithRelWithinASeriesByPart() {
        Document density = Html.page(out, "2024/10/density-practical/index.html");
        assertThat(density.select("nav.post-nav a[rel=prev]").text()).isEqualTo("← Previous post: Drawing graphs in science lessons");
        assertThat(density.select("nav.post-nav a[rel=prev]").attr("href")).isEqualTo("../../../2024/09/graphs-in-science/index.html");
        assertThat(density.select("nav.post-nav a[rel=next]").text()).isEqualTo("Next post: My TeachMeet talk on retrieval quizzes →");
        assertThat(density.select("link[rel=prev]").attr("href")).isEqualTo("../../../2024/09/graphs-in-science/index.html");
        Document newest = Html.page(out, "2024/11/teachmeet-talk/index.html");
        assertThat(newest.select("a[rel=next], link[rel=next]")).isEmpty();
        assertThat(newest.select("nav.post-nav a[rel=prev]")).hasSize(1);
        Document oldest = Html.page(out, "2024/01/start-here/index.html");
        assertThat(oldest.select("a[rel=prev]")).isEmpty();
        Document part1 = Html.page(out, "2024/05/lab-safety-part-1/index.html");
        assertThat(part1.select("nav.post-nav")).isEmpty();
        assertThat(part1.select("a[rel=prev]")).isEmpty();
        assertThat(part1.select(".series-nav a[rel=next]").attr("href")).isEqualTo("../../../2024/05/lab-safety-part-2/index.html");
        Document part2 = Html.page(out, "2024/05/lab-safety-part-2/index.html");
        assertThat(part2.select(".series-nav a[rel=prev]").attr("href")).isEqualTo("../../../2024/05/lab-safety-part-1/index.html");
        assertThat(part2.select("a[rel=next]")).isEmpty();
    }

    @Test
    void aPinnedPostStaysAtTheTopOfTheHomePageMarkedPinned() throws Exception {
        Document home = Html.page(out, "index.html");
        List<Element> items = home.select("article.post-summary");
        assertThat(items.get(0).selectFirst("h2 a").text()).isEqualTo("Start here");
        assertThat(items.get(0).select(".status-pinned").text()).isEqualTo("Pinned");
        assertThat(items.get(1).selectFirst("h2 a").text()).isEqualTo("My TeachMeet talk on retrieval quizzes");
        assertThat(home.select(".status-pinned")).hasSize(1);
        for (int n = 2; Files.exists(out.resolve("page/" + n + "/index.html")); n++) {
            assertThat(Html.page(out, "page/" + n + "/index.html").select("article h2 a").eachText()).doesNotContain("Start here");
        }
        Feed atom = (Feed) new WireFeedInput().build(new StringReader(read("feed.xml")));
        assertThat(atom.getEntries().get(atom.getEntries().size() - 1).getTitle()).isEqualTo("Start here");
        assertThat(Html.page(out, "2024/01/start-here/index.html").select(".status-pinned")).isEmpty();
    }
}
