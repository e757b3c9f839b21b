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
    void aLinkToAPicturesOwnPageOnTheOldBlogLinksThePictureInstead() {
        // WordPress galleries link each picture to its attachment page, which the new site won't have
        Map<String, String> pages = Map.of(Export.pageKey("https://old.example/2010/09/gallery/boat/"),
                "https://old.example/wp-content/uploads/boat.jpg");
        Bodies.Prepared p = bodies.prepare("<p><a href=\"http://www.old.example/2010/09/gallery/boat\">"
                + "<img src=\"https://old.example/wp-content/uploads/boat-150x150.jpg\" alt=\"Boat\"></a>"
                + " and <a href=\"https://old.example/2010/09/gallery/\">the gallery</a></p>",
                "https://old.example/2010/09/gallery/", Map.of(), List.of(), pages);
        assertThat(p.originals()).containsValue("https://old.example/wp-content/uploads/boat.jpg");
        p.restore();
        String md = bodies.convert(p.html()).body();
        assertThat(md).contains("](https://old.example/wp-content/uploads/boat.jpg)")
                .contains("[the gallery](https://old.example/2010/09/gallery/)")
                .doesNotContain("gallery/boat)");
    }

    @Test
    void classicEditorListsAndDefinitionsGetNoLineBreaksBetweenTheirParts() {
        // as WordPress's wpautop: the blocks stand apart from the paragraphs around them
        String html = Bodies.autop("Intro:\n<ul>\n<li>One</li>\n<li>Two</li>\n</ul>\nAfter the list.\n"
                + "<dl>\n<dt>Oracy</dt>\n<dd>Talk for learning</dd>\n</dl>\n<pre>line 1\n\nline 3</pre>");
        org.jsoup.nodes.Document d = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(d.select("ul > br, dl > br, ul + br, p > ul")).isEmpty();
        assertThat(d.select("p").eachText()).containsExactly("Intro:", "After the list.");
        assertThat(d.select("li").eachText()).containsExactly("One", "Two");
        assertThat(d.select("dl > dt").text()).isEqualTo("Oracy");
        assertThat(d.selectFirst("pre").wholeText()).isEqualTo("line 1\n\nline 3");
    }

    @Test
    void anOldThemesCaptionListBecomesAFigureAndAnEmptyOneGoes() {
        String md = convert("<dl class=\"wp-caption\"><dt class=\"wp-caption-dt\"><img src=\"/boat.jpg\" alt=\"A boat\"></dt>"
                + "<dd class=\"wp-caption-dd\">Our field trip</dd></dl>"
                + "<dl id=\"attachment_612\" class=\"wp-caption aligncenter\"><dt class=\"wp-caption-dt\"></dt></dl>&nbsp;").body();
        org.jsoup.nodes.Document d = org.jsoup.Jsoup.parseBodyFragment(md);
        assertThat(d.select("figure > img[alt=A boat]").attr("src")).isEqualTo("https://old.example/boat.jpg");
        assertThat(d.select("figure > figcaption").text()).isEqualTo("Our field trip");
        assertThat(d.select("dl, dt, dd")).isEmpty();
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
