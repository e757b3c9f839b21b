package org.lateral.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrittenLinksTest {

    @Test
    void linksInListsTablesQuotesAndFootnotesKeepTheirLineAndColumn() {
        Written w = WrittenLinks.of("""
                Intro with [a link](/a/).

                - item [in a list](/b/)
                  1. nested [deeper](/c/)

                | Week | Notes |
                | ---- | ----- |
                | 1    | [in a table](/d/) |

                > quoted [in a quote](/e/)

                Text.[^1] <https://example.org/f>

                [^1]: See [in a footnote](/g/).

                [by reference][ref]

                [ref]: /h/
                """);
        assertThat(w.links()).extracting(l -> l.destination() + " " + l.line() + ":" + l.column() + " " + l.text())
                .containsExactly("/a/ 1:12 a link", "/b/ 3:8 in a list", "/c/ 4:13 deeper", "/d/ 8:10 in a table",
                        "/e/ 10:10 in a quote", "https://example.org/f 12:11 https://example.org/f",
                        "/g/ 14:11 in a footnote", "/h/ 16:1 by reference");
    }

    @Test
    void picturesRawHtmlAndHeadingsAreFoundWithTheirPositions() {
        Written w = WrittenLinks.of("""
                ## First

                ![A tally](tally.png) and [![Logo](logo.png)](/home/)

                <div>
                <a href="/x/">x</a>
                </div>

                Inline <a href="/y/">y</a>.

                #### Deep
                """);
        assertThat(w.links()).extracting(l -> (l.picture() ? "picture " : "link ") + l.destination() + " "
                + l.line() + ":" + l.column() + " " + l.text())
                .containsExactly("picture tally.png 3:1 A tally", "link /home/ 3:27 Logo", "picture logo.png 3:28 Logo");
        assertThat(w.html()).extracting(h -> h.block() + " " + h.line() + ":" + h.column())
                .containsExactly("true 5:1", "false 9:8", "false 9:23");
        assertThat(w.headings()).extracting(h -> h.level() + " " + h.text() + " " + h.line())
                .containsExactly("2 First 1", "4 Deep 11");
    }
}
