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
}
