package org.lateral.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.lateral.importer.convert.HtmlToMarkdown;
import org.lateral.markdown.MarkdownRenderer;
import org.lateral.safety.Sanitizer;

/**
 * A post's body from the old blog's HTML to clean Markdown, in steps: Gutenberg block comments
 * removed; classic-editor text (no {@code <p>}) given paragraphs as WordPress's {@code wpautop} does;
 * {@code [caption]} → a figure with its caption, {@code [gallery]} → its pictures, {@code [embed]},
 * {@code [youtube]}, {@code [vimeo]} and video iframes → the video's address alone on a line (a plain
 * link, or the embed of the theme); other shortcodes kept as text and reported; then the one
 * {@link Sanitizer} (imported HTML is untrusted), then {@link HtmlToMarkdown}, with figures and tables
 * that Markdown cannot say kept as HTML blocks. The Markdown is rendered back and its visible words
 * compared with the HTML's: a body that lost words is kept as (sanitised) HTML instead, and says so.
 */
final class Bodies {

    /** Lost more than this share of its words: kept as HTML. */
    static final double LOSS_LIMIT = 0.02;

    private static final Pattern GUTENBERG = Pattern.compile("<!--\\s*/?wp:[\\s\\S]*?-->");
    private static final Pattern CAPTION = Pattern.compile("\\[caption([^\\]]*)\\]([\\s\\S]*?)\\[/caption\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GALLERY = Pattern.compile("\\[gallery([^\\]]*)\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMBED = Pattern.compile("\\[embed[^\\]]*\\]\\s*([^\\[\\s]+)\\s*\\[/embed\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VIDEO_SHORTCODE = Pattern.compile("\\[(?:youtube|vimeo)[ =]\\s*([^\\]\\s]+)[^\\]]*\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORTCODE = Pattern.compile("\\[(/?)([a-zA-Z][a-zA-Z0-9_-]+)((?:\\s+[^\\]]*)?)\\]");
    private static final Pattern IDS = Pattern.compile("ids\\s*=\\s*[\"']?([0-9,\\s]+)");
    private static final Pattern BLOCK_START = Pattern.compile(
            "^\\s*<(?:h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th|blockquote|pre|div|figure|hr|p|dl|dd|dt|section|address|iframe)[\\s>/]",
            Pattern.CASE_INSENSITIVE);
    private static final String BLOCKS =
            "(?:h[1-6]|ul|ol|li|table|thead|tbody|tfoot|tr|td|th|caption|blockquote|pre|div|figure|figcaption|hr|p|dl|dd|dt|section|address|iframe)";
    private static final Pattern BLOCK_OPEN = Pattern.compile("(<" + BLOCKS + "[\\s/>])", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_CLOSE = Pattern.compile("(</" + BLOCKS + ">)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRE = Pattern.compile("(?is)<pre[\\s>].*?</pre>");
    private static final Pattern HAS_PARAGRAPHS = Pattern.compile("<p[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern YOUTUBE_EMBED = Pattern.compile("(?:youtube(?:-nocookie)?\\.com/embed/|youtu\\.be/)([A-Za-z0-9_-]{6,})");
    private static final Pattern VIMEO_EMBED = Pattern.compile("player\\.vimeo\\.com/video/(\\d+)");
    private static final String BLOCK = "LATERALHTMLBLOCK";
    private static final String BREAK = "LATERALLINEBREAK";

    private final Sanitizer sanitizer;
    private final HtmlToMarkdown converter = new HtmlToMarkdown();
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    Bodies(Sanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /** The body made safe, before its media are fetched; {@code shortcodes} are those kept as text. */
    record Prepared(Document html, Set<String> shortcodes, Map<String, String> originals) {

        /** Puts back the old address of every picture and attachment not given a local file. */
        void restore() {
            for (Element e : html.select("img[src^=" + PLACEHOLDER + "], a[href^=" + PLACEHOLDER + "]")) {
                String attr = e.tagName().equals("img") ? "src" : "href";
                e.attr(attr, originals.getOrDefault(e.attr(attr), ""));
            }
        }
    }

    /**
     * Pictures and attachments wait under a placeholder address during sanitising: the sanitiser would
     * drop a picture from an address it cannot judge (a school's own server on the network it is
     * allowed to fetch from), and the media step replaces them with local files anyway.
     */
    static final String PLACEHOLDER = "https://media.lateral-import.example/";
    private static final Set<String> MEDIA_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "webp", "svg", "pdf",
            "doc", "docx", "ppt", "pptx", "xls", "xlsx", "odt", "odp", "ods", "mp3", "m4a", "mp4", "mov", "zip", "txt");

    /** The body as written to the file. */
    record Converted(String body, boolean keptAsHtml) {
    }

    Prepared prepare(String raw, String base, Map<String, String> attachments, List<String> children) {
        return prepare(raw, base, attachments, children, Map.of());
    }

    /** @param attachmentPages the old blog's attachment pages → their files ({@link Export#pageKey}) */
    Prepared prepare(String raw, String base, Map<String, String> attachments, List<String> children,
            Map<String, String> attachmentPages) {
        String html = GUTENBERG.matcher(raw).replaceAll("");
        boolean gutenberg = !html.equals(raw);
        if (!gutenberg && !HAS_PARAGRAPHS.matcher(html).find()) {
            html = autop(html); // before shortcodes, as WordPress does
        }
        html = CAPTION.matcher(html).replaceAll(m -> Matcher.quoteReplacement(caption(m.group(2))));
        html = GALLERY.matcher(html).replaceAll(m -> Matcher.quoteReplacement(gallery(m.group(1), attachments, children)));
        html = EMBED.matcher(html).replaceAll(m -> Matcher.quoteReplacement("\n\n<p>" + m.group(1) + "</p>\n\n"));
        html = VIDEO_SHORTCODE.matcher(html).replaceAll(m -> Matcher.quoteReplacement("\n\n<p>" + m.group(1) + "</p>\n\n"));
        Set<String> kept = new LinkedHashSet<>();
        Matcher sc = SHORTCODE.matcher(html);
        Set<String> closing = new java.util.HashSet<>();
        while (sc.find()) {
            if (!sc.group(1).isEmpty()) {
                closing.add(sc.group(2).toLowerCase(Locale.ROOT));
            }
        }
        sc.reset();
        while (sc.find()) {
            String name = sc.group(2).toLowerCase(Locale.ROOT);
            if (sc.group(1).isEmpty() && (sc.group(3).contains("=") || closing.contains(name))) {
                kept.add(name);
            }
        }
        Document dirty = Jsoup.parseBodyFragment(html, base);
        for (Element frame : dirty.select("iframe[src]")) {
            String src = frame.attr("abs:src");
            Optional<String> video = videoAddress(src);
            if (video.isPresent()) {
                Element p = new Element("p").text(video.get());
                (frame.parent() != null && frame.parent().childNodeSize() == 1 && frame.parent().tagName().equals("p")
                        ? frame.parent() : frame).replaceWith(p);
            }
        }
        Map<String, String> originals = new LinkedHashMap<>();
        for (Element img : dirty.select("img[src]")) {
            String abs = img.absUrl("src");
            img.removeAttr("srcset");
            if (!abs.isEmpty()) {
                String ph = PLACEHOLDER + originals.size();
                originals.put(ph, abs);
                img.attr("src", ph);
            }
        }
        for (Element a : dirty.select("a[href]")) {
            String abs = a.absUrl("href");
            String file = abs.isEmpty() ? null : attachmentPages.get(Export.pageKey(abs));
            if (file != null) { // a link to a picture's own page on the old blog: to the picture
                abs = file;
            }
            if (!abs.isEmpty() && isMedia(abs)) {
                String ph = PLACEHOLDER + originals.size();
                originals.put(ph, abs);
                a.attr("href", ph);
            }
        }
        for (Element dl : dirty.select("dl.wp-caption")) { // an old theme's picture with its caption
            Element figure = new Element("figure");
            for (Element dt : dl.select("dt")) {
                figure.appendChildren(new ArrayList<>(dt.childNodes()));
            }
            String caption = dl.select("dd").text();
            if (!caption.isBlank()) {
                figure.appendElement("figcaption").text(caption);
            }
            if (figure.select("img").isEmpty() && caption.isBlank()) {
                dl.remove();
            } else {
                dl.replaceWith(figure);
            }
        }
        for (Element figure : dirty.select("figure")) {
            if (figure.select("img, table, figcaption, video, audio").isEmpty()) {
                figure.select("div").unwrap();
                figure.unwrap();
            }
        }
        String clean = sanitizer.sanitize(dirty.body().html(), base);
        Document doc = Jsoup.parseBodyFragment(clean, base);
        doc.outputSettings().prettyPrint(false);
        for (Element a : doc.select("a[rel]")) {
            a.removeAttr("rel");
        }
        for (Element img : doc.select("img[loading]")) {
            img.removeAttr("loading");
        }
        for (Element p : doc.select("p")) {
            if (p.children().isEmpty() && p.text().isBlank()) {
                p.remove();
            }
        }
        return new Prepared(doc, kept, originals);
    }

    /** Markdown, or the HTML when the Markdown would lose words; {@code doc} is used up. */
    Converted convert(Document doc) {
        String html = doc.body().html();
        if (html.isBlank()) {
            return new Converted("", false);
        }
        Document work = doc; // converted once: its blocks are replaced in place
        List<String> blocks = new ArrayList<>();
        for (Element e : work.body().select("figure, table, details, dl")) {
            if (e.parents().stream().anyMatch(p -> p.tagName().equals("figure") || p.tagName().equals("table")
                    || p.tagName().equals("details") || p.tagName().equals("dl"))) {
                continue;
            }
            if (e.tagName().equals("table") && e.select("[colspan], [rowspan], table table, caption").isEmpty()
                    && e.select("td p, td ul, td ol, th p").isEmpty()) {
                continue; // a plain table: GFM says it
            }
            blocks.add(oneBlock(e.outerHtml()));
            e.replaceWith(new Element("p").text(BLOCK + (blocks.size() - 1)));
        }
        for (Element br : work.body().select("br")) {
            if (br.parents().stream().noneMatch(p -> p.tagName().equals("table"))) {
                br.replaceWith(new org.jsoup.nodes.TextNode(BREAK));
            }
        }
        String md = converter.convert(work.body().html());
        // a line break as CommonMark's backslash, never at the start or end of a paragraph
        md = md.replaceAll("(?:" + BREAK + "\\s*)+(?=\n[ \\t]*\n|\\s*\\z)", "")
                .replaceAll("(?m)^([ \\t]*)(?:" + BREAK + "\\s*)+", "$1")
                .replaceAll("(?:" + BREAK + ")+[ \\t]*\n?[ \\t]*", Matcher.quoteReplacement("\\\n"));
        for (int i = blocks.size() - 1; i >= 0; i--) {
            md = md.replace(BLOCK + i, blocks.get(i));
        }
        md = md.replaceAll("\n{3,}", "\n\n");
        String rendered = markdown.render(md, false).html();
        if (lost(Jsoup.parseBodyFragment(html).text(), Jsoup.parseBodyFragment(rendered).text()) > LOSS_LIMIT) {
            return new Converted("<div>\n" + oneBlock(html) + "\n</div>\n", true);
        }
        return new Converted(md, false);
    }

    /** HTML that stays one Markdown HTML block: no blank line inside (a newline in {@code pre} kept as an entity). */
    static String oneBlock(String html) {
        return html.strip().replaceAll("\n[ \t]*(?=\n)", "\n&#10;");
    }

    /** The share of the original's words that the converted text does not have. */
    static double lost(String original, String converted) {
        Map<String, Integer> have = new HashMap<>();
        for (String w : words(converted)) {
            have.merge(w, 1, Integer::sum);
        }
        List<String> want = words(original);
        if (want.isEmpty()) {
            return 0;
        }
        int missing = 0;
        for (String w : want) {
            Integer n = have.get(w);
            if (n == null || n == 0) {
                missing++;
            } else {
                have.put(w, n - 1);
            }
        }
        return missing / (double) want.size();
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String caption(String inner) {
        Document d = Jsoup.parseBodyFragment(inner);
        Element img = d.selectFirst("img");
        if (img == null) {
            return inner;
        }
        Element picture = img.parent() != null && img.parent().tagName().equals("a") ? img.parent() : img;
        String media = picture.outerHtml();
        picture.remove();
        String text = d.body().html().strip();
        return "\n\n<figure>" + media + (text.isEmpty() ? "" : "<figcaption>" + text + "</figcaption>") + "</figure>\n\n";
    }

    private static String gallery(String attributes, Map<String, String> attachments, List<String> children) {
        List<String> urls = new ArrayList<>();
        Matcher ids = IDS.matcher(attributes);
        if (ids.find()) {
            for (String id : ids.group(1).split(",")) {
                String u = attachments.get(id.strip());
                if (u != null) {
                    urls.add(u);
                }
            }
        } else {
            urls.addAll(children);
        }
        StringBuilder b = new StringBuilder("\n\n");
        for (String u : urls) {
            b.append("<p><img src=\"").append(u.replace("\"", "%22")).append("\" alt=\"\"></p>\n\n");
        }
        return b.toString();
    }

    /**
     * Classic-editor text: blank lines part paragraphs, single newlines are line breaks, as
     * WordPress's {@code wpautop} does: block elements (lists, tables, quotes…) stand apart from
     * the paragraphs around them and get no line breaks between their parts, and what is inside
     * {@code <pre>} is left as written.
     */
    static String autop(String html) {
        List<String> pres = new ArrayList<>();
        String text = PRE.matcher(html.replace("\r\n", "\n")).replaceAll(m -> {
            pres.add(m.group());
            return Matcher.quoteReplacement("<pre " + BLOCK + "PRE" + (pres.size() - 1) + "></pre>");
        });
        text = BLOCK_OPEN.matcher(text).replaceAll("\n\n$1");
        text = BLOCK_CLOSE.matcher(text).replaceAll("$1\n\n");
        StringBuilder b = new StringBuilder();
        for (String chunk : text.split("\n\\s*\n")) {
            String c = chunk.strip();
            if (c.isEmpty()) {
                continue;
            }
            if (BLOCK_START.matcher(c).find() || c.startsWith("</")) {
                b.append(c).append("\n");
            } else {
                b.append("<p>").append(c.replace("\n", "<br>")).append("</p>\n\n");
            }
        }
        String out = b.toString();
        for (int i = 0; i < pres.size(); i++) {
            out = out.replace("<pre " + BLOCK + "PRE" + i + "></pre>", pres.get(i));
        }
        return out;
    }

    static boolean isMedia(String href) {
        String path = href.replaceFirst("[?#].*$", "");
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') && MEDIA_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** A video player's address → the video's own page ({@code https://www.youtube.com/watch?v=…}). */
    static Optional<String> videoAddress(String src) {
        Matcher y = YOUTUBE_EMBED.matcher(src);
        if (y.find()) {
            return Optional.of("https://www.youtube.com/watch?v=" + y.group(1));
        }
        Matcher v = VIMEO_EMBED.matcher(src);
        if (v.find()) {
            return Optional.of("https://vimeo.com/" + v.group(1));
        }
        return Optional.empty();
    }
}
