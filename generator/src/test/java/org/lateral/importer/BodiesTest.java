package org.lateral.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lateral.safety.Sanitizer;

class BodiesTest {

    private final Bodies bodies = new Bodies(Sanitizer.create());

    private Bodies.Converted convert(String html) {
        Bodies.Prepared p = bodies.prepare(html, "https://old.example/2015/03/post/", Map.of(), List.of());
        p.restore();
        return bodies.convert(p.html());
    }

    @Test
    void classicEditorLinesKeepTheirBreaksAndBlankLinesMakeParagraphs() {
        String md = convert("First line.\nSecond line.\n\nNew paragraph.").body();
        assertThat(md).isEqualTo("First line.\\\nSecond line.\n\nNew paragraph.\n");
    }

    @Test
    void gutenbergCommentsGoAndPicturesNamedLikeEmojiStayPictures() {
        String md = convert("<!-- wp:paragraph --><p>Hi <img src=\"/smile.png\" alt=\"smile\"></p><!-- /wp:paragraph -->").body();
        assertThat(md).isEqualTo("Hi ![smile](https://old.example/smile.png)\n");
    }

    @Test
    void aBodyMarkdownCannotSayIsKeptAsHtml() {
        Bodies.Converted c = convert("<p>Water is H<sub>2</sub>O, and CO<sub>2</sub> is a gas.</p>");
        assertThat(c.keptAsHtml()).isTrue();
        assertThat(c.body()).isEqualTo("<div>\n<p>Water is H<sub>2</sub>O, and CO<sub>2</sub> is a gas.</p>\n</div>\n");
    }

    @Test
    void shortcodesLeftAreKeptAsTextAndNamed() {
        Bodies.Prepared p = bodies.prepare("<p>[contact-form-7 id=\"5\"] and [su_button]Go[/su_button] but not [sic]</p>",
                "https://old.example/", Map.of(), List.of());
        assertThat(p.shortcodes()).containsExactly("contact-form-7", "su_button");
        p.restore();
        assertThat(bodies.convert(p.html()).body()).isEqualTo("\\[contact-form-7 id=\"5\"\\] and \\[su_button\\]Go\\[/su_button\\] but not \\[sic\\]\n");
    }

    @Test
    void aBodyMarkdownWouldLoseWordsFromIsKeptAsHtml() {
        assertThat(Bodies.lost("one two three four", "one two three four")).isZero();
        assertThat(Bodies.lost("one two three four", "one two")).isEqualTo(0.5);
    }

    @Test
    void htmlKeptAsABlockHasNoBlankLineThatWouldEndIt() {
        assertThat(Bodies.oneBlock("<pre>a\n\nb</pre>")).isEqualTo("<pre>a\n&#10;\nb</pre>");
    }
}
