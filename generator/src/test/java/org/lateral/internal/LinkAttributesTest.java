package org.lateral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkAttributesTest {

    @Test
    void rootRelativeLinksWrittenByAuthorsGetTheBasePath() {
        String html = "<a href=\"/about/\">a</a><img src=\"/img/x.png\" alt=\"\"><a href=\"/cpd/tags/\">t</a>"
                + "<a href=\"//cdn.example/x\">c</a><a href=\"https://example.org/\">e</a>";
        assertThat(LinkAttributes.rebase(html, "/cpd/")).isEqualTo(
                "<a href=\"/cpd/about/\">a</a><img src=\"/cpd/img/x.png\" alt=\"\"><a href=\"/cpd/tags/\">t</a>"
                        + "<a href=\"//cdn.example/x\">c</a><a href=\"https://example.org/\">e</a>");
        assertThat(LinkAttributes.rebase(html, "/")).isSameAs(html);
    }

    @Test
    void everyAddressAttributeIsRebasedAndEachSrcsetCandidateOnItsOwn() {
        String html = "<img src=\"/a.png\" srcset=\"/a.png 1x,/b.png 2x, https://cdn.example/c.png 3x\" alt=\"\">"
                + "<blockquote cite=\"/q/\"></blockquote><video poster=\"/p.jpg\"></video>"
                + "<object data=\"/d.svg\"></object><form action=\"/f/\"></form><p title=\"/t/\"></p>";
        assertThat(LinkAttributes.rebase(html, "/cpd/")).isEqualTo(
                "<img src=\"/cpd/a.png\" srcset=\"/cpd/a.png 1x,/cpd/b.png 2x, https://cdn.example/c.png 3x\" alt=\"\">"
                        + "<blockquote cite=\"/cpd/q/\"></blockquote><video poster=\"/cpd/p.jpg\"></video>"
                        + "<object data=\"/cpd/d.svg\"></object><form action=\"/cpd/f/\"></form><p title=\"/t/\"></p>");
    }

    @Test
    void srcsetIsSplitAsTheHtmlStandardSplitsIt() {
        java.util.function.UnaryOperator<String> mark = u -> "[" + u + "]";
        assertThat(LinkAttributes.srcset("a.jpg", mark)).isEqualTo("[a.jpg]");
        assertThat(LinkAttributes.srcset(" a.jpg 1x ,  b.jpg   2x", mark)).isEqualTo(" [a.jpg] 1x ,  [b.jpg]   2x");
        assertThat(LinkAttributes.srcset("a.jpg,b.jpg 2x", mark)).isEqualTo("[a.jpg,b.jpg] 2x"); // no space: one address
        assertThat(LinkAttributes.srcset("a.jpg, b.jpg 2x", mark)).isEqualTo("[a.jpg], [b.jpg] 2x");
        assertThat(LinkAttributes.srcset("a.jpg 100w (x, y), b.jpg 200w", mark)).isEqualTo("[a.jpg] 100w (x, y), [b.jpg] 200w");
        assertThat(LinkAttributes.value("alt", "/x", mark)).isEqualTo("/x");
        assertThat(LinkAttributes.value("href", "/x", mark)).isEqualTo("[/x]");
    }
}
