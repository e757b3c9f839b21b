package org.lateral.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Fuzzing the sanitiser (issue 11): HTML built from dangerous pieces (script, style, frames,
 * objects, forms, SVG, event handlers, {@code javascript:}/{@code data:} addresses written every
 * way browsers accept, broken nesting) must come out inert, checked structurally with jsoup.
 */
public class SanitizerFuzzTest {

    private static final List<String> TAGS = List.of("script", "style", "iframe", "object", "embed", "form", "input",
            "svg", "math", "a", "img", "p", "div", "span", "table", "td", "h1", "base", "meta", "link", "template",
            "noscript", "textarea", "select", "video", "audio", "source", "button", "details", "summary", "code",
            "blockquote", "frameset", "xmp", "plaintext", "noembed", "title");
    private static final List<String> ATTRS = List.of("onclick", "onerror", "onload", "ONMOUSEOVER", "style", "href",
            "src", "srcset", "srcdoc", "formaction", "action", "xlink:href", "data", "background", "poster", "cite",
            "class", "id", "alt", "title", "lowsrc", "dynsrc");
    private static final List<String> VALUES = List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)",
            " javascript:alert(1)", "java\tscript:alert(1)", "java&#x09;script:alert(1)", "&#106;avascript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "data:image/svg+xml,<svg onload=alert(1)>", "vbscript:x",
            "//evil.example/x", "https://ok.example/a.png", "/relative", "expression(alert(1))", "x\" onerror=\"alert(1)",
            "mailto:a@b.example", "file:///etc/passwd", "http://127.0.0.1/x", "http://169.254.169.254/");

    private final Sanitizer sanitizer = Sanitizer.create();

    @Property(seed = "20261202")
    void sanitisedHtmlHasNoActiveContent(@ForAll("hostileHtml") String html) {
        assertInert(sanitizer.sanitize(html, "https://blog.example/post/"));
    }

    @Property(seed = "20261202")
    void sanitisingTwiceChangesNothingMore(@ForAll("hostileHtml") String html) {
        String once = sanitizer.sanitize(html, "https://blog.example/post/");
        assertInert(sanitizer.sanitize(once, "https://blog.example/post/"));
    }

    @Provide
    Arbitrary<String> hostileHtml() {
        Arbitrary<String> attr = net.jqwik.api.Combinators.combine(Arbitraries.of(ATTRS), Arbitraries.of(VALUES),
                Arbitraries.of("\"", "'", "")).as((k, v, q) -> " " + k + "=" + q + v + q);
        Arbitrary<String> open = net.jqwik.api.Combinators.combine(Arbitraries.of(TAGS), attr.list().ofMaxSize(3))
                .as((t, as) -> "<" + t + String.join("", as) + ">");
        Arbitrary<String> close = Arbitraries.of(TAGS).map(t -> "</" + t + ">");
        Arbitrary<String> text = Arbitraries.strings().withChars("ab <>&\"'=/\u202E\u0000").ofMaxLength(8);
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, open), net.jqwik.api.Tuple.of(3, close), net.jqwik.api.Tuple.of(3, text),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>",
                        "<svg><script>alert(1)</script></svg>", "<math><mi xlink:href=javascript:x>")));
        return piece.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    /** No element, attribute or address that can run or load active content. */
    public static void assertInert(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.body().select("script, style, iframe, frame, frameset, object, embed, applet, form, input,"
                + " button, textarea, select, base, meta, link, svg, math, template, noscript")).as(html).isEmpty();
        for (Element el : doc.body().getAllElements()) {
            el.attributes().forEach(a -> {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                assertThat(key).as(html).doesNotStartWith("on").isNotIn("style", "srcdoc", "formaction", "action",
                        "xlink:href", "srcset", "background", "lowsrc", "dynsrc");
                if (key.equals("href") || key.equals("src") || key.equals("cite")) {
                    String v = a.getValue().strip().toLowerCase(Locale.ROOT);
                    assertThat(v).as(html).doesNotStartWith("javascript:").doesNotStartWith("data:")
                            .doesNotStartWith("vbscript:");
                    assertThat(v.startsWith("http://") || v.startsWith("https://")
                            || key.equals("href") && v.startsWith("mailto:")).as(html + " → " + v).isTrue();
                }
            });
        }
    }
}
