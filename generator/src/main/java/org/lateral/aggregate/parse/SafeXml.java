package org.lateral.aggregate.parse;

import java.io.IOException;
import java.io.Reader;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;

import org.jdom2.Document;
import org.lateral.safety.Deadline;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * XML parsing with every dangerous feature off, the one place the hub configures an XML parser.
 *
 * <ul>
 *   <li>Any DOCTYPE is a fatal error ({@code disallow-doctype-decl}), so no entity can be declared:
 *       no XXE (file or HTTP), no parameter entities, no billion laughs or quadratic blowup.</li>
 *   <li>External general and parameter entities and external DTD loading are off, and
 *       {@code ACCESS_EXTERNAL_DTD}/{@code ACCESS_EXTERNAL_SCHEMA} allow no protocol at all, in
 *       case one of the above were ever switched back on; an entity resolver refuses everything.</li>
 *   <li>XInclude is off; secure processing is on, with the JDK's entity-expansion limits.</li>
 *   <li>Depth and element count are limited while parsing ({@link #MAX_DEPTH}, {@link #MAX_ELEMENTS}),
 *       so deeply nested markup is refused before anything recursive (Rome, JDOM's output) sees it.</li>
 * </ul>
 * The JDK's own parsers are used ({@code newDefaultInstance}), never one found on the class path.
 */
public final class SafeXml {

    /** The deepest element nesting accepted. */
    public static final int MAX_DEPTH = 128;
    /** The most elements accepted in one document. */
    public static final int MAX_ELEMENTS = 50_000;

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    /** Thrown (inside the parse) when a document goes past a limit. */
    static final class LimitException extends SAXException {
        LimitException(String message) {
            super(message);
        }
    }

    /** Thrown (inside the parse) when the feed's deadline has passed. */
    static final class DeadlineException extends SAXException {
        DeadlineException() {
            super("the deadline passed");
        }
    }

    private SafeXml() {
    }

    /** A StAX factory with DTDs and external entities off (for small documents such as OPML). */
    public static XMLInputFactory staxFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new javax.xml.stream.XMLStreamException("external entities are not allowed");
        });
        return factory;
    }

    /**
     * Parses text into a JDOM document with the protections above.
     *
     * @throws JDOMException for malformed XML (a {@code JDOMParseException} with a line), a DOCTYPE,
     *                       or a limit (its cause chain holds a {@link LimitException})
     */
    static Document parse(Reader text) throws JDOMException, IOException {
        return parse(text, Deadline.NONE);
    }

    /** {@link #parse(Reader)}, stopping with a {@link DeadlineException} cause once {@code deadline} passes. */
    static Document parse(Reader text, Deadline deadline) throws JDOMException, IOException {
        SAXBuilder builder = new SAXBuilder(new HardenedReaders());
        builder.setExpandEntities(false); // JDOM turns external entities back on when this is true
        builder.setFeature(DISALLOW_DOCTYPE, true);
        builder.setFeature(EXTERNAL_GENERAL, false);
        builder.setFeature(EXTERNAL_PARAMETER, false);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entities are not allowed");
        });
        builder.setXMLFilter(new LimitFilter(deadline));
        builder.setReuseParser(false);
        return builder.build(new InputSource(text));
    }

    /** Readers from the JDK's SAX parser, configured once per document. */
    private static final class HardenedReaders implements XMLReaderJDOMFactory {
        @Override
        public XMLReader createXMLReader() throws JDOMException {
            try {
                SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
                factory.setNamespaceAware(true);
                factory.setValidating(false);
                factory.setXIncludeAware(false);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature(DISALLOW_DOCTYPE, true);
                factory.setFeature(EXTERNAL_GENERAL, false);
                factory.setFeature(EXTERNAL_PARAMETER, false);
                factory.setFeature(LOAD_EXTERNAL_DTD, false);
                XMLReader reader = factory.newSAXParser().getXMLReader();
                reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                return reader;
            } catch (ParserConfigurationException | SAXException e) {
                throw new JDOMException("the JDK's XML parser refused a safety setting", e);
            }
        }

        @Override
        public boolean isValidating() {
            return false;
        }
    }

    /** Counts depth and elements as they stream past, and stops the parse past a limit. */
    private static final class LimitFilter extends XMLFilterImpl {
        private final Deadline deadline;
        private int depth;
        private int elements;
        private int textEvents;

        LimitFilter(Deadline deadline) {
            this.deadline = deadline;
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if ((++textEvents & 1023) == 0 && deadline.passed()) {
                throw new DeadlineException();
            }
            super.characters(ch, start, length);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (++depth > MAX_DEPTH) {
                throw new LimitException("markup nested more than " + MAX_DEPTH + " levels deep");
            }
            if ((elements & 255) == 0 && deadline.passed()) {
                throw new DeadlineException();
            }
            if (++elements > MAX_ELEMENTS) {
                throw new LimitException("more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_ELEMENTS)
                        + " XML elements");
            }
            super.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            depth--;
            super.endElement(uri, localName, qName);
        }
    }
}
