package org.lateral.safety;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.lateral.internal.LinkAttributes;

/**
 * Turns untrusted HTML (a member's post, an imported page) into HTML that is safe to publish
 * inside a Lateral page, and untrusted titles, names and categories into plain text.
 *
 * <p>What comes out of {@link #sanitize}: only the elements of ordinary writing (paragraphs,
 * emphasis, links, lists, quotations, code, tables, figures, images, headings); no script, style,
 * frames, objects, embeds, forms, {@code base}, {@code meta}, {@code link}, SVG or MathML (these
 * are removed with everything inside them); no event handlers, {@code style}, {@code srcdoc},
 * {@code id} or {@code class} attributes (except {@code class="language-…"} on code); link and
 * image addresses absolute, resolved against the post's address, and http(s) only (mail links
 * too for {@code a}); every link gets {@code rel="nofollow noopener ugc"}; headings move one
 * level down ({@code h1} becomes {@code h2}) so the page keeps its own single {@code h1}. The
 * result is a balanced fragment: a hostile post cannot close the page's own elements.
 * Markup nested more than {@value #MAX_DEPTH} levels deep keeps only its text, and HTML longer
 * than {@value #MAX_HTML_CHARS} characters is cut, so a hostile post costs bounded time.
 *
 * <pre>{@code
 * Sanitizer sanitizer = Sanitizer.create();
 * String safe = sanitizer.sanitize("<p onclick=x()>Hi <a href=/a>there</a><script>x()</script>",
 *         "https://blog.example/post/");
 * // <p>Hi <a href="https://blog.example/a" rel="nofollow noopener ugc">there</a></p>
 * }</pre>
 *
 * <p>Build one per run with {@link #create()}; it is immutable and safe to share between threads.
 */
public final class Sanitizer {

    /** Elements removed together with everything inside them, before the safelist is applied. */
    private static final Set<String> DROP_WITH_CONTENT = Set.of(
            "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param",
            "form", "input", "button", "select", "option", "textarea", "base", "meta", "link",
            "svg", "math", "template", "noscript", "noembed", "noframes", "title", "head",
            "audio", "video", "source", "track", "canvas", "portal", "dialog");

    /** Elements whose content is never visible text (kept out of {@link #plainText}). */
    private static final Set<String> INVISIBLE = Set.of("script", "style", "template", "noscript", "noembed",
            "noframes");

    /** Elements deeper than this keep only their text (jsoup's cleaner slows down with depth). */
    static final int MAX_DEPTH = 128;
    /** Longer HTML is cut here before parsing (the parser balances what is left). */
    static final int MAX_HTML_CHARS = 1024 * 1024;

    private static final Pattern CODE_CLASS = Pattern.compile("language-[A-Za-z0-9+#_\\-]{1,40}");
    private static final String LINK_REL = "nofollow noopener ugc";

    /**
     * The version of the rules below: raise it whenever the safelist or what {@link #clean} does
     * changes, so sanitised HTML kept by an older Lateral (the hub's cache of read feeds) is
     * sanitised again instead of trusted. {@link #version()} adds a fingerprint of the output for a
     * fixed probe, which also changes when a new jsoup writes HTML differently.
     */
    private static final int RULES = 1;
    private static final String PROBE = "<h1 onclick=\"x()\">T &amp; t</h1><p style=\"x\" lang=\"cy\">a&nbsp;b "
            + "<a href=\"/r?a=1&b=2\" target=\"_blank\">l</a> <img src=\"i.png\" alt=\"i\"><script>x()</script>"
            + "<code class=\"language-java\">c &lt; d</code><iframe src=\"f\"></iframe><table><tr><td>c</table>"
            + "<q cite=\"javascript:x\">q</q></p>";
    private static volatile String version;

    private final Cleaner cleaner;

    private Sanitizer(Safelist safelist) {
        this.cleaner = new Cleaner(safelist);
    }

    /** The sanitizer with Lateral's one safelist. */
    public static Sanitizer create() {
        return new Sanitizer(hubSafelist());
    }

    /**
     * The safelist, built fresh here and handed only to the {@link Cleaner}; nothing else ever
     * sees or changes it.
     */
    private static Safelist hubSafelist() {
        return new Safelist()
                .addTags("a", "abbr", "b", "bdi", "blockquote", "br", "caption", "cite", "code", "col",
                        "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
                        "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
                        "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
                        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u",
                        "ul", "var", "wbr")
                .addAttributes(":all", "lang", "dir") // a Welsh quotation in an English post stays Welsh
                .addAttributes("a", "href", "title", "hreflang")
                .addAttributes("abbr", "title")
                .addAttributes("dfn", "title")
                .addAttributes("blockquote", "cite")
                .addAttributes("q", "cite")
                .addAttributes("del", "cite", "datetime")
                .addAttributes("ins", "cite", "datetime")
                .addAttributes("time", "datetime")
                .addAttributes("img", "src", "alt", "title", "width", "height")
                .addAttributes("ol", "start", "reversed", "type")
                .addAttributes("ul", "type")
                .addAttributes("li", "value")
                .addAttributes("td", "colspan", "rowspan", "headers")
                .addAttributes("th", "colspan", "rowspan", "scope", "abbr", "headers")
                .addAttributes("col", "span")
                .addAttributes("colgroup", "span")
                .addAttributes("code", "class")
                .addAttributes("details", "open")
                .addProtocols("a", "href", "http", "https", "mailto")
                .addProtocols("img", "src", "http", "https")
                .addProtocols("blockquote", "cite", "http", "https")
                .addProtocols("q", "cite", "http", "https")
                .addProtocols("del", "cite", "http", "https")
                .addProtocols("ins", "cite", "http", "https")
                .addEnforcedAttribute("a", "rel", LINK_REL)
                .addEnforcedAttribute("img", "loading", "lazy")
                .preserveRelativeLinks(false);
    }

    /**
     * Names the sanitiser's rules and output: two runs with the same version turn the same HTML
     * into the same safe HTML. Kept with anything stored in sanitised form, and compared before
     * that is reused.
     */
    public static String version() {
        String v = version;
        if (v == null) {
            String probe = create().sanitize(PROBE, "https://probe.example/post/");
            try {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(probe.getBytes(StandardCharsets.UTF_8));
                v = "sanitizer-" + RULES + "-" + java.util.HexFormat.of().formatHex(hash, 0, 8);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
            version = v;
        }
        return v;
    }

    /**
     * Safe HTML from untrusted HTML.
     *
     * @param html    untrusted HTML; may be empty
     * @param baseUri the address relative links are read against (the post's or the feed's
     *                address); when it is not an http(s) address, relative links are dropped
     */
    public String sanitize(String html, String baseUri) {
        return clean(html, baseUri).html();
    }

    /** Like {@link #sanitize}, also returning the visible text and the first image. */
    public CleanHtml clean(String html, String baseUri) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(baseUri, "baseUri");
        if (html.isBlank()) {
            return CleanHtml.EMPTY;
        }
        String base = UrlPolicy.parseWeb(baseUri).map(URI::toString).orElse("");
        Document dirty = Jsoup.parseBodyFragment(limitLength(html), base);
        prepare(dirty.body());
        Document clean = cleaner.clean(dirty);
        Optional<URI> firstImage = finish(clean.body());
        clean.outputSettings()
                .prettyPrint(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base);
        String out = clean.body().html().trim();
        return new CleanHtml(out, normalizeText(clean.body().text()), firstImage);
    }

    /**
     * Plain text from a string that may hold HTML (an RSS title, an author's name, a category):
     * tags removed (with the content of script and style), entities decoded, whitespace collapsed,
     * control characters and bidirectional overrides removed.
     */
    public String plainText(String maybeHtml) {
        Objects.requireNonNull(maybeHtml, "maybeHtml");
        if (maybeHtml.indexOf('<') < 0 && maybeHtml.indexOf('&') < 0) {
            return normalizeText(maybeHtml);
        }
        Document doc = Jsoup.parseBodyFragment(limitLength(maybeHtml));
        NodeTraversor.filter(new Visitor() {
            @Override
            public FilterResult head(Node node, int depth) {
                return node instanceof Element && INVISIBLE.contains(((Element) node).normalName())
                        ? FilterResult.REMOVE : FilterResult.CONTINUE;
            }
        }, doc.body());
        return normalizeText(doc.body().text());
    }

    /**
     * Text that is already plain (an Atom {@code type="text"} title): whitespace collapsed,
     * control characters and bidirectional overrides removed, nothing decoded.
     */
    public static String normalizeText(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (isInvisibleHazard(cp)) {
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** Control characters, lone surrogates, non-characters and the bidi embedding/override marks. */
    private static boolean isInvisibleHazard(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.SURROGATE
                || type == Character.UNASSIGNED && (cp & 0xFFFE) == 0xFFFE
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0xFEFF;
    }

    private static String limitLength(String html) {
        if (html.length() <= MAX_HTML_CHARS) {
            return html;
        }
        int cut = MAX_HTML_CHARS;
        if (Character.isLowSurrogate(html.charAt(cut))) {
            cut--;
        }
        return html.substring(0, cut);
    }

    /** A node filter that only looks at nodes on the way down. */
    private abstract static class Visitor implements NodeFilter {
        @Override
        public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
        }
    }

    /**
     * Before the safelist, in one pass without recursion: removes dangerous elements with their
     * content, moves headings one level down, and replaces what is nested deeper than
     * {@link #MAX_DEPTH} by its text.
     */
    private static void prepare(Element body) {
        List<Element> tooDeep = new ArrayList<>();
        NodeTraversor.filter(new Visitor() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element)) {
                    return FilterResult.CONTINUE;
                }
                Element element = (Element) node;
                String name = element.normalName();
                if (DROP_WITH_CONTENT.contains(name)) {
                    return FilterResult.REMOVE;
                }
                if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '5') {
                    element.tagName("h" + (char) (name.charAt(1) + 1));
                }
                if (depth >= MAX_DEPTH && element.childrenSize() > 0) {
                    tooDeep.add(element);
                    return FilterResult.SKIP_CHILDREN;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        for (Element element : tooDeep) {
            String text = element.text();
            element.empty();
            element.appendText(text);
        }
    }

    /**
     * After the safelist, belt and braces in one pass: every remaining address must pass
     * {@link UrlPolicy} (images without one go), links get their {@code rel}, code keeps only a
     * {@code language-…} class. Returns the first image.
     */
    private static Optional<URI> finish(Element body) {
        URI[] firstImage = new URI[1];
        NodeTraversor.filter(new Visitor() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    if (hasBidiControl(text.getWholeText())) {
                        text.text(stripBidiControls(text.getWholeText()));
                    }
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element)) {
                    return FilterResult.CONTINUE;
                }
                Element element = (Element) node;
                for (org.jsoup.nodes.Attribute a : element.attributes().asList()) {
                    if (hasBidiControl(a.getValue())) {
                        element.attr(a.getKey(), stripBidiControls(a.getValue()));
                    }
                }
                for (String attr : LinkAttributes.ATTRIBUTES) {
                    if (element.hasAttr(attr) && !allowedEvery(attr, element.attr(attr))) {
                        element.removeAttr(attr);
                    }
                }
                switch (element.normalName()) {
                    case "img":
                        if (!element.hasAttr("src") || isInternal(element.attr("src"))) {
                            return FilterResult.REMOVE; // no address, or a picture from an internal host
                        }
                        if (firstImage[0] == null) {
                            firstImage[0] = UrlPolicy.parseWeb(element.attr("src")).orElse(null);
                        }
                        if (!element.hasAttr("alt")) {
                            element.attr("alt", ""); // valid HTML: an image the feed did not describe
                        }
                        break;
                    case "a":
                        if (element.hasAttr("href")) {
                            element.attr("rel", LINK_REL);
                        } else {
                            // its address was refused: an inert placeholder link, valid HTML without rel
                            element.removeAttr("rel");
                            element.removeAttr("hreflang");
                        }
                        break;
                    case "code":
                        if (element.hasAttr("class") && !CODE_CLASS.matcher(element.attr("class")).matches()) {
                            element.removeAttr("class");
                        }
                        break;
                    default:
                        break;
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        return Optional.ofNullable(firstImage[0]);
    }

    /** Whether every address in the value is allowed (a {@code srcset} holds several). */
    private static boolean allowedEvery(String attr, String value) {
        boolean[] ok = {true};
        LinkAttributes.value(attr, value, address -> {
            ok[0] &= allowed(attr, address);
            return address;
        });
        return ok[0];
    }

    /** True for a picture address whose host is certainly not on the public internet. */
    private static boolean isInternal(String src) {
        return UrlPolicy.parseWeb(src).map(u -> AddressPolicy.publicOnly().isCertainlyInternal(u.getHost()))
                .orElse(true);
    }

    private static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    private static boolean hasBidiControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isBidiControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Removes the bidirectional embedding, override and isolate controls (U+202A–202E, U+2066–2069). */
    public static String stripBidiControls(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isBidiControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean allowed(String attr, String value) {
        if (attr.equals("href") && UrlPolicy.schemeOf(value).filter("mailto"::equals).isPresent()) {
            return true;
        }
        return UrlPolicy.parseWeb(value).isPresent();
    }
}
