package org.lateral.feed;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code sitemap.xml} (sitemaps.org protocol 0.9: one {@code url} per page with its
 * {@code loc} and {@code lastmod}) and the {@code robots.txt} that points crawlers at it.
 * Stateless and thread-safe.
 */
final class SitemapWriter {

    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private SitemapWriter() {
    }

    /**
     * One page of the sitemap.
     *
     * @param loc     absolute URL
     * @param lastmod when the page last changed
     * @param alternates its versions in the site's languages (Google's {@code xhtml:link}), itself included; empty
     *                   for a page without translations
     */
    record Url(String loc, Optional<ZonedDateTime> lastmod, List<FeedPlanner.SitemapAlternate> alternates) {
        Url {
            Objects.requireNonNull(loc, "loc");
            Objects.requireNonNull(lastmod, "lastmod");
            alternates = List.copyOf(alternates);
        }

        Url(String loc, Optional<ZonedDateTime> lastmod) {
            this(loc, lastmod, List.of());
        }
    }

    /** The namespace of the sitemap's {@code xhtml:link} alternates. */
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    static byte[] sitemap(List<Url> urls) {
        StringWriter out = new StringWriter(256 + urls.size() * 128);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(NAMESPACE);
            if (urls.stream().anyMatch(u -> !u.alternates().isEmpty())) {
                xml.writeNamespace("xhtml", XHTML);
            }
            for (Url u : urls) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("url");
                xml.writeCharacters("\n    ");
                element(xml, "loc", ascii(u.loc()));
                if (u.lastmod().isPresent()) {
                    xml.writeCharacters("\n    ");
                    element(xml, "lastmod", JsonFeedWriter.date(u.lastmod().get()));
                }
                for (FeedPlanner.SitemapAlternate a : u.alternates()) {
                    xml.writeCharacters("\n    ");
                    xml.writeEmptyElement("xhtml", "link", XHTML);
                    xml.writeAttribute("rel", "alternate");
                    xml.writeAttribute("hreflang", a.hreflang());
                    xml.writeAttribute("href", ascii(a.href()));
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the sitemap", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Allows every crawler everywhere and names the sitemap by its absolute URL. */
    static byte[] robots(String sitemapUrl) {
        String text = "# Written by Lateral. To write your own, put a robots.txt in the site's static/ folder.\n"
                + "User-agent: *\n"
                + "Allow: /\n"
                + "\n"
                + "Sitemap: " + ascii(sitemapUrl) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(XmlChars.clean(text));
        xml.writeEndElement();
    }

    /**
     * Sitemaps want URLs as plain ASCII: every byte of a non-ASCII character, and spaces, are
     * percent-encoded ({@code /tags/ŵyl/} → {@code /tags/%C5%B5yl/}).
     */
    static String ascii(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>') {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
