package org.lateral.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ResponsiveHtmlTest {

    private static final ImageFile PHOTO = new ImageFile(PictureFormat.JPEG, 3024, 4032, Path.of("o.jpg"), List.of(
            new ImageFile.Variant(480, 640, PictureFormat.JPEG, Path.of("480.jpg")),
            new ImageFile.Variant(960, 1280, PictureFormat.JPEG, Path.of("960.jpg")),
            new ImageFile.Variant(1600, 2133, PictureFormat.JPEG, Path.of("1600.jpg"))), "h");
    private static final ImageFile MID = new ImageFile(PictureFormat.PNG, 1200, 600, Path.of("o.png"), List.of(
            new ImageFile.Variant(480, 240, PictureFormat.PNG, Path.of("480.png")),
            new ImageFile.Variant(960, 480, PictureFormat.PNG, Path.of("960.png"))), "h");
    private static final Function<String, Optional<ImageFile>> PICTURES = a -> Optional.ofNullable(
            Map.of("photo.jpg", PHOTO, "my photo.jpg", PHOTO, "img/chart.png", MID).get(a));

    @Test
    void aPictureGetsItsWidthsSizeAndALinkToTheOriginal() {
        Document d = Jsoup.parseBodyFragment(ResponsiveHtml.rewrite(
                "<p><img src=\"photo.jpg\" alt=\"Pupils &amp; cards\" /></p><p><img src=\"img/chart.png\" alt=\"Chart\" title=\"T\"></p>",
                PICTURES, true));
        Element first = d.selectFirst("img");
        assertThat(first.parent().tagName()).isEqualTo("a");
        assertThat(first.parent().attr("href")).isEqualTo("photo.jpg");
        assertThat(first.parent().hasClass("picture")).isTrue();
        assertThat(first.attr("src")).isEqualTo("photo-960w.jpg");
        assertThat(first.attr("srcset")).isEqualTo("photo-480w.jpg 480w, photo-960w.jpg 960w, photo-1600w.jpg 1600w");
        assertThat(first.attr("sizes")).isEqualTo(ResponsiveHtml.SIZES);
        assertThat(first.attr("width")).isEqualTo("3024");
        assertThat(first.attr("height")).isEqualTo("4032");
        assertThat(first.attr("alt")).isEqualTo("Pupils & cards");
        assertThat(first.attr("decoding")).isEqualTo("async");
        assertThat(first.hasAttr("loading")).isFalse(); // the first picture of the page loads at once
        Element second = d.select("img").get(1);
        assertThat(second.attr("loading")).isEqualTo("lazy");
        // narrower than 1600: the original is the widest candidate
        assertThat(second.attr("srcset")).isEqualTo("img/chart-480w.png 480w, img/chart-960w.png 960w, img/chart.png 1200w");
        assertThat(second.attr("title")).isEqualTo("T");
    }

    @Test
    void aSummaryIsLazyThroughout() {
        String html = ResponsiveHtml.rewrite("<p><img src=\"photo.jpg\" alt=\"A\" /></p>", PICTURES, false);
        assertThat(Jsoup.parse(html).selectFirst("img").attr("loading")).isEqualTo("lazy");
    }

    @Test
    void linksDecorationOtherAddressesAndHandWrittenTagsAreLeftAlone() {
        String linked = "<p><a href=\"https://example.org\"><img src=\"photo.jpg\" alt=\"A\" /></a></p>";
        Document d = Jsoup.parseBodyFragment(ResponsiveHtml.rewrite(linked, PICTURES, true));
        assertThat(d.select("a")).hasSize(1);
        assertThat(d.selectFirst("img").attr("srcset")).isNotEmpty();

        Document decorative = Jsoup.parseBodyFragment(ResponsiveHtml.rewrite("<img src=\"photo.jpg\" alt=\"\">", PICTURES, true));
        assertThat(decorative.select("a")).isEmpty();
        assertThat(decorative.selectFirst("img").attr("width")).isEqualTo("3024");

        for (String kept : List.of("<img src=\"photo.jpg\" alt=\"A\" class=\"wide\">",
                "<img src=\"https://example.org/photo.jpg\" alt=\"A\">", "<img src=\"/static/photo.jpg\" alt=\"A\">",
                "<img src=\"other.jpg\" alt=\"A\">", "<code>&lt;img src=\"photo.jpg\"&gt;</code>")) {
            assertThat(ResponsiveHtml.rewrite(kept, PICTURES, true)).isEqualTo(kept);
        }
    }

    @Test
    void anAddressWithSpacesIsFound() {
        String html = ResponsiveHtml.rewrite("<img src=\"my%20photo.jpg\" alt=\"A\" />", PICTURES, true);
        assertThat(Jsoup.parse(html).selectFirst("img").attr("src")).isEqualTo("my%20photo-960w.jpg");
    }
}
