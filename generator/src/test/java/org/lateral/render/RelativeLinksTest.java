package org.lateral.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelativeLinksTest {

    @Test
    void internalLinksBecomeRelativeWithIndexHtml() {
        String html = "<link rel=\"stylesheet\" href=\"/css/style.css\"><a href=\"/\">home</a>"
                + "<a href=\"/tags/oracy/#top\">t</a><img src=\"/2024/03/x/a.png\" alt=\"\">"
                + "<link rel=\"canonical\" href=\"https://example.org/2024/03/x/\"><a href=\"//cdn.example/x\">c</a>";
        String out = RelativeLinks.rewrite(html, "2024/03/x/index.html", "/");
        assertThat(out).contains("href=\"../../../css/style.css\"")
                .contains("href=\"../../../index.html\"")
                .contains("href=\"../../../tags/oracy/index.html#top\"")
                .contains("src=\"../../../2024/03/x/a.png\"")
                .contains("href=\"https://example.org/2024/03/x/\"")
                .contains("href=\"//cdn.example/x\"");
    }

    @Test
    void respectsTheBasePathAndLeavesOtherRootLinksAlone() {
        String out = RelativeLinks.rewrite("<a href=\"/cpd/about/\">a</a><a href=\"/other/\">o</a>", "index.html", "/cpd/");
        assertThat(out).isEqualTo("<a href=\"about/index.html\">a</a><a href=\"/other/\">o</a>");
    }

    @Test
    void textThatLooksLikeAnAttributeIsLeftAlone() {
        String html = "<p>data-x=\"/y/\" and <code>href=\"/z/\"</code></p>";
        assertThat(RelativeLinks.rewrite("<p>x=\"/y/\"</p>", "index.html", "/")).isEqualTo("<p>x=\"/y/\"</p>");
        assertThat(RelativeLinks.rewrite(html, "index.html", "/")).contains("data-x=\"/y/\"");
    }

    @Test
    void srcsetCandidatesBecomeRelativeEachOnItsOwn() {
        String out = RelativeLinks.rewrite("<img src=\"/cpd/a.png\" srcset=\"https://x.example/a.png 1x, /cpd/a2.png 2x\">",
                "2024/03/x/index.html", "/cpd/");
        assertThat(out).isEqualTo("<img src=\"../../../a.png\" srcset=\"https://x.example/a.png 1x, ../../../a2.png 2x\">");
    }
}
