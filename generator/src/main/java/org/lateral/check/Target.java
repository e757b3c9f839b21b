package org.lateral.check;

import java.net.URI;
import java.util.Objects;

/**
 * Where a link goes, once read: a file of the site (by its path in the output, with any
 * {@code #fragment}), an outside address, a file on the writer's own computer, or somewhere the
 * checker does not look ({@code mailto:}, {@code tel:}, {@code data:}).
 *
 * @param kind     what sort of place
 * @param path     for {@link Kind#SITE}: the output path it names, decoded, without a fragment
 *                 ({@code 2024/03/oracy/} or {@code img/logo.png}); the address otherwise
 * @param fragment the {@code #fragment} without its {@code #}, decoded; empty when none
 * @param uri      for {@link Kind#EXTERNAL}: the address to fetch
 */
record Target(Kind kind, String path, String fragment, URI uri) {

    enum Kind { SITE, EXTERNAL, LOCAL_FILE, OTHER }

    Target {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fragment, "fragment");
    }

    /** A place in the site by its output path; {@code x/index.html} and {@code x/} are one page. */
    static Target site(String path, String fragment) {
        String p = path.equals("index.html") || path.endsWith("/index.html")
                ? path.substring(0, path.length() - "index.html".length()) : path;
        return new Target(Kind.SITE, p, fragment, null);
    }

    /** One key for "the same place", to tell the content's links from the templates'. */
    String key() {
        return kind + " " + path + (fragment.isEmpty() ? "" : "#" + fragment);
    }
}
