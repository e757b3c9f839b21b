package org.lateral.image;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the pictures of a page's HTML into responsive ones: {@code <img src="photo.jpg" alt="…">}
 * (as Markdown's {@code ![…](photo.jpg)} writes it) becomes
 *
 * <pre>{@code
 * <a class="picture" href="photo.jpg"><img src="photo-960w.jpg"
 *   srcset="photo-480w.jpg 480w, photo-960w.jpg 960w, photo-1600w.jpg 1600w" sizes="…"
 *   width="4032" height="3024" alt="…" decoding="async" loading="lazy"></a>
 * }</pre>
 *
 * The link opens the picture at full size; the first picture of a page is not lazy (it is often
 * the first thing seen). Only a tag with nothing but {@code src}, {@code alt} and {@code title} is
 * changed, and only when its address is one of the page's own pictures: raw HTML with sizes or
 * classes of its own is left as it was written. A picture already inside a link keeps that link,
 * and one with an empty description (decoration) gets no link of its own (it would have no name).
 * Stateless.
 */
public final class ResponsiveHtml {

    /**
     * How wide a picture is shown: the default theme's column (42rem less its padding), or the
     * screen's width less the padding on a phone.
     */
    public static final String SIZES = "(min-width: 42rem) 39.5rem, calc(100vw - 2.5rem)";
    /** The width of the copy named in {@code src}, for browsers without {@code srcset} and for feeds. */
    public static final int DEFAULT_WIDTH = 960;

    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9_:.-]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Set<String> PLAIN = Set.of("src", "alt", "title");

    private ResponsiveHtml() {
    }

    /**
     * @param html       a page's body (or summary)
     * @param lookup     the page's picture at an address as written in it ({@code photo.jpg}, {@code images/a.png},
     *                   percent-decoded), if it is one
     * @param firstEager whether the first picture changed is loaded at once (a page's body), or every one lazily
     *                   (a summary, shown among others)
     */
    public static String rewrite(String html, Function<String, Optional<ImageFile>> lookup, boolean firstEager) {
        if (!html.contains("<img")) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length() + 512);
        int links = 0;
        boolean eager = firstEager;
        int i = 0;
        while (true) {
            int lt = html.indexOf('<', i);
            if (lt < 0) {
                out.append(html, i, html.length());
                return out.toString();
            }
            int gt = html.indexOf('>', lt);
            if (gt < 0) {
                out.append(html, i, html.length());
                return out.toString();
            }
            String tag = html.substring(lt, gt + 1);
            String lower = tag.toLowerCase(Locale.ROOT);
            if (lower.startsWith("<a ") || lower.equals("<a>")) {
                links++;
            } else if (lower.startsWith("</a")) {
                links = Math.max(0, links - 1);
            } else if (lower.startsWith("<img ")) {
                Optional<String> made = picture(tag, lookup, links > 0, eager);
                if (made.isPresent()) {
                    out.append(html, i, lt).append(made.get());
                    eager = false;
                    i = gt + 1;
                    continue;
                }
            }
            out.append(html, i, gt + 1);
            i = gt + 1;
        }
    }

    private static Optional<String> picture(String tag, Function<String, Optional<ImageFile>> lookup, boolean inLink,
            boolean eager) {
        String inside = tag.substring(4, tag.length() - 1);
        if (inside.endsWith("/")) {
            inside = inside.substring(0, inside.length() - 1);
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(inside);
        int at = 0;
        while (at < inside.length()) {
            if (!m.find(at) || m.start() != at || m.end() == at) {
                if (inside.substring(at).isBlank()) {
                    break;
                }
                return Optional.empty(); // not a tag this reads
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            if (!PLAIN.contains(name) || value == null || attrs.containsKey(name)) {
                return Optional.empty();
            }
            attrs.put(name, value);
            at = m.end();
        }
        String src = attrs.get("src");
        if (src == null || !local(src)) {
            return Optional.empty();
        }
        Optional<ImageFile> found = lookup.apply(decode(src.replace("&amp;", "&")));
        if (found.isEmpty() || found.get().width() <= 0) {
            return Optional.empty();
        }
        ImageFile p = found.get();
        String alt = attrs.getOrDefault("alt", "");
        StringBuilder img = new StringBuilder("<img src=\"");
        img.append(p.widest(DEFAULT_WIDTH).map(v -> v.nameFor(src)).orElse(src)).append('"');
        String srcset = srcset(p, src);
        if (srcset.contains(",")) {
            img.append(" srcset=\"").append(srcset).append("\" sizes=\"").append(SIZES).append('"');
        }
        img.append(" width=\"").append(p.width()).append("\" height=\"").append(p.height()).append('"');
        img.append(" alt=\"").append(alt).append('"');
        if (attrs.containsKey("title")) {
            img.append(" title=\"").append(attrs.get("title")).append('"');
        }
        img.append(" decoding=\"async\"");
        if (!eager) {
            img.append(" loading=\"lazy\"");
        }
        img.append('>');
        if (inLink || alt.isBlank() || p.variants().isEmpty()) {
            return Optional.of(img.toString());
        }
        return Optional.of("<a class=\"picture\" href=\"" + src + "\">" + img + "</a>");
    }

    /** Every copy with its width; the original too when no copy is as wide as the widest written. */
    public static String srcset(ImageFile p, String src) {
        StringBuilder s = new StringBuilder();
        for (ImageFile.Variant v : p.variants()) {
            s.append(s.isEmpty() ? "" : ", ").append(v.nameFor(src)).append(' ').append(v.width()).append('w');
        }
        int widest = Pictures.WIDTHS.get(Pictures.WIDTHS.size() - 1);
        if (p.width() < widest || p.variants().isEmpty()) {
            s.append(s.isEmpty() ? "" : ", ").append(src).append(' ').append(p.width()).append('w');
        }
        return s.toString();
    }

    /** An address of a file beside the page: no scheme, not from the site's root, no query. */
    private static boolean local(String src) {
        return !src.isEmpty() && !src.contains(":") && !src.startsWith("/") && !src.startsWith("#")
                && !src.contains("?") && !src.startsWith("../");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
