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

    /** A feed file on this machine. */
    record Local(Path path) implements FeedLocation {
        public Local {
            Objects.requireNonNull(path, "path");
            path = path.toAbsolutePath().normalize();
        }

        @Override
        public URI uri() {
            return path.toUri();
        }

        /**
         * The path relative to the folder Lateral runs in, else its last two parts: pages people
         * read (the health page) never show where the hub's files sit on the server.
         */
        @Override
        public String display() {
            Path cwd = Path.of("").toAbsolutePath().normalize();
            if (path.startsWith(cwd) && !path.equals(cwd)) {
                return cwd.relativize(path).toString().replace('\\', '/');
            }
            int n = path.getNameCount();
            return n <= 2 ? path.toString() : "…/" + path.subpath(n - 2, n).toString().replace('\\', '/');
        }
    }

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
                return new Local(baseDir.resolve(text));
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
