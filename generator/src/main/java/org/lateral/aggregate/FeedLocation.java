package org.lateral.aggregate;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.lateral.safety.UrlPolicy;

/**
 * Where a member's feed is read from: a web address ({@link Remote}) or a file on this machine
 * ({@link Local}, written as a path or a {@code file:} URL, as the sample network does).
 *
 * <pre>{@code
 * FeedLocation.parse("https://blog.example/feed.xml", hubDir);   // Remote
 * FeedLocation.parse("feeds/ann.xml", hubDir);                   // Local, hubDir/feeds/ann.xml
 * }</pre>
 */
public sealed interface FeedLocation permits FeedLocation.Remote, FeedLocation.Local {

    /** The address as a URI ({@code file:} for a local file). */
    URI uri();

    /** How the location is shown to people (the URL, or the path). */
    String display();

    /** A feed on the web. */
    record Remote(URI uri) implements FeedLocation {
        public Remote {
            Objects.requireNonNull(uri, "uri");
            if (!UrlPolicy.isWeb(uri)) {
                throw new IllegalArgumentException("not an http(s) address: " + uri);
            }
        }

        @Override
        public String display() {
            return uri.toString();
        }
    }

    /**
     * A feed file on this machine.
     *
     * @param path    where it is
     * @param written how the hub's config names it ({@code ../blog/target/site-output/feed.xml}),
     *                which is how pages and reports show it: never the server's full path
     */
    record Local(Path path, String written) implements FeedLocation {
        public Local {
            Objects.requireNonNull(path, "path");
            path = path.toAbsolutePath().normalize();
            if (written == null || written.isBlank() || Path.of(written).isAbsolute() || written.contains(":")) {
                int n = path.getNameCount();
                written = n <= 2 ? path.getFileName().toString()
                        : "…/" + path.subpath(n - 2, n).toString().replace('\\', '/');
            }
        }

        /** A local feed known only by its path; shown by its last two parts. */
        public Local(Path path) {
            this(path, null);
        }

        @Override
        public URI uri() {
            return path.toUri();
        }

        @Override
        public String display() {
            return written;
        }

        /** Two locations are the same feed when they name the same file, however written. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Local other && other.path.equals(path);
        }

        @Override
        public int hashCode() {
            return path.hashCode();
        }
    }

    /**
     * When {@code raw} has no scheme but looks like a web address ({@code example.org/feed.xml},
     * {@code www.x.org/feed}) and no such file exists, the address it was surely meant to be
     * ({@code https://example.org/feed.xml}); empty otherwise.
     */
    static java.util.Optional<String> looksLikeWebAddress(String raw, Path baseDir) {
        String text = raw.strip();
        if (UrlPolicy.schemeOf(text).isPresent() || text.startsWith("/") || text.startsWith(".")
                || text.startsWith("\\") || text.startsWith("//") && text.length() < 3) {
            return java.util.Optional.empty();
        }
        String t = text.startsWith("//") ? text.substring(2) : text;
        int slash = t.indexOf('/');
        String first = slash < 0 ? t : t.substring(0, slash);
        boolean hostLike = HOST.matcher(first).matches()
                && (slash >= 0 || first.toLowerCase(Locale.ROOT).startsWith("www."))
                && !FILE_EXTENSION.matcher(first).find();
        if (!hostLike) {
            return java.util.Optional.empty();
        }
        try {
            if (java.nio.file.Files.exists(baseDir.resolve(text))) {
                return java.util.Optional.empty();
            }
        } catch (InvalidPathException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("https://" + t);
    }

    /** A host name with at least one dot and a top-level domain of letters. */
    Pattern HOST = Pattern.compile("(?i)^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,24}(?::\\d{1,5})?$");
    /** The endings of feed files, which a host name does not have. */
    Pattern FILE_EXTENSION = Pattern.compile("(?i)\\.(?:xml|rss|atom|rdf|json|txt|html?)$");

    /**
     * Reads a feed location as written in {@code site.yaml} or an OPML file.
     *
     * @param raw     an http(s) URL, a {@code file:} URL, or a path
     * @param baseDir the folder relative paths are read from (the hub's folder, or the OPML file's)
     * @throws IllegalArgumentException with a message fit for a {@code Problem} when the location
     *                                  is blank, malformed or uses another scheme
     */
    static FeedLocation parse(String raw, Path baseDir) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(baseDir, "baseDir");
        String text = raw.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the feed address is empty");
        }
        boolean windowsDrive = Pattern.matches("^[A-Za-z]:[\\\\/].*", text);
        var scheme = windowsDrive ? java.util.Optional.<String>empty() : UrlPolicy.schemeOf(text);
        if (scheme.isEmpty()) {
            try {
                return new Local(baseDir.resolve(text), text);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("\"" + text + "\" is neither a web address nor a file path");
            }
        }
        switch (scheme.get().toLowerCase(Locale.ROOT)) {
            case "http":
            case "https":
                return UrlPolicy.parseWeb(text).<FeedLocation>map(Remote::new).orElseThrow(() ->
                        new IllegalArgumentException("\"" + text + "\" is not a valid web address"));
            case "file":
                try {
                    return new Local(Path.of(URI.create(text)));
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    throw new IllegalArgumentException("\"" + text + "\" is not a valid file: URL (write file:///full/path)");
                }
            default:
                throw new IllegalArgumentException("\"" + text + "\" uses \"" + scheme.get()
                        + ":\"; a feed must be an http or https address or a local file");
        }
    }
}
