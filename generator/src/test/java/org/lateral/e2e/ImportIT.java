package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.ImportRequest;
import org.lateral.ImportRequest.From;
import org.lateral.ImportResult;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.Html;
import org.lateral.testing.MediaServer;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/** {@code lateral import}: real-shaped exports in, a built site out, read as a reader would. */
class ImportIT {

    private static final List<String> LOOPBACK = List.of("127.0.0.1");

    @TempDir
    Path tmp;

    private ImportResult importFrom(MediaServer media, From from, String fixture, Path site) {
        Path export = media.fixture(fixture, tmp.resolve("in"));
        return Lateral.importBlog(ImportRequest.of(from, export.toString(), site).withAllowAddresses(LOOPBACK));
    }

    @Test
    void aWordPressExportBecomesASiteWithItsPicturesTagsAndOldAddresses() throws IOException {
        Path site = tmp.resolve("blog");
        ImportResult r;
        List<String> asked;
        try (MediaServer media = new MediaServer()) {
            Path export = media.fixture("wxr-1.2.xml", tmp.resolve("in"));
            r = Lateral.importBlog(ImportRequest.of(From.WORDPRESS, export.toString(), site)
                    .withAllowAddresses(LOOPBACK).withComments(true));
            asked = List.copyOf(media.requests);
        }
        assertThat(r.newSite()).isTrue();
        assertThat(r.posts()).isEqualTo(6);
        assertThat(r.pages()).isEqualTo(2);
        assertThat(r.drafts()).isEqualTo(3);
        assertThat(r.mediaFailed()).isZero();
        assertThat(asked).contains("/wp-content/uploads/2015/03/image.jpg").doesNotContain("/wp-content/uploads/2015/03/image-300x200.jpg");
        assertThat(r.warnings()).extracting(Problem::message).anyMatch(m -> m.contains("password-protected"));
        assertThat(TestSites.read(site.resolve("site.yaml"))).contains("title: \"Ms Hughes learns out loud\"")
                .contains("baseUrl: \"https://mshughes.example/\"").contains("language: \"en-gb\"");

        String oracy = TestSites.read(site.resolve("content/posts/2015/oracy-in-year-8/index.md"));
        assertThat(oracy).contains("guid: \"https://mshughes.example/?p=10\"", "- \"/2015/03/05/oracy-in-year-8/\"",
                "image: \"image.jpg\"", "summary: \"How talk partners changed my Year 8 lessons.\"", "author: \"Mr Jones\"")
                .doesNotContain("jones@secret.example", "203.0.113.77", "Buy pills", "Uncategorized", "wp:", "[caption",
                        "[gallery", "[embed", "<script", "127.0.0.1");
        assertThat(TestSites.read(site.resolve("content/posts/2099/next-term/index.md"))).contains("publishDate: \"2099-09-01T09:00:00+01:00\"")
                .doesNotContain("draft");
        for (String draft : List.of("2016/unfinished-thoughts", "2016/staff-room", "2016/incident-log")) {
            assertThat(TestSites.read(site.resolve("content/posts/" + draft + "/index.md"))).contains("draft: true");
        }
        // two different image.jpg never collide
        Path folder = site.resolve("content/posts/2015/oracy-in-year-8");
        assertThat(Files.readAllBytes(folder.resolve("image.jpg"))).isNotEqualTo(Files.readAllBytes(folder.resolve("image-2.jpg")));
        String report = TestSites.read(site.resolve("import-report.md"));
        assertThat(report).contains("password-protected", "`[contact-form-7]`", "2 menu items", "Unfinished thoughts");

        Lateral.build(BuildRequest.of(site));
        Path out = site.resolve("public");
        Document post = Html.page(out, "2015/03/oracy-in-year-8/index.html");
        assertThat(post.selectFirst("h1").text()).isEqualTo("Oracy in Year 8 — dysgu ŵ café");
        // the approved comment is shown under the post with its name, link and date, never its e-mail
        Element comments = post.selectFirst("section.old-comments");
        assertThat(comments.selectFirst("h2").text()).isEqualTo("Comments from the old blog");
        assertThat(comments.select("li")).hasSize(1);
        assertThat(comments.selectFirst("a.p-author").attr("href")).isEqualTo("https://jones.example/");
        assertThat(comments.selectFirst("a.p-author").attr("rel")).isEqualTo("nofollow ugc");
        assertThat(comments.selectFirst("a.p-author").text()).isEqualTo("Mr Jones");
        assertThat(comments.selectFirst("time").attr("datetime")).startsWith("2015-03-06");
        assertThat(comments.selectFirst("time").text()).contains("2015");
        assertThat(comments.selectFirst(".p-content").text()).isEqualTo("Great idea, trying it tomorrow.");
        assertThat(post.html()).doesNotContain("jones@secret.example", "203.0.113.77", "Buy pills");
        assertThat(org.lateral.testing.NuHtmlChecker.errors(out.resolve("2015/03/oracy-in-year-8/index.html"))).isEmpty();
        assertThat(post.select("time[datetime]").eachAttr("datetime")).anyMatch(d -> d.startsWith("2015-03-05"));
        assertThat(post.select("a[href*=tags/]").eachText()).contains("Year 8", "Cymraeg ŵ", "oracy");
        assertThat(post.select("a[href*=categories/]").eachText()).contains("Science").doesNotContain("Uncategorized");
        Element article = post.selectFirst("main");
        assertThat(article.select("img")).hasSizeGreaterThanOrEqualTo(4);
        for (Element img : article.select("img")) {
            assertThat(img.attr("src")).doesNotContain("//");
            assertThat(Html.linkTarget(out, "2015/03/oracy-in-year-8/index.html", img.attr("src"))).isRegularFile();
        }
        assertThat(article.select("img[alt=smile]")).hasSize(1);
        assertThat(article.select("figure:not(.lateral-video) figcaption").text()).isEqualTo("Pupils talking in pairs");
        // WordPress's embedded videos (an address alone on its line) are click-to-load placeholders
        assertThat(article.select("figure.lateral-video").eachAttr("data-lateral-video")).containsExactly(
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1", "https://player.vimeo.com/video/123456?dnt=1&autoplay=1");
        assertThat(article.select("iframe")).isEmpty();
        assertThat(article.select("th[colspan=2]").text()).isEqualTo("Talk moves");
        assertThat(article.select("a[href=talk-frames.pdf]").text()).isEqualTo("talk frames");
        String text = article.text();
        assertThat(text).contains("Costs ${price} and <#if> stay text.", "[contact-form-7 id=",
                        "Split ]]> stays.", "https://vimeo.com/123456")
                .doesNotContain("wp:", "[caption", "[gallery", "[embed", "alert(");
        assertThat(post.select("script").eachAttr("src")).allMatch(s -> !s.isEmpty());

        Document classic = Html.page(out, "2014/11/classic-notes/index.html");
        assertThat(classic.select("main p").eachText()).anyMatch(p -> p.startsWith("First line of a classic post."));
        assertThat(classic.select("main p br")).isNotEmpty();
        assertThat(classic.select("main img[src=stems.png]")).hasSize(1);

        Document moved = Html.page(out, "2015/03/05/oracy-in-year-8/index.html");
        assertThat(moved.select("meta[http-equiv=refresh]").attr("content"))
                .isEqualTo("0; url=../../../../2015/03/oracy-in-year-8/index.html");
        assertThat(moved.select("link[rel=canonical]").attr("href")).isEqualTo("https://mshughes.example/2015/03/oracy-in-year-8/");
        assertThat(Html.linkTarget(out, "2015/03/05/oracy-in-year-8/index.html", moved.select("main a").attr("href"))).isRegularFile();
        assertThat(TestSites.read(out.resolve("sitemap.xml"))).doesNotContain("2015/03/05/");
        assertThat(Html.page(out, "about/cpd-record/index.html").selectFirst("h1").text()).isEqualTo("My CPD record");
        assertThat(Html.xml(out, "feed.xml").select("entry > id").eachText()).contains("https://mshughes.example/?p=10");

        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".jpg") && !p.toString().endsWith(".png")).toList()) {
                assertThat(TestSites.read(f)).as(f.toString())
                        .doesNotContain("SECRET-PASSWORD-TEXT", "Private text", "Draft text", "Scheduled text", "127.0.0.1");
            }
        }
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void importingTheSameExportAgainChangesNothingAndAddsNoDuplicates() throws IOException {
        Path site = tmp.resolve("blog");
        try (MediaServer media = new MediaServer()) {
            importFrom(media, From.WORDPRESS, "wxr-1.2.xml", site);
            Map<String, String> before = snapshot(site);
            ImportResult again = importFrom(media, From.WORDPRESS, "wxr-1.2.xml", site);
            assertThat(again.newSite()).isFalse();
            assertThat(again.posts()).isEqualTo(6);
            Map<String, String> after = snapshot(site);
            before.remove("import-report.md");
            after.remove("import-report.md");
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void wxrOneZeroAndOneOneWithHttpsNamespacesAreRead() {
        Path site = tmp.resolve("blog");
        try (MediaServer media = new MediaServer()) {
            assertThat(importFrom(media, From.WORDPRESS, "wxr-1.0.xml", site).posts()).isEqualTo(1);
            assertThat(importFrom(media, From.WORDPRESS, "wxr-1.1.xml", site).posts()).isEqualTo(1);
        }
        assertThat(TestSites.read(site.resolve("content/posts/2009/iwb-first-week/index.md")))
                .contains("date: \"2009-09-12T16:00:00+01:00\"", "summary: \"A week with the new board.\"", "- \"ICT\"");
        Lateral.build(BuildRequest.of(site));
        Path out = site.resolve("public");
        assertThat(Html.page(out, "2012/01/flipped-term-one/index.html").selectFirst("h1").text()).isEqualTo("Flipped learning, term one");
        assertThat(Html.page(out, "2009/09/iwb-first-week/index.html").select("main em").text()).isEqualTo("twice");
        assertThat(Html.page(out, "index.html").select("a").eachText()).contains("Interactive whiteboards: first week in Y6’s café");
    }

    @Test
    void aClassicBloggerExportKeepsItsPostsLabelsPicturesAndHtmlAddresses() {
        Path site = tmp.resolve("blog");
        ImportResult r;
        try (MediaServer media = new MediaServer()) {
            r = importFrom(media, From.BLOGGER, "blogger-classic.xml", site);
        }
        assertThat(r.posts()).isEqualTo(2);
        assertThat(r.drafts()).isEqualTo(1);
        assertThat(r.report()).contains("Blogger template entries", "Blogger settings entries");
        String post = TestSites.read(site.resolve("content/posts/2016/maths-mastery/index.md"));
        assertThat(post).contains("guid: \"tag:blogger.com,1999:blog-777.post-1001\"", "- \"mastery\"",
                "- \"/2016/04/maths-mastery.html\"", "image: \"cubes-3.jpg\"").doesNotContain("Mrs Price");
        Lateral.build(BuildRequest.of(site));
        Path out = site.resolve("public");
        Document page = Html.page(out, "2016/04/maths-mastery/index.html");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Maths mastery in Year 4");
        assertThat(page.select("main img[alt=Multilink cubes]").attr("src")).isEqualTo("cubes-2.jpg");
        assertThat(page.select("main a:has(img)").attr("href")).isEqualTo("cubes.jpg");
        assertThat(page.select("a[href*=tags/]").eachText()).contains("maths", "mastery");
        Document moved = Html.page(out, "2016/04/maths-mastery.html");
        assertThat(moved.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=../../2016/04/maths-mastery/index.html");
        assertThat(TestSites.read(site.resolve("site.yaml"))).contains("baseUrl: \"https://mrevans.blogspot.com/\"");
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void aGoogleTakeoutBloggerFeedKeepsPostsPagesAndDraftsAndLeavesTheBin() throws IOException {
        Path site = tmp.resolve("blog");
        ImportResult r;
        try (MediaServer media = new MediaServer()) {
            Path export = media.fixture("takeout-feed.atom", tmp.resolve("takeout/Blogger/Blogs/Year 6 Diary"), "feed.atom");
            r = Lateral.importBlog(ImportRequest.of(From.BLOGGER, tmp.resolve("takeout").toString(), site)
                    .withAllowAddresses(LOOPBACK).withComments(true));
            assertThat(export).isRegularFile();
        }
        assertThat(r.posts()).isEqualTo(4);
        assertThat(r.pages()).isEqualTo(1);
        assertThat(r.drafts()).isEqualTo(2); // DRAFT, and a status the importer does not know
        assertThat(r.report()).contains("Google Takeout", "1 posts in the bin");
        assertThat(TestSites.read(site.resolve("content/posts/2031/sports-day/index.md")))
                .contains("publishDate:").doesNotContain("draft:");
        String post = TestSites.read(site.resolve("content/posts/2023/residential-trip/index.md"));
        assertThat(post).contains("- \"outdoor learning\"", "author: \"A parent\"", "- \"/2023/06/residential-trip.html\"");
        Lateral.build(BuildRequest.of(site));
        Path out = site.resolve("public");
        Document page = Html.page(out, "2023/06/residential-trip/index.html");
        assertThat(page.select("main img[alt=Canoeing]").attr("src")).isEqualTo("canoe.png");
        assertThat(Html.page(out, "2023/06/residential-trip.html").select("link[rel=canonical]").attr("href"))
                .endsWith("/2023/06/residential-trip/");
        assertThat(Html.page(out, "p/about.html").select("main a").text()).isEqualTo("About the class");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".png")).toList()) {
                assertThat(TestSites.read(f)).as(f.toString()).doesNotContain("Not yet approved", "Races on the field",
                        "Draft.", "Gone.");
            }
        }
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void aMalformedExportIsRefusedAtItsLineAndNothingIsWritten() {
        Path site = tmp.resolve("blog");
        for (String broken : List.of("wxr-malformed.xml", "wxr-doctype.xml")) {
            try (MediaServer media = new MediaServer()) {
                assertThatThrownBy(() -> importFrom(media, From.WORDPRESS, broken, site))
                        .isInstanceOfSatisfying(LateralException.class, e -> {
                            Problem p = e.problems().get(0);
                            assertThat(p.file().getFileName().toString()).isEqualTo(broken);
                            assertThat(p.line()).isEqualTo(broken.equals("wxr-malformed.xml") ? 12 : 2);
                            assertThat(p.format()).contains("error:", "fix:", "nothing was imported");
                        });
            }
            assertThat(site).doesNotExist();
        }
    }

    @Test
    void aBloggerExportGivenToWordPressSaysWhichCommandToUse() {
        try (MediaServer media = new MediaServer()) {
            assertThatThrownBy(() -> importFrom(media, From.WORDPRESS, "blogger-classic.xml", tmp.resolve("blog")))
                    .isInstanceOfSatisfying(LateralException.class, e -> assertThat(e.problems().get(0).format())
                            .contains("not a WordPress export", "lateral import blogger"));
        }
        assertThat(tmp.resolve("blog")).doesNotExist();
    }

    @Test
    void aDryRunWritesNothingAndLinkModeFetchesNothing() {
        Path site = tmp.resolve("blog");
        try (MediaServer media = new MediaServer()) {
            Path export = media.fixture("wxr-1.2.xml", tmp.resolve("in"));
            ImportResult dry = Lateral.importBlog(ImportRequest.of(From.WORDPRESS, export.toString(), site)
                    .withAllowAddresses(LOOPBACK).withDryRun(true));
            assertThat(dry.report()).contains("A dry run: nothing was written", "Oracy in Year 8");
            assertThat(site).doesNotExist();
            media.requests.clear();
            ImportResult linked = Lateral.importBlog(ImportRequest.of(From.WORDPRESS, export.toString(), site)
                    .withDownloadMedia(false));
            assertThat(media.requests).isEmpty();
            assertThat(linked.report()).contains("Pictures left on the old blog", media.base() + "/wp-content/uploads/2016/01/image.jpg");
            assertThat(TestSites.read(site.resolve("content/posts/2015/oracy-in-year-8/index.md")))
                    .contains("](" + media.base() + "/wp-content/uploads/2016/01/image.jpg)");
        }
    }

    @Test
    void picturesOnALoopbackAddressAreNotFetchedUnlessAllowed() {
        Path site = tmp.resolve("blog");
        try (MediaServer media = new MediaServer()) {
            Path export = media.fixture("wxr-1.2.xml", tmp.resolve("in"));
            ImportResult r = Lateral.importBlog(ImportRequest.of(From.WORDPRESS, export.toString(), site));
            assertThat(media.requests).isEmpty();
            assertThat(r.mediaFailed()).isPositive();
            assertThat(r.report()).contains("could not be fetched", "--allow-address");
        }
    }

    @Test
    void anyFeedCanBeImportedFromItsAddress() {
        Path site = tmp.resolve("blog");
        try (MediaServer media = new MediaServer()) {
            ImportResult r = Lateral.importBlog(ImportRequest.of(From.FEED, media.base() + "/feeds/rss.xml", site)
                    .withAllowAddresses(LOOPBACK));
            assertThat(r.posts()).isEqualTo(2);
        }
        Lateral.build(BuildRequest.of(site));
        Path out = site.resolve("public");
        assertThat(Html.page(out, "2020/05/lockdown-lessons/index.html").select("main p").text()).contains("Teaching from the kitchen");
        assertThat(Html.xml(out, "feed.xml").select("entry > id").eachText()).contains("https://feedblog.example/?p=77");
    }

    private static Map<String, String> snapshot(Path site) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(site.relativize(p).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
