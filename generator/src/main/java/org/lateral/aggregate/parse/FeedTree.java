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
     * @param replyTo      what the entry says it answers: RFC 4685 {@code thr:in-reply-to} ({@code ref}, the
     *                     answered entry's id, and {@code href}, its page) and Atom {@code <link rel="in-reply-to">}
     *                     or {@code rel="related"}, addresses made absolute
     */
    record EntryHints(Optional<URI> xmlBase, Optional<String> rawPublished, Optional<String> rawUpdated,
            Optional<String> language, List<String> replyTo) {
        static final EntryHints NONE = new EntryHints(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());

        EntryHints {
            replyTo = List.copyOf(replyTo);
        }
    }

    /** The Atom Threading Extensions' namespace (RFC 4685). */
    static final String THREAD_NS = "http://purl.org/syndication/thread/1.0";
    /** At most this many replied-to references are read from one entry. */
    static final int MAX_REPLY_TO = 20;
    /** A reference longer than this is not one. */
    private static final int MAX_REF = 2000;

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
                    firstText(item, PUBLISHED), firstText(item, UPDATED), language(item), replyTo(item, documentUri)));
        }
        return hints;
    }

    /**
     * {@code <thr:in-reply-to ref="…" href="…"/>} (RFC 4685 §3; in Atom entries and, as many
     * blogs do, RSS items) and Atom {@code <link rel="in-reply-to"|"related" href="…"/>}: the
     * {@code ref} as written (an id, often a {@code tag:} URI), each {@code href} resolved against
     * {@code xml:base} and the feed's address and kept only when it is http(s).
     */
    static List<String> replyTo(Element item, URI documentUri) {
        List<String> out = new ArrayList<>();
        for (Element child : item.getChildren()) {
            if (out.size() >= MAX_REPLY_TO) {
                break;
            }
            boolean thread = THREAD_NS.equals(child.getNamespaceURI()) && child.getName().equals("in-reply-to");
            boolean link = ATOM_NS.equals(child.getNamespaceURI()) && child.getName().equals("link")
                    && List.of("in-reply-to", "related").contains(String.valueOf(child.getAttributeValue("rel")).strip());
            if (thread) {
                String ref = child.getAttributeValue("ref");
                if (ref != null && !ref.isBlank() && ref.length() <= MAX_REF) {
                    out.add(ref.strip());
                }
            }
            if (thread || link) {
                String href = child.getAttributeValue("href");
                if (href != null && !href.isBlank() && href.length() <= MAX_REF) {
                    Optional<URI> base = xmlBase(child, documentUri).or(() -> Optional.of(documentUri));
                    UrlPolicy.resolveWeb(href.strip(), base).map(URI::toString).ifPresent(out::add);
                }
            }
        }
        return out;
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
