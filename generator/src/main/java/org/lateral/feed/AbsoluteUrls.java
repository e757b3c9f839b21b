package org.lateral.feed;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Makes every URL in a post's HTML absolute, resolved against the post's own permalink as a
 * browser on that page would: {@code photo.jpg} in a post at {@code https://example.org/cpd/2024/03/oracy/}
 * becomes {@code https://example.org/cpd/2024/03/oracy/photo.jpg}, {@code #fn1} becomes the
 * permalink plus {@code #fn1}. Covers {@code href}, {@code src}, {@code poster}, {@code cite},
 * {@code data} and every candidate of {@code srcset}. HTML comments ({@code <!--more-->}) and
 * control characters are dropped. Feed readers and planets show a post away from
 * its site, where relative URLs break. Stateless and thread-safe.
 */
final class AbsoluteUrls {

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "poster", "cite", "data", "action");

    private AbsoluteUrls() {
    }

    /** The same HTML with absolute URLs; {@code base} must be an absolute URL. */
    static String resolve(String html, String base) {
        if (html.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html, base);
        doc.outputSettings().prettyPrint(false);
        for (Element e : doc.body().getAllElements()) {
            for (String attr : URL_ATTRIBUTES) {
                if (e.hasAttr(attr)) {
                    String abs = e.absUrl(attr);
                    if (!abs.isEmpty()) {
                        e.attr(attr, abs);
                    }
                }
            }
            if (e.hasAttr("srcset")) {
                e.attr("srcset", srcset(e.attr("srcset"), base));
            }
        }
        doc.body().forEachNode(n -> {
            if (n instanceof Comment) {
                n.remove(); // <!--more--> and friends mean nothing to a feed reader
            } else if (n instanceof TextNode t) {
                String text = t.getWholeText();
                String clean = XmlChars.clean(text);
                if (!clean.equals(text)) {
                    t.text(clean); // a control character, even as &#x7;, is nothing a reader can show
                }
            }
        });
        return doc.body().html();
    }

    /** {@code a.jpg 1x, b.jpg 2x} → each URL resolved, descriptors kept. */
    static String srcset(String value, String base) {
        List<String> out = new ArrayList<>();
        for (String candidate : value.split(",")) {
            String c = candidate.strip();
            if (c.isEmpty()) {
                continue;
            }
            int space = c.indexOf(' ');
            String url = space < 0 ? c : c.substring(0, space);
            String descriptor = space < 0 ? "" : c.substring(space);
            out.add(url(url, base) + descriptor);
        }
        return String.join(", ", out);
    }

    /** One URL resolved against {@code base}; returned as it is when it cannot be read. */
    static String url(String url, String base) {
        try {
            return new URL(new URL(base), url).toExternalForm();
        } catch (MalformedURLException e) {
            return url;
        }
    }
}
