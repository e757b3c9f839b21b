package org.lateral.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** Reads generated files back with Jsoup, for assertions on selectors rather than strings. */
public final class Html {

    private Html() {
    }

    /** Parses {@code output/relativePath} as HTML. */
    public static Document page(Path output, String relativePath) {
        Path file = output.resolve(relativePath);
        try {
            return Jsoup.parse(file.toFile(), "UTF-8", "https://example.org/" + relativePath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parses {@code output/relativePath} as XML (feeds, sitemap). */
    public static Document xml(Path output, String relativePath) {
        try {
            return Jsoup.parse(Files.readString(output.resolve(relativePath)), "", Parser.xmlParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file a relative link on a page points at, inside the output folder
     * ({@code ../tags/oracy/index.html#x} from {@code 2024/a/index.html} → {@code output/2024/tags/…}).
     */
    public static Path linkTarget(Path output, String pageRelativePath, String href) {
        String path = href.replaceAll("[#?].*$", "");
        Path from = output.resolve(pageRelativePath).getParent();
        return from.resolve(path).normalize();
    }

    /** Every HTML file of an output folder, relative to it, sorted. */
    public static List<String> htmlFiles(Path output) {
        try (Stream<Path> s = Files.walk(output)) {
            return s.filter(p -> p.toString().endsWith(".html")).map(p -> output.relativize(p).toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
