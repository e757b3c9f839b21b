package org.lateral.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Videos and downloads written as a link alone on its line.
 *
 * <ul>
 * <li>A YouTube, Vimeo or PeerTube address ({@link Video#of}) alone in its paragraph, bare or as
 * {@code [title](address)}, or a fenced block {@code ```video} with {@code url:}, {@code title:},
 * {@code start:} and {@code thumbnail:} lines, becomes a {@link VideoBlock}: rendered as a
 * click-to-load placeholder (nothing from the video site is in the page: the theme's
 * {@code js/lateral-embeds.js} puts the player in when the reader presses the button) and a plain
 * link to the video, which is all a summary, a feed or a reader without scripts gets.</li>
 * <li>A link to a slide deck or PDF beside the post ({@code [Slides](slides.pdf)}: a relative
 * address ending in {@code .pdf}, {@code .pptx}, {@code .ppt}, {@code .odp} or {@code .key}) alone
 * in its paragraph becomes a {@link DownloadBlock}: a download card with its type; its size is
 * filled in by {@link #withSizes} once the files beside the post are known.</li>
 * </ul>
 */
public final class Embeds implements PostProcessor {

    /** The class of a video's placeholder ({@code <figure class="lateral-video">}); templates look for it. */
    public static final String VIDEO_CLASS = "lateral-video";
    /** The comment a download card's size replaces: {@code <!--lateral-size:slides.pdf-->}. */
    static final String SIZE_MARK = "<!--lateral-size:";

    static final Set<String> VIDEO_KEYS = Set.of("url", "title", "start", "thumbnail");

    /** Types of download, by the file's extension: {name shown, media type}. */
    static final Map<String, String[]> DOWNLOADS = Map.of(
            "pdf", new String[] {"PDF", "application/pdf"},
            "pptx", new String[] {"PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
            "ppt", new String[] {"PowerPoint", "application/vnd.ms-powerpoint"},
            "odp", new String[] {"OpenDocument presentation", "application/vnd.oasis.opendocument.presentation"},
            "key", new String[] {"Keynote", "application/vnd.apple.keynote"});

    /** A video to show; {@code problem} is set when a {@code ```video} block was written wrongly. */
    public static final class VideoBlock extends CustomBlock {
        final Video video;
        final Optional<String> title;
        final Optional<String> thumbnail;
        final String problem;
        final String fix;
        final String written;

        VideoBlock(Video video, Optional<String> title, Optional<String> thumbnail, String problem, String fix,
                String written) {
            this.video = video;
            this.title = title;
            this.thumbnail = thumbnail;
            this.problem = problem;
            this.fix = fix;
            this.written = written;
        }

        /** What the button says it plays: the title, else "Video on YouTube". */
        String label() {
            return title.orElse("Video on " + video.siteName());
        }

        /** The plain link's words: the title, else the address as the post wrote it. */
        String linkText() {
            return title.orElse(written);
        }
    }

    /** A file to download ({@code slides.pdf}), with its link text and type. */
    public static final class DownloadBlock extends CustomBlock {
        final String href;
        final String file;
        final String text;
        final String[] type;

        DownloadBlock(String href, String file, String text, String[] type) {
            this.href = href;
            this.file = file;
            this.text = text;
            this.type = type;
        }
    }

    @Override
    public Node process(Node document) {
        List<Node[]> swaps = new ArrayList<>();
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            Node block = n instanceof Paragraph p ? fromParagraph(p) : n instanceof FencedCodeBlock f ? fromFence(f) : null;
            if (block != null) {
                swaps.add(new Node[] {n, block});
            }
        }
        for (Node[] s : swaps) {
            s[1].setSourceSpans(s[0].getSourceSpans());
            s[0].insertBefore(s[1]);
            s[0].unlink();
        }
        return document;
    }

    private static Node fromParagraph(Paragraph p) {
        Link link = null;
        for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Link l && link == null) {
                link = l;
            } else if (!(c instanceof SoftLineBreak || c instanceof HardLineBreak
                    || c instanceof Text t && t.getLiteral().isBlank())) {
                return null;
            }
        }
        if (link == null) {
            return null;
        }
        String href = link.getDestination();
        String text = PlainText.of(link).strip();
        Optional<Video> video = Video.of(href);
        if (video.isPresent()) {
            Optional<String> title = text.isEmpty() || text.equals(href) || href.endsWith(text) ? Optional.empty()
                    : Optional.of(text);
            return new VideoBlock(video.get(), title, Optional.empty(), null, null, href);
        }
        return download(href, text);
    }

    private static DownloadBlock download(String href, String text) {
        if (href.contains(":") || href.startsWith("/") || href.startsWith("#") || href.contains("..")) {
            return null; // only a file beside the post
        }
        String file = href.replaceAll("[?#].*$", "");
        int dot = file.lastIndexOf('.');
        String[] type = dot < 0 ? null : DOWNLOADS.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null || file.endsWith("/")) {
            return null;
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        return new DownloadBlock(href, decode(file), text.isEmpty() ? name : text, type);
    }

    private static String decode(String path) {
        try {
            return java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private static Node fromFence(FencedCodeBlock f) {
        String info = f.getInfo() == null ? "" : f.getInfo().strip();
        if (!info.equals("video")) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : f.getLiteral().split("\n")) {
            String l = line.replaceFirst("\\s+#\\s.*$", "").strip(); // "# a note", as in YAML
            if (l.isEmpty() || l.startsWith("# ")) {
                continue;
            }
            if (l.startsWith("http://") || l.startsWith("https://")) {
                values.put("url", l);
                continue;
            }
            int colon = l.indexOf(':');
            String key = colon < 0 ? l : l.substring(0, colon).strip();
            if (colon < 0 || !VIDEO_KEYS.contains(key)) {
                return failed("the video block has a line \"" + l + "\" it does not understand",
                        "write one setting per line: url:, title:, start: (such as 1:30) or thumbnail: (a picture beside the post)");
            }
            values.put(key, unquote(l.substring(colon + 1).strip()));
        }
        String url = values.get("url");
        if (url == null || url.isEmpty()) {
            return failed("the video block has no address of a video",
                    "add a line url: with the video's YouTube, Vimeo or PeerTube address");
        }
        Optional<Video> video = Video.of(url);
        if (video.isEmpty()) {
            return failed("\"" + url + "\" is not the address of a YouTube, Vimeo or PeerTube video",
                    "copy the address from the video's page (such as https://www.youtube.com/watch?v=… or "
                            + "https://vimeo.com/123456), or make it an ordinary link outside the video block");
        }
        Video v = video.get();
        if (values.containsKey("start")) {
            Optional<Integer> s = Video.seconds(values.get("start"));
            if (s.isEmpty()) {
                return failed("the video's start \"" + values.get("start") + "\" is not a time",
                        "write it as minutes and seconds (start: 1:30) or seconds (start: 90)");
            }
            v = v.startingAt(s.get());
        }
        Optional<String> thumbnail = Optional.ofNullable(values.get("thumbnail")).filter(s -> !s.isEmpty());
        if (thumbnail.isPresent() && (thumbnail.get().contains(":") || thumbnail.get().startsWith("//"))) {
            return failed("the video's thumbnail \"" + thumbnail.get() + "\" is on another site",
                    "put a picture beside the post and write its file name (thumbnail: talk.jpg): a picture "
                            + "from the video site would tell it who reads the page");
        }
        return new VideoBlock(v, Optional.ofNullable(values.get("title")).filter(s -> !s.isEmpty()), thumbnail,
                null, null, url);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static VideoBlock failed(String problem, String fix) {
        return new VideoBlock(null, Optional.empty(), Optional.empty(), problem, fix, "");
    }

    /** Whether a body may have a {@code ```video} block (parsed with lines, for its problems). */
    static boolean mayHaveBlock(String markdown) {
        return markdown.contains("```video") || markdown.contains("~~~video");
    }

    /** The first wrongly written video block: {line within the body (0 when unknown), problem, fix}. */
    static Optional<String[]> problem(Node doc) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof VideoBlock v && v.problem != null) {
                List<SourceSpan> spans = n.getSourceSpans();
                int line = spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
                return Optional.of(new String[] {Integer.toString(line), v.problem, v.fix});
            }
        }
        return Optional.empty();
    }

    /**
     * A download card's size filled in ({@code PDF, 2.3 MB}) from the files beside the post;
     * a file that is not there keeps its card without a size.
     */
    public static String withSizes(String html, java.util.function.Function<String, Optional<Long>> sizeOf) {
        if (!html.contains(SIZE_MARK)) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        int at;
        while ((at = html.indexOf(SIZE_MARK, i)) >= 0) {
            int end = html.indexOf("-->", at);
            if (end < 0) {
                break;
            }
            out.append(html, i, at);
            String file = html.substring(at + SIZE_MARK.length(), end);
            sizeOf.apply(unescape(file)).ifPresent(size -> out.append(", ").append(humanSize(size)));
            i = end + 3;
        }
        out.append(html, i, html.length());
        return out.toString();
    }

    /** The files download cards link to, in order (to tell about one that is not beside the post). */
    public static List<String> downloads(String html) {
        List<String> out = new ArrayList<>();
        for (int at = html.indexOf(SIZE_MARK); at >= 0; at = html.indexOf(SIZE_MARK, at + 1)) {
            int end = html.indexOf("-->", at);
            if (end > 0) {
                out.add(unescape(html.substring(at + SIZE_MARK.length(), end)));
            }
        }
        return out;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
                .replace("- -", "--");
    }

    private static String escapeComment(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("--", "- -");
    }

    /** {@code 2.3 MB}, {@code 14 MB}, {@code 820 KB}, {@code 512 bytes} (1 KB = 1,000 bytes, as file managers show). */
    public static String humanSize(long bytes) {
        if (bytes < 1000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 999.95 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String number = v < 9.95 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
        return number + " " + units[u];
    }

    /** Renders downloads as cards, and videos as {@link #video} says; a video with a problem is left out. */
    private abstract static class EmbedRenderer implements NodeRenderer {
        protected final HtmlWriter html;

        EmbedRenderer(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public final Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(VideoBlock.class, DownloadBlock.class);
        }

        @Override
        public final void render(Node node) {
            if (node instanceof DownloadBlock d) {
                card(html, d);
            } else if (node instanceof VideoBlock v && v.problem == null) {
                video(v);
            }
        }

        abstract void video(VideoBlock v);
    }

    /** Renders videos as their placeholders and downloads as cards, in a post's page. */
    static final class PageRenderer extends EmbedRenderer {
        PageRenderer(HtmlNodeRendererContext context) {
            super(context);
        }

        @Override
        void video(VideoBlock v) {
            String label = v.label();
            html.line();
            html.tag("figure", attrs("class", VIDEO_CLASS, "data-lateral-video", v.video.playUrl(),
                    "data-lateral-title", label));
            html.line();
            html.tag("div", attrs("class", "lateral-video-frame", "hidden", ""));
            if (v.thumbnail.isPresent()) {
                html.tag("img", attrs("class", "lateral-video-thumb", "src", v.thumbnail.get(), "alt", "",
                        "loading", "lazy", "decoding", "async"));
            }
            html.tag("button", attrs("class", "lateral-video-play", "type", "button"));
            html.tag("span", attrs("class", "lateral-video-play-icon", "aria-hidden", "true"));
            html.text("\u25B6");
            html.tag("/span");
            html.text(" Play \u201C" + label + "\u201D");
            html.tag("span", attrs("class", "lateral-video-note"));
            html.text(" (loads the video from " + v.video.siteName() + ")");
            html.tag("/span");
            html.tag("/button");
            html.tag("/div");
            html.line();
            html.tag("figcaption");
            html.tag("a", attrs("class", "lateral-video-link", "href", v.video.watchUrl()));
            html.text(v.linkText());
            html.tag("/a");
            html.text(" (video on " + v.video.siteName() + startText(v.video) + ")");
            html.tag("/figcaption");
            html.line();
            html.tag("/figure");
            html.line();
        }
    }

    /** Renders videos as a plain link (with the local thumbnail, if any), for summaries. */
    static final class PlainRenderer extends EmbedRenderer {
        PlainRenderer(HtmlNodeRendererContext context) {
            super(context);
        }

        @Override
        void video(VideoBlock v) {
            html.line();
            html.tag("p", attrs("class", "lateral-video-link"));
            html.tag("a", attrs("href", v.video.watchUrl()));
            if (v.thumbnail.isPresent()) {
                html.tag("img", attrs("src", v.thumbnail.get(), "alt", ""));
                html.tag("br");
            }
            html.text(v.linkText());
            html.tag("/a");
            html.text(" (video on " + v.video.siteName() + startText(v.video) + ")");
            html.tag("/p");
            html.line();
        }
    }

    private static String startText(Video v) {
        if (v.start() <= 0) {
            return "";
        }
        int h = v.start() / 3600;
        int m = v.start() / 60 % 60;
        int s = v.start() % 60;
        return ", from " + (h > 0 ? h + ":" + String.format(Locale.ROOT, "%02d", m) : Integer.toString(m)) + ":"
                + String.format(Locale.ROOT, "%02d", s);
    }

    private static void card(HtmlWriter html, DownloadBlock d) {
        html.line();
        html.tag("p", attrs("class", "lateral-download"));
        html.tag("a", attrs("class", "lateral-download-link", "href", d.href, "type", d.type[1], "download", ""));
        html.text(d.text);
        html.tag("/a");
        html.text(" ");
        html.tag("span", attrs("class", "lateral-download-meta"));
        html.text("(" + d.type[0]);
        html.raw(SIZE_MARK + escapeComment(d.file) + "-->");
        html.text(")");
        html.tag("/span");
        html.tag("/p");
        html.line();
    }

    private static Map<String, String> attrs(String... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put(kv[i], kv[i + 1]);
        }
        return out;
    }

    /** Whether a page's HTML holds a video placeholder (then the page needs the theme's script, and feeds a plain link). */
    public static boolean hasVideo(String html) {
        return html.contains("class=\"" + VIDEO_CLASS + "\"");
    }
}
