package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.BuildSession;
import org.lateral.Lateral;
import org.lateral.Problem;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.Photos;
import org.lateral.testing.TestSites;

/** Phone photos beside a post: published in a few widths, the right way up, without GPS, resized once. */
class PicturesIT {

    @TempDir
    Path tmp;
    Path site;
    Path bundle;

    @BeforeEach
    void site() {
        site = TestSites.inline(tmp, """
                -- site.yaml --
                title: Talk for learning
                baseUrl: https://example.org/cpd/
                -- content/posts/oracy/index.md --
                ---
                title: Oracy in Year 4
                date: 2024-06-05
                image: cover.jpg
                ---
                We tried talk cards for three weeks.

                ![Pupils sorting talk cards on a table](photo.jpg)

                The tally after week two:

                ![Tally chart of talk moves](chart.png)

                ![A waving hand](wave.gif)

                ![Broken](broken.jpg)
                -- content/posts/earlier.md --
                ---
                title: Earlier
                date: 2024-05-01
                ---
                No pictures here.
                """);
        bundle = site.resolve("content/posts/oracy");
        // stored 2400×1800, orientation 6: a phone held upright, shown 1800×2400
        Photos.write(bundle.resolve("photo.jpg"), Photos.jpeg(2400, 1800, 6, true));
        Photos.write(bundle.resolve("cover.jpg"), Photos.jpeg(2000, 1500, 1, true));
        Photos.write(bundle.resolve("chart.png"), Photos.png(1000, 600, false));
        byte[] whole = Photos.jpeg(1000, 800, 1, true);
        Photos.write(bundle.resolve("broken.jpg"), Arrays.copyOf(whole, whole.length / 3));
        try {
            javax.imageio.ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_INDEXED), "gif",
                    bundle.resolve("wave.gif").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPhoneJpegIsPublishedInWidthsUprightWithoutItsLocation() throws Exception {
        BuildResult result = Lateral.build(BuildRequest.of(site));
        Path out = site.resolve("public");
        Path post = out.resolve("2024/06/oracy");

        // widths written, each really smaller, the right way up (portrait)
        long original = Files.size(bundle.resolve("photo.jpg"));
        for (int w : List.of(480, 960, 1600)) {
            Path copy = post.resolve("photo-" + w + "w.jpg");
            BufferedImage image = Photos.read(copy);
            assertThat(image.getWidth()).isEqualTo(w);
            assertThat(image.getHeight()).isEqualTo(w * 4 / 3);
            assertThat(Files.size(copy)).isLessThan(original);
        }
        assertThat(post.resolve("photo-2400w.jpg")).doesNotExist();
        assertThat(post.resolve("chart-480w.png")).isRegularFile();
        assertThat(post.resolve("chart-1600w.png")).doesNotExist(); // never larger than the picture
        assertThat(post.resolve("wave.gif")).isRegularFile();
        assertThat(Files.mismatch(post.resolve("wave.gif"), bundle.resolve("wave.gif"))).isEqualTo(-1L);

        // the page: srcset, sizes, width and height (as shown), lazy but for the first, a link to the original
        Document page = Html.page(out, "2024/06/oracy/index.html");
        Elements imgs = page.select("main img");
        Element photo = imgs.get(0);
        assertThat(photo.attr("src")).isEqualTo("photo-960w.jpg");
        assertThat(photo.attr("srcset")).isEqualTo("photo-480w.jpg 480w, photo-960w.jpg 960w, photo-1600w.jpg 1600w");
        assertThat(photo.attr("sizes")).isNotEmpty();
        assertThat(photo.attr("width")).isEqualTo("1800");
        assertThat(photo.attr("height")).isEqualTo("2400");
        assertThat(photo.attr("alt")).isEqualTo("Pupils sorting talk cards on a table");
        assertThat(photo.attr("decoding")).isEqualTo("async");
        assertThat(photo.hasAttr("loading")).isFalse();
        assertThat(photo.parent().attr("href")).isEqualTo("photo.jpg");
        Element chart = imgs.get(1);
        assertThat(chart.attr("loading")).isEqualTo("lazy");
        assertThat(chart.attr("srcset")).isEqualTo("chart-480w.png 480w, chart-960w.png 960w, chart.png 1000w");
        Element gif = imgs.get(2);
        assertThat(gif.attr("src")).isEqualTo("wave.gif");
        assertThat(gif.attr("width")).isEqualTo("300");
        assertThat(gif.attr("loading")).isEqualTo("lazy");

        // the damaged picture: a warning at its file, not published, the build goes on
        assertThat(result.warnings()).filteredOn(p -> p.format().startsWith("content/posts/oracy/broken.jpg: warning:"))
                .singleElement().extracting(Problem::format).asString()
                .contains("this picture is not published", "fix: open it in a photo app");
        assertThat(post.resolve("broken.jpg")).doesNotExist();

        // no published picture says where it was taken; the original keeps its orientation
        List<Path> jpegs;
        try (Stream<Path> all = Files.walk(out)) {
            jpegs = all.filter(p -> p.toString().endsWith(".jpg")).toList();
        }
        assertThat(jpegs).hasSizeGreaterThanOrEqualTo(8);
        for (Path jpeg : jpegs) {
            assertThat(Photos.hasGps(jpeg)).as(out.relativize(jpeg).toString()).isFalse();
        }
        assertThat(Photos.hasGps(bundle.resolve("photo.jpg"))).isTrue(); // the teacher's own file is left alone
        assertThat(Photos.orientation(post.resolve("photo.jpg"))).isEqualTo(6);

        // the cover on the home page, the card for social sites, the feed's one absolute width
        Element cover = Html.page(out, "index.html").selectFirst("img.cover");
        assertThat(cover.attr("src")).isEqualTo("2024/06/oracy/cover-480w.jpg");
        assertThat(cover.attr("srcset")).startsWith("2024/06/oracy/cover-480w.jpg 480w, 2024/06/oracy/cover-960w.jpg 960w");
        assertThat(cover.attr("width")).isEqualTo("2000");
        assertThat(cover.hasAttr("loading")).isFalse();
        assertThat(page.select("meta[property=og:image]").attr("content"))
                .isEqualTo("https://example.org/cpd/2024/06/oracy/cover-1600w.jpg");
        assertThat(page.select("meta[property=og:image:width]").attr("content")).isEqualTo("1600");
        Document feed = Html.xml(out, "feed.xml");
        Document content = Jsoup.parseBodyFragment(feed.select("entry content").first().text());
        Element inFeed = content.selectFirst("img");
        assertThat(inFeed.attr("src")).isEqualTo("https://example.org/cpd/2024/06/oracy/photo-960w.jpg");
        assertThat(inFeed.hasAttr("srcset")).isFalse();
        assertThat(inFeed.hasAttr("loading")).isFalse();
        assertThat(inFeed.attr("width")).isEqualTo("1800");

        // the cache is the site's, never in the output
        assertThat(site.resolve(".lateral-cache/images")).isDirectory();
        try (Stream<Path> all = Files.walk(out)) {
            assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("info", ".lateral-cache", "original.jpg");
        }
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    @Test
    void aRebuildTakesThePicturesFromTheCacheAndAnEditedPictureIsResizedAgain() throws Exception {
        BuildResult first = Lateral.build(BuildRequest.of(site));
        assertThat(first.work().pictures()).isEqualTo(3); // photo, cover, chart (the GIF is copied, the broken one skipped)
        Map<Path, FileTime> cached = times(site.resolve(".lateral-cache"));

        BuildResult second = Lateral.build(BuildRequest.of(site));
        assertThat(second.work().pictures()).isZero();
        assertThat(times(site.resolve(".lateral-cache"))).isEqualTo(cached);

        // in a session (as lateral serve builds): a picture saved again is resized again
        BuildSession session = Lateral.session();
        Path out = tmp.resolve("preview");
        BuildRequest request = BuildRequest.of(site).withOutput(out);
        assertThat(session.build(request).work().pictures()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("2024/06/oracy/photo-480w.jpg"));
        Photos.write(bundle.resolve("photo.jpg"), Photos.jpeg(1800, 2400, 1, true)); // now stored upright
        Files.setLastModifiedTime(bundle.resolve("photo.jpg"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        BuildResult edited = session.build(request);
        assertThat(edited.work().pictures()).isEqualTo(1);
        byte[] after = Files.readAllBytes(out.resolve("2024/06/oracy/photo-480w.jpg"));
        assertThat(after).isNotEqualTo(before);
        assertThat(Photos.hasGps(after)).isFalse();
        assertThat(Html.page(out, "2024/06/oracy/index.html").selectFirst("main img").attr("height")).isEqualTo("2400");
        assertThat(session.build(request).work().pictures()).isZero();
    }

    private static Map<Path, FileTime> times(Path dir) throws Exception {
        Map<Path, FileTime> out = new HashMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p), Files.getLastModifiedTime(p));
            }
        }
        return out;
    }
}
