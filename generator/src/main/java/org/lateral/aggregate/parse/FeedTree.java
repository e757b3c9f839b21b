package org.lateral.aggregate.parse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import org.lateral.safety.UrlPolicy;

/**
 * What the hub reads from the XML tree itself, before Rome sees it: {@code xml:base} (which Rome
 * only honours through a global switch) and the raw date strings (which Rome drops when it cannot
 * parse them).
 *
 * <p>{@link #resolveAtomLinks} rewrites relative {@code href}/{@code src} attributes of Atom
 * elements to absolute addresses, following {@code xml:base} up the tree and then the feed's own
 * address. {@link #entryHints} lists, for each item or entry in document order, the base its
 * content is read against and its raw dates.
 */
final class FeedTree {

    static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    /**
     * @param xmlBase      the base declared with {@code xml:base} in effect at the entry's content,
     *                     when any {@code xml:base} applies to it
     * @param rawPublished the entry's publication date as written
     * @param rawUpdated   the entry's update date as written
     * @param language     the entry's language: {@code xml:lang} on it or around it, else an RSS channel's
     *                     {@code language}
     */
    record EntryHints(Optional<URI> xmlBase, Optional<String> rawPublished, Optional<String> rawUpdated,
            Optional<String> language) {
        static final EntryHints NONE = new EntryHints(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static final List<String> PUBLISHED = List.of("published", "pubDate", "issued", "created", "date");
    private static final List<String> UPDATED = List.of("updated", "modified");

    private FeedTree() {
    }

    static void resolveAtomLinks(Document document, URI documentUri) {
        for (Element element : document.getDescendants(Filters.element())) {
            if (!ATOM_NS.equals(element.getNamespaceURI())) {
                continue;
            }
            for (String attr : List.of("href", "src")) {
                String value = element.getAttributeValue(attr);
                if (value == null || UrlPolicy.parseWeb(value).isPresent()) {
                    continue;
                }
                Optional<URI> base = xmlBase(element, documentUri).or(() -> Optional.of(documentUri));
                UrlPolicy.resolveWeb(value, base).ifPresent(uri -> element.setAttribute(attr, uri.toString()));
            }
        }
    }

    static List<EntryHints> entryHints(Document document, URI documentUri) {
        Element root = document.getRootElement();
        List<Element> items = new ArrayList<>();
        switch (root.getName()) {
            case "rss":
                for (Element channel : childrenNamed(root, "channel")) {
                    items.addAll(childrenNamed(channel, "item"));
                }
                break;
            case "RDF":
                items.addAll(childrenNamed(root, "item"));
                break;
            case "feed":
                items.addAll(childrenNamed(root, "entry"));
                break;
            default:
                return List.of();
        }
        List<EntryHints> hints = new ArrayList<>(items.size());
        for (Element item : items) {
            Element content = firstChild(item, List.of("content", "encoded", "description", "summary"));
            hints.add(new EntryHints(xmlBase(content == null ? item : content, documentUri),
                    firstText(item, PUBLISHED), firstText(item, UPDATED), language(item)));
        }
        return hints;
    }

    /** {@code xml:lang} on the element or the nearest ancestor, else an RSS channel's {@code <language>}. */
    static Optional<String> language(Element element) {
        for (Element e = element; e != null; e = e.getParentElement()) {
            String lang = e.getAttributeValue("lang", Namespace.XML_NAMESPACE);
            if (lang != null && !lang.isBlank()) {
                return Optional.of(lang.strip());
            }
            if (e.getName().equals("channel")) {
                Optional<String> channel = firstText(e, List.of("language"));
                if (channel.isPresent()) {
                    return channel;
                }
            }
        }
        return Optional.empty();
    }

    /** The base set by {@code xml:base} attributes on the element and its ancestors, if any. */
    static Optional<URI> xmlBase(Element element, URI documentUri) {
        List<String> declared = new ArrayList<>();
        for (Element e = element; e != null; e = e.getParentElement()) {
            String base = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (base != null) {
                declared.add(base);
            }
        }
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> current = Optional.of(documentUri);
        for (int i = declared.size() - 1; i >= 0; i--) {
            Optional<URI> next = UrlPolicy.resolveWeb(declared.get(i), current);
            if (next.isPresent()) {
                current = next;
            }
        }
        return current.filter(UrlPolicy::isWeb);
    }

    private static List<Element> childrenNamed(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Element child : parent.getChildren()) {
            if (child.getName().equals(name)) {
                out.add(child);
            }
        }
        return out;
    }

    private static Element firstChild(Element parent, List<String> names) {
        for (String name : names) {
            for (Element child : parent.getChildren()) {
                if (child.getName().equals(name)) {
                    return child;
                }
            }
        }
        return null;
    }

    private static Optional<String> firstText(Element parent, List<String> names) {
        Element child = firstChild(parent, names);
        return child == null ? Optional.empty() : Optional.of(child.getTextTrim()).filter(s -> !s.isEmpty());
    }
}
