package org.lateral.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.aggregate.parse.SafeXml;

/**
 * Reads an export as a stream (WordPress exports run to hundreds of megabytes): the channel's or
 * feed's own elements are collected into one node, and each {@code item}/{@code entry} is handed to
 * a consumer as a small tree of its own, so memory holds one item at a time besides what the
 * consumer keeps. The XML is hardened as the hub's is ({@link SafeXml#staxFactory()}: no DTD, no
 * external entities), a DOCTYPE is refused, an HTML named entity ({@code &nbsp;}) is the character it
 * stands for and any other entity reference is refused, adjacent text and CDATA are joined,
 * and the file may not be larger than {@value #MAX_BYTES} bytes nor nest deeper than
 * {@value #MAX_DEPTH}. A malformed file is a {@link LateralException} at its line and column.
 */
final class ExportXml {

    static final long MAX_BYTES = 1L << 30;
    static final int MAX_DEPTH = 64;
    static final int MAX_TEXT = 32 << 20;
    private static final Set<String> ITEMS = Set.of("item", "entry");

    /** How the JDK's parser words a reference to an entity no one declared. */
    private static final java.util.regex.Pattern UNDECLARED = java.util.regex.Pattern.compile(
            "entity \"([^\"]+)\" was referenced, but not declared");

    private ExportXml() {
    }

    private static LateralException unknownEntity(Path file, int line, int column, String name) {
        return new LateralException(List.of(Problem.error(file, Math.max(1, line), Math.max(1, column),
                "the export uses the entity &" + name + "; which neither XML nor HTML defines",
                "export the blog again; if that does not help, replace &" + name
                        + "; with the character it stands for")));
    }

    /** What the document is (its root element's name and namespace) and its channel-level elements. */
    record Document(String rootName, String rootNamespace, XmlNode channel) {
    }

    static Document read(InputStream in, Path file, Consumer<XmlNode> items) {
        XMLInputFactory factory = SafeXml.staxFactory();
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new HtmlEntities(new java.io.BufferedReader(
                    new java.io.InputStreamReader(new Capped(in, MAX_BYTES), java.nio.charset.StandardCharsets.UTF_8))));
            String rootName = null;
            String rootNs = "";
            Deque<Builder> open = new ArrayDeque<>();
            Builder channel = null;
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw problem(file, r,
                            "the export has a DOCTYPE line, which Lateral does not read (it could make the file load other files)",
                            "export the blog again, or delete the <!DOCTYPE …> line at the top of the file");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw unknownEntity(file, r.getLocation().getLineNumber(),
                            r.getLocation().getColumnNumber(), r.getLocalName());
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        if (depth > MAX_DEPTH) {
                            throw problem(file, r, "the export nests elements more than " + MAX_DEPTH + " deep",
                                    "this is not a blog export as WordPress or Blogger writes it: export the blog again");
                        }
                        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                        Builder b = new Builder(ns, r.getLocalName(), attrs, r.getLocation().getLineNumber());
                        if (rootName == null) {
                            rootName = r.getLocalName();
                            rootNs = ns;
                            if (rootName.equals("feed")) {
                                channel = b;
                            }
                        } else if (channel == null) {
                            if (r.getLocalName().equals("channel")) {
                                channel = b;
                            }
                        } else {
                            Builder parent = open.isEmpty() ? channel : open.peek();
                            b.item = parent == channel && ITEMS.contains(b.name);
                            if (!b.item) {
                                parent.children.add(b);
                            }
                            open.push(b);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            Builder b = open.peek();
                            if (b.text.length() + r.getTextLength() > MAX_TEXT) {
                                throw problem(file, r, "one element of the export holds more than " + (MAX_TEXT >> 20)
                                        + " million characters", "this is not a post as a blog writes it: export the blog again");
                            }
                            b.text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        if (!open.isEmpty()) {
                            Builder done = open.pop();
                            if (done.item) {
                                items.accept(done.build());
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            if (rootName == null) {
                throw new LateralException(List.of(Problem.error(file, 1, 1, file.getFileName() + " is empty",
                        "export the blog again and give that file")));
            }
            return new Document(rootName, rootNs, channel == null ? new XmlNode("", "", Map.of(), "", List.of(), 1)
                    : channel.build());
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNumber());
            String why = e.getMessage() == null ? "the XML is broken" : e.getMessage().replaceFirst("(?s)^ParseError at \\[[^]]*]\\s*Message:\\s*", "").strip();
            if (e.getCause() instanceof TooBig) {
                why = "the file is larger than " + (MAX_BYTES >> 20) + " MB";
            }
            java.util.regex.Matcher undeclared = UNDECLARED.matcher(why);
            if (undeclared.find()) {
                throw unknownEntity(file, line, col, undeclared.group(1));
            }
            throw new LateralException(List.of(Problem.error(file, line, col,
                    "the export is not well-formed XML: " + why,
                    "export the blog again (an export cut short or edited by hand often breaks here); nothing was imported")));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing after an error
                }
            }
        }
    }

    private static LateralException problem(Path file, XMLStreamReader r, String message, String fix) {
        return new LateralException(List.of(Problem.error(file, r.getLocation().getLineNumber(),
                Math.max(1, r.getLocation().getColumnNumber()), message, fix + "; nothing was imported")));
    }

    private static final class Builder {
        final String ns;
        final String name;
        final Map<String, String> attrs;
        final int line;
        final StringBuilder text = new StringBuilder();
        final List<Builder> children = new ArrayList<>();
        boolean item;

        Builder(String ns, String name, Map<String, String> attrs, int line) {
            this.ns = ns;
            this.name = name;
            this.attrs = attrs;
            this.line = line;
        }

        XmlNode build() {
            List<XmlNode> kids = new ArrayList<>();
            for (Builder c : children) {
                kids.add(c.build());
            }
            return new XmlNode(ns, name, attrs, text.toString(), kids, line);
        }
    }

    private static final class TooBig extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Stops reading past {@code max} bytes. */
    private static final class Capped extends FilterInputStream {
        private final long max;
        private long read;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > max) {
                throw new TooBig();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (read += n) > max) {
                throw new TooBig();
            }
            return n;
        }
    }
}
