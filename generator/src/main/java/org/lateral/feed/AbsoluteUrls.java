package org.lateral.feed;

import java.net.MalformedURLException;
import java.net.URL;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.lateral.internal.LinkAttributes;

/**
 * Makes every URL in a post's HTML absolute, resolved against the post's own permalink as a
 * browser on that page would: {@code photo.jpg} in a post at {@code https://example.org/cpd/2024/03/oracy/}
 * becomes {@code https://example.org/cpd/2024/03/oracy/photo.jpg}, {@code #fn1} becomes the
 * permalink plus {@code #fn1}. Covers the attributes of {@link LinkAttributes#ATTRIBUTES} (every
 * candidate of a {@code srcset}). HTML comments ({@code <!--more-->}) and
 * control characters are dropped. Feed readers and planets show a post away from
 * its site, where relative URLs break. Stateless and thread-safe.
 */
final class AbsoluteUrls {

    private AbsoluteUrls() {
    }

    /** The same HTML with absolute URLs; {@code base} must be an absolute URL. */
    static String resolve(String html, String base) {
        if (html.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html, base);
        doc.outputSettings().prettyPrint(false);
        if (org.lateral.markdown.Embeds.hasVideo(html)) {
            plainVideos(doc);
        }
        for (Element e : doc.body().getAllElements()) {
            for (String attr : LinkAttributes.ATTRIBUTES) {
                if (e.hasAttr(attr)) {
                    e.attr(attr, LinkAttributes.value(attr, e.attr(attr), u -> url(u, base)));
                }
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

    /**
     * A video's click-to-load placeholder as a plain link, with its thumbnail when the post has one:
     * a feed reader or the hub shows no button and no player ({@code markdown.Embeds}).
     */
    static void plainVideos(Document doc) {
        for (Element figure : doc.body().select("figure.lateral-video")) {
            Element caption = figure.selectFirst("figcaption");
            Element p = new Element("p").addClass("lateral-video-link");
            if (caption != null) {
                p.appendChildren(new java.util.ArrayList<>(caption.childNodes()));
            }
            Element thumb = figure.selectFirst("img.lateral-video-thumb");
            Element link = p.selectFirst("a");
            if (thumb != null && link != null) {
                link.prependChild(new Element("br"));
                link.prependChild(new Element("img").attr("src", thumb.attr("src")).attr("alt", ""));
            }
            if (link != null) {
                link.removeAttr("class");
            }
            figure.replaceWith(p);
        }
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
