package org.lateral.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.lateral.LateralException;

class EmbedsTest {

    private final MarkdownRenderer md = new MarkdownRenderer();

    @Test
    void recognisesYouTubeVimeoAndPeerTubeAddresses() {
        assertThat(Video.of("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s")).hasValueSatisfying(v -> {
            assertThat(v.provider()).isEqualTo("YouTube");
            assertThat(v.start()).isEqualTo(90);
            assertThat(v.embedUrl()).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90");
            assertThat(v.watchUrl()).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s");
        });
        assertThat(Video.of("https://youtu.be/dQw4w9WgXcQ?t=42")).map(Video::embedUrl)
                .hasValue("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42");
        assertThat(Video.of("https://www.youtube.com/shorts/dQw4w9WgXcQ")).isPresent();
        assertThat(Video.of("https://vimeo.com/76979871")).map(Video::embedUrl)
                .hasValue("https://player.vimeo.com/video/76979871?dnt=1");
        assertThat(Video.of("https://vimeo.com/76979871/abcdef1234#t=30s")).map(Video::embedUrl)
                .hasValue("https://player.vimeo.com/video/76979871?dnt=1&h=abcdef1234#t=30s");
        assertThat(Video.of("https://video.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d")).isEmpty();
        assertThat(Video.of("https://tube.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv")).map(Video::embedUrl)
                .hasValue("https://tube.example.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv");
        assertThat(Video.of("https://tube.example.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d?start=10s"))
                .hasValueSatisfying(v -> {
                    assertThat(v.siteName()).isEqualTo("tube.example.org");
                    assertThat(v.embedUrl()).isEqualTo(
                            "https://tube.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d?start=10s");
                });
        // not clearly a video: an ordinary link
        assertThat(Video.of("https://www.youtube.com/@SomeChannel")).isEmpty();
        assertThat(Video.of("https://example.org/w/short")).isEmpty();
        assertThat(Video.of("http://tube.example.org/w/kkGMgK9ZtnKfYAgnEtQxbv")).isEmpty();
        assertThat(Video.of("https://example.org/videos/watch/not-a-uuid")).isEmpty();
    }

    @Test
    void aVideoAloneOnItsLineIsAPlaceholderWithNoPlayerAndAPlainLink() {
        Rendered r = md.render("Before.\n\n[My TeachMeet talk](https://youtu.be/dQw4w9WgXcQ)\n\nAfter.", false);
        Document d = Jsoup.parseBodyFragment(r.html());
        Element figure = d.selectFirst("figure.lateral-video");
        assertThat(figure).isNotNull();
        assertThat(d.select("iframe, script")).isEmpty();
        assertThat(r.html()).doesNotContain("img.youtube.com").doesNotContain("ytimg");
        assertThat(figure.attr("data-lateral-video")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
        assertThat(figure.selectFirst("button[type=button]").text()).contains("Play “My TeachMeet talk”")
                .contains("YouTube");
        Element link = figure.selectFirst("figcaption a");
        assertThat(link.attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(link.text()).isEqualTo("My TeachMeet talk");
        assertThat(r.summaryHtml()).isEqualTo("<p>Before.</p>");
    }

    @Test
    void aBareAddressHasAGeneralTitleAndALinkInTheMiddleOfTextStaysALink() {
        Rendered r = md.render("https://vimeo.com/76979871\n\nSee https://vimeo.com/76979871 too.", false);
        Document d = Jsoup.parseBodyFragment(r.html());
        assertThat(d.select("figure.lateral-video")).hasSize(1);
        assertThat(d.selectFirst("figure").attr("data-lateral-title")).isEqualTo("Video on Vimeo");
        assertThat(d.selectFirst("figcaption a").text()).isEqualTo("https://vimeo.com/76979871");
        assertThat(d.select("p > a[href=https://vimeo.com/76979871]")).hasSize(1);
    }

    @Test
    void aVideoBlockTakesATitleAStartAndALocalThumbnail() {
        Rendered r = md.render("```video\nurl: https://www.youtube.com/watch?v=dQw4w9WgXcQ\ntitle: \"Cold calling\"   # a note\n"
                + "start: 2:05\nthumbnail: talk.jpg\n```\n", false);
        Element figure = Jsoup.parseBodyFragment(r.html()).selectFirst("figure.lateral-video");
        assertThat(figure.attr("data-lateral-video"))
                .isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=125&autoplay=1");
        assertThat(figure.selectFirst("img.lateral-video-thumb").attr("src")).isEqualTo("talk.jpg");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("Cold calling (video on YouTube, from 2:05)");
    }

    @Test
    void aWronglyWrittenVideoBlockIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> md.render("Intro.\n\n```video\nurl: https://example.org/talk\n```\n", false,
                Path.of("content/posts/talk.md"), 5))
                .isInstanceOf(LateralException.class)
                .satisfies(e -> assertThat(((LateralException) e).problems().get(0).format())
                        .startsWith("content/posts/talk.md:7:1: error: \"https://example.org/talk\" is not the address"));
        assertThatThrownBy(() -> md.render("```video\nurl: https://youtu.be/dQw4w9WgXcQ\nstart: soon\n```\n", false,
                Path.of("p.md"), 1)).hasMessageContaining("start \"soon\" is not a time");
        assertThatThrownBy(() -> md.render("```video\nurl: https://youtu.be/dQw4w9WgXcQ\nthumbnail: https://i.ytimg.com/x.jpg\n```\n",
                false, Path.of("p.md"), 1)).hasMessageContaining("is on another site");
    }

    @Test
    void aLinkToSlidesBesideThePostIsADownloadCardWhoseSizeIsFilledIn() {
        Rendered r = md.render("[Slides from the talk](slides.pdf)\n\n[Deck](talk%20deck.pptx)\n\n"
                + "[Elsewhere](https://example.org/x.pdf)\n\nSee [the slides](slides.pdf) here.", false);
        String html = Embeds.withSizes(r.html(), f -> f.equals("slides.pdf") ? Optional.of(2_345_678L)
                : f.equals("talk deck.pptx") ? Optional.of(820_000L) : Optional.empty());
        Document d = Jsoup.parseBodyFragment(html);
        assertThat(d.select("p.lateral-download")).hasSize(2);
        Element card = d.selectFirst("p.lateral-download");
        assertThat(card.selectFirst("a").attr("href")).isEqualTo("slides.pdf");
        assertThat(card.selectFirst("a").attr("type")).isEqualTo("application/pdf");
        assertThat(card.text()).isEqualTo("Slides from the talk (PDF, 2.3 MB)");
        assertThat(d.select("p.lateral-download").get(1).text()).isEqualTo("Deck (PowerPoint, 820 KB)");
        assertThat(Embeds.downloads(r.html())).containsExactly("slides.pdf", "talk deck.pptx");
    }

    @Test
    void sizesAreWrittenAsFileManagersShowThem() {
        assertThat(Embeds.humanSize(512)).isEqualTo("512 bytes");
        assertThat(Embeds.humanSize(1_000)).isEqualTo("1.0 KB");
        assertThat(Embeds.humanSize(14_200_000)).isEqualTo("14 MB");
        assertThat(Embeds.humanSize(999_999)).isEqualTo("1.0 MB");
    }

    @Test
    void aSummaryShowsAVideoAsAPlainLink() {
        Rendered r = md.render("https://youtu.be/dQw4w9WgXcQ\n\n<!--more-->\n\nRest.", false);
        assertThat(r.summaryHtml()).contains("<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">")
                .doesNotContain("button").doesNotContain("data-lateral-video");
    }
}
