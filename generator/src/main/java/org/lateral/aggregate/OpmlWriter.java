package org.lateral.aggregate;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the hub's blogroll as OPML 2.0, which any feed reader can import to follow every member.
 *
 * <p>Only members whose feed is on the web are listed (a local file means nothing to a reader
 * elsewhere); {@code text} and {@code title} are the member's name, {@code htmlUrl} their site,
 * {@code category} their topics. The XML writer escapes every value.
 *
 * <pre>{@code
 * String opml = OpmlWriter.write("Maths TeachMeet network", members, Instant.now());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class OpmlWriter {

    private OpmlWriter() {
    }

    public static String write(String title, List<Subscription> members, Instant generated) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(generated, "generated");
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("head");
            element(xml, "title", title);
            element(xml, "dateCreated", DateTimeFormatter.RFC_1123_DATE_TIME.format(generated.atOffset(ZoneOffset.UTC)));
            element(xml, "docs", "http://opml.org/spec2.opml");
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
            for (Subscription member : members) {
                if (!(member.feed() instanceof FeedLocation.Remote)) {
                    continue;
                }
                xml.writeCharacters("\n    ");
                xml.writeEmptyElement("outline");
                xml.writeAttribute("type", "rss");
                xml.writeAttribute("text", member.name());
                xml.writeAttribute("title", member.name());
                xml.writeAttribute("xmlUrl", member.feed().uri().toString());
                member.site().ifPresent(site -> attribute(xml, "htmlUrl", site.toString()));
                if (!member.topics().isEmpty()) {
                    xml.writeAttribute("category", String.join(",", member.topics()));
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, String name, String value) {
        try {
            xml.writeAttribute(name, value);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
    }
}
