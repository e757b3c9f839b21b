package org.lateral.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SanitizerTest {

    private static final String BASE = "https://blog.example/posts/teachmeet/";
    private final Sanitizer sanitizer = Sanitizer.create();

    /** XSS vectors from the usual cheat sheets, written the ways feeds smuggle them. */
    static Stream<String> attacks() {
        return Stream.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
                "<img src=x onerror=alert(1)>",
                "<img src=\"https://ok.example/a.png\" onload=\"alert(1)\">",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
                "<a href=\"  javascript:alert(1)\">x</a>",
                "<a href=\"java\tscript:alert(1)\">x</a>",
                "<a href=\"java\nscript:alert(1)\">x</a>",
                "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
                "<a href=\"&#x6A;avascript&#x3A;alert(1)\">x</a>",
                "<a href=\"javascript&colon;alert(1)\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
                "<img src=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\">",
                "<iframe src=\"https://evil.example/\"></iframe>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<object data=\"https://evil.example/x.swf\"></object>",
                "<embed src=\"https://evil.example/x.swf\">",
                "<form action=\"https://evil.example/\"><input name=password></form>",
                "<base href=\"https://evil.example/\">",
                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
                "<link rel=stylesheet href=\"https://evil.example/x.css\">",
                "<style>body{background:url(javascript:alert(1))}</style>",
                "<p style=\"background:url(javascript:alert(1));position:fixed;top:0\">x</p>",
                "<div style=\"width: expression(alert(1))\">x</div>",
                "<svg onload=alert(1)><script>alert(1)</script></svg>",
                "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
                "<details open ontoggle=alert(1)>",
                "<body onload=alert(1)>",
                "<a href=\"https://ok.example/\" onmouseover=\"alert(1)\">ok</a>",
                "<button formaction=\"javascript:alert(1)\">x</button>",
                "<video><source onerror=\"alert(1)\"></video>",
                "<template><script>alert(1)</script></template>",
                "<!--<script>alert(1)</script>-->",
                "<![CDATA[<script>alert(1)</script>]]>",
                "<xmp><script>alert(1)</script></xmp>",
                "<isindex action=javascript:alert(1) type=image>",
                "<a href=\"\u0000javascript:alert(1)\">x</a>",
                "<blockquote cite=\"javascript:alert(1)\">q</blockquote>");
    }

    @ParameterizedTest
    @MethodSource("attacks")
    void removesScriptingHowever(String attack) {
        Document out = Jsoup.parseBodyFragment(sanitizer.sanitize("<p>before</p>" + attack + "<p>after</p>", BASE));

        assertThat(out.select("script, style, iframe, object, embed, form, input, button, base, meta, link, svg, math,"
                + " template, noscript, video, source")).isEmpty();
        for (Element el : out.getAllElements()) {
            el.attributes().forEach(attr -> {
                assertThat(attr.getKey()).doesNotStartWith("on").isNotIn("style", "srcdoc", "formaction", "id");
                if (attr.getKey().equals("href") || attr.getKey().equals("src") || attr.getKey().equals("cite")) {
                    assertThat(attr.getValue()).matches("(https?://|mailto:).*");
                } else {
                    String value = attr.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                    assertThat(value).doesNotContain("javascript:").doesNotContain("vbscript:");
                }
            });
        }
        assertThat(out.body().text()).contains("before");
    }

    @Test
    void keepsTheLanguageAndDirectionOfWhatAMemberWrote() {
        Document out = Jsoup.parseBodyFragment(sanitizer.sanitize(
                "<div lang=\"cy\"><p>Bore da</p><blockquote lang=\"ar\" dir=\"rtl\" onclick=\"x()\">مرحبا</blockquote></div>", BASE));

        assertThat(out.selectFirst("div").attr("lang")).isEqualTo("cy");
        assertThat(out.selectFirst("blockquote").attributes().asList()).extracting(a -> a.getKey() + "=" + a.getValue())
                .containsExactly("lang=ar", "dir=rtl");
    }

    @Test
    void resolvesRelativeLinksAndImagesAgainstThePostAddress() {
        Document out = Jsoup.parseBodyFragment(sanitizer.sanitize(
                "<a href=\"../other/\">o</a> <a href=\"/about\">a</a> <img src=\"img/board.jpg\" alt=\"board\">", BASE));

        assertThat(out.select("a").eachAttr("href"))
                .containsExactly("https://blog.example/posts/other/", "https://blog.example/about");
        assertThat(out.selectFirst("img").attr("src")).isEqualTo("https://blog.example/posts/teachmeet/img/board.jpg");
        assertThat(out.selectFirst("img").attr("alt")).isEqualTo("board");
    }

    @Test
    void dropsRelativeLinksWhenThereIsNoWebBase() {
        Document out = Jsoup.parseBodyFragment(sanitizer.sanitize("<a href=\"/about\">a</a><img src=\"x.png\">",
                "file:/home/ann/feed.xml"));

        assertThat(out.selectFirst("a").hasAttr("href")).isFalse();
        assertThat(out.select("img")).isEmpty();
    }

    @Test
    void marksEveryLinkNofollowNoopenerUgc() {
        Document out = Jsoup.parseBodyFragment(sanitizer.sanitize(
                "<a href=\"https://x.example/\" rel=\"me\" target=\"_blank\">x</a>", BASE));

        Element a = out.selectFirst("a");
        assertThat(a.attr("rel")).isEqualTo("nofollow noopener ugc");
        assertThat(a.hasAttr("target")).isFalse();
    }

    @Test
    void aLinkWhoseAddressWasRefusedKeepsItsTextAndStaysValidHtml() {
        Document out = Jsoup.parseBodyFragment(sanitizer.sanitize(
                "<a href=\"javascript:alert(1)\" hreflang=\"en\">js</a>", BASE));

        Element a = out.selectFirst("a");
        assertThat(a.text()).isEqualTo("js");
        assertThat(a.attributes().size()).isZero(); // rel or hreflang without href is invalid HTML
    }

    @Test
    void imagesWithoutAltTextGetAnEmptyOne() {
        Document out = Jsoup.parseBodyFragment(sanitizer.sanitize("<img src=\"https://img.example/a.png\">", BASE));

        assertThat(out.selectFirst("img").attr("alt")).isEmpty();
        assertThat(out.selectFirst("img").hasAttr("alt")).isTrue();
    }

    @Test
    void keepsOrdinaryWriting() {
        String html = "<h2>Plan</h2><p><strong>Bold</strong> and <em>em</em></p><ul><li>one</li></ul><ol start=3><li>x</li></ol>"
                + "<blockquote cite=\"https://src.example/\">quote</blockquote><pre><code class=\"language-java\">int x;</code></pre>"
                + "<table><thead><tr><th scope=col>H</th></tr></thead><tbody><tr><td colspan=2>c</td></tr></tbody></table>"
                + "<figure><img src=\"https://img.example/a.png\" alt=a><figcaption>cap</figcaption></figure>";

        Document out = Jsoup.parseBodyFragment(sanitizer.sanitize(html, BASE));

        for (String selector : new String[] {"h3", "strong", "em", "ul > li", "ol[start=3] > li",
                "blockquote[cite=https://src.example/]", "pre > code.language-java", "table thead th[scope=col]",
                "table tbody td[colspan=2]", "figure > img[src=https://img.example/a.png][alt=a]", "figure > figcaption"}) {
            assertThat(out.select(selector)).as(selector).hasSize(1);
        }
    }

    @Test
    void removesClassesOtherThanCodeLanguages() {
        Document out = Jsoup.parseBodyFragment(sanitizer.sanitize(
                "<div class=\"modal-overlay\">x</div><code class=\"hub-header\">y</code>", BASE));

        assertThat(out.select("[class]")).isEmpty();
    }

    @Test
    void movesHeadingsOneLevelDownSoThePageKeepsItsOwnH1() {
        Document out = Jsoup.parseBodyFragment(sanitizer.sanitize("<h1>A</h1><h2>B</h2><h5>C</h5><h6>D</h6>", BASE));

        assertThat(out.select("h1")).isEmpty();
        assertThat(out.select("h2, h3, h6").eachText()).containsExactly("A", "B", "C", "D");
    }

    @Test
    void balancesMarkupSoAnEntryCannotCloseThePage() {
        String out = sanitizer.sanitize("<div><p>open <b>bold</div></div></div></main></body><p>tail", BASE);

        Document doc = Jsoup.parseBodyFragment("<main id=hub>" + out + "</main><footer>f</footer>");
        assertThat(doc.selectFirst("main#hub").text()).contains("open bold").contains("tail");
        assertThat(doc.selectFirst("footer").parent().tagName()).isEqualTo("body");
        assertThat(out).doesNotContain("</main>").doesNotContain("</body>");
    }

    @Test
    void imagesOnlyFromHttpAndHttps() {
        Document out = Jsoup.parseBodyFragment(sanitizer.sanitize(
                "<img src=\"ftp://x.example/a.png\"><img src=\"file:///etc/passwd\"><img src=\"http://ok.example/b.png\">",
                BASE));

        assertThat(out.select("img").eachAttr("src")).containsExactly("http://ok.example/b.png");
    }

    @Test
    void cleanReportsTextAndFirstImage() {
        CleanHtml clean = sanitizer.clean("<p>Hello   <b>world</b></p><img src=\"/a.png\"><img src=\"/b.png\">", BASE);

        assertThat(clean.text()).isEqualTo("Hello world");
        assertThat(clean.firstImage()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("https://blog.example/a.png"));
    }

    @Test
    void deeplyNestedHtmlKeepsItsTextQuickly() {
        String deep = "<div>".repeat(80_000) + "<b>deep</b>" + "</div>".repeat(80_000) + "<p>after</p>";

        String out = sanitizer.sanitize(deep, BASE);

        Document doc = Jsoup.parseBodyFragment(out);
        assertThat(doc.text()).isEqualTo("deep after");
        assertThat(doc.select("b")).isEmpty();
    }

    @Test
    void veryLongHtmlIsCutAndStillBalanced() {
        String longHtml = "<p>" + "word ".repeat(Sanitizer.MAX_HTML_CHARS / 4) + "</p><p>end</p>";

        Document doc = Jsoup.parseBodyFragment(sanitizer.sanitize(longHtml, BASE));

        assertThat(doc.select("p")).hasSize(1);
        assertThat(doc.text()).doesNotContain("end").startsWith("word word");
    }

    @Test
    void plainTextStripsTagsDecodesEntitiesAndCollapsesWhitespace() {
        assertThat(sanitizer.plainText("  <b>Maths</b> &amp; <i>oracy</i>\n\t&lt;3 <script>alert(1)</script>"))
                .isEqualTo("Maths & oracy <3");
    }

    @Test
    void plainTextRemovesControlCharactersAndBidiOverrides() {
        assertThat(sanitizer.plainText("Ann\u0000\u0007 Teacher\u202Efdp.exe\u0085")).isEqualTo("Ann Teacherfdp.exe");
    }

    @Test
    void plainTextKeepsLessThanInOrdinaryText() {
        assertThat(sanitizer.plainText("a < b and c > d")).isEqualTo("a < b and c > d");
    }

    @Test
    void worksTheSameInATurkishLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr", "TR"));
            Document out = Jsoup.parseBodyFragment(Sanitizer.create().sanitize(
                    "<A HREF=\"JAVASCRIPT:alert(1)\">x</A><IMG SRC=\"HTTPS://I.EXAMPLE/A.PNG\"><LI>i</LI>", BASE));

            assertThat(out.selectFirst("a").hasAttr("href")).isFalse();
            assertThat(out.select("img").eachAttr("src")).containsExactly("https://I.EXAMPLE/A.PNG");
            assertThat(out.select("li")).hasSize(1);
        } finally {
            Locale.setDefault(saved);
        }
    }
}
