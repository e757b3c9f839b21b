package org.lateral.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of an export, read by {@link ExportXml}: its namespace and local name, attributes,
 * text (adjacent text and CDATA joined) and children, with the line it starts on.
 */
record XmlNode(String namespace, String name, Map<String, String> attributes, String text, List<XmlNode> children,
        int line) {

    XmlNode {
        namespace = namespace == null ? "" : namespace;
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    boolean is(String ns, String local) {
        return name.equals(local) && (ns == null || namespace.startsWith(ns)
                || ns.startsWith("http://") && namespace.startsWith("https://" + ns.substring(7)));
    }

    /** The first child with this name whose namespace starts with {@code ns} (any namespace when null). */
    Optional<XmlNode> child(String ns, String local) {
        for (XmlNode c : children) {
            if (c.is(ns, local)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    List<XmlNode> all(String ns, String local) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.is(ns, local)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The stripped text of the first such child, empty when missing or blank. */
    Optional<String> text(String ns, String local) {
        return child(ns, local).map(n -> n.text().strip()).filter(s -> !s.isEmpty());
    }

    /** The text of the first such child as it is (bodies keep their whitespace). */
    String raw(String ns, String local) {
        return child(ns, local).map(XmlNode::text).orElse("");
    }

    String attribute(String local) {
        return attributes.getOrDefault(local, "");
    }
}
