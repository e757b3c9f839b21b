package org.lateral.address;

import java.util.Objects;

/**
 * Where a file of a site or hub lives, in the forms every page, list and feed needs: its URL
 * (base path included), its permalink (absolute URL) and the file written for it (relative to the
 * output folder). One value instead of loose strings and substring arithmetic; templates read
 * {@code url}, {@code permalink}, {@code outputPath} and {@code outputDir} as strings.
 *
 * <pre>{@code
 * Address tag = Address.ofUrl("https://example.org", "/cpd/", "/cpd/tags/oracy/");
 * tag.outputPath();      // tags/oracy/index.html
 * tag.page(2).url();     // /cpd/tags/oracy/page/2/
 * tag.relativeFrom("2024/03/x/index.html"); // ../../../tags/oracy/index.html
 * }</pre>
 *
 * @param url        relative URL, base path included ({@code /cpd/series/oracy/}, {@code /cpd/about.html})
 * @param permalink  absolute URL ({@code https://example.org/cpd/series/oracy/})
 * @param outputPath the file written, relative to the output folder ({@code series/oracy/index.html});
 *                   a folder's address (its URL ends in {@code /}) writes its {@code index.html}
 */
public record Address(String url, String permalink, String outputPath) {

    public Address {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(permalink, "permalink");
        Objects.requireNonNull(outputPath, "outputPath");
    }

    /**
     * The address of a folder.
     *
     * @param outputDir its folder relative to the output folder ({@code series/oracy/}; empty for the root)
     */
    public static Address folder(String url, String permalink, String outputDir) {
        return new Address(url, permalink, fileOf(outputDir));
    }

    /**
     * The address of a page of a site published at {@code origin + basePath}.
     *
     * @param url relative URL starting with the base path ({@code /cpd/authors/llyr/}, {@code /cpd/about.html})
     */
    public static Address ofUrl(String origin, String basePath, String url) {
        if (!url.startsWith(basePath)) {
            throw new IllegalArgumentException(url + " is not under the base path " + basePath);
        }
        return new Address(url, origin + url, fileOf(url.substring(basePath.length())));
    }

    /**
     * The address of a path of a site published at {@code origin + basePath}.
     *
     * @param path the path below the base path ({@code /authors/llyr/} or {@code members/ann/})
     */
    public static Address ofPath(String origin, String basePath, String path) {
        return ofUrl(origin, basePath, basePath + (path.startsWith("/") ? path.substring(1) : path));
    }

    /** A folder's {@code index.html}, or the file itself. */
    private static String fileOf(String path) {
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    /**
     * The folder of the file written, relative to the output folder ({@code series/oracy/}; empty
     * for the root): where a list's feeds and a post's pictures go.
     */
    public String outputDir() {
        return outputPath.substring(0, outputPath.lastIndexOf('/') + 1);
    }

    /** An address in this address's folder ({@code feed.xml}, {@code page/2/}, {@code email.html}). */
    public Address resolve(String relative) {
        String dir = outputDir();
        String urlDir = url.endsWith("/") ? url : url.substring(0, url.lastIndexOf('/') + 1);
        String linkDir = permalink.endsWith("/") ? permalink : permalink.substring(0, permalink.lastIndexOf('/') + 1);
        return new Address(urlDir + relative, linkDir + relative, fileOf(dir + relative));
    }

    /** Page {@code n} of a list that starts here: page 1 is this address, page N is {@code page/N/} below it. */
    public Address page(int n) {
        return n == 1 ? this : resolve("page/" + n + "/");
    }

    /**
     * A link to this address from the file at {@code fromOutputPath} ({@code 2024/03/x/index.html}),
     * as a relative-links site writes it ({@code ../../../series/oracy/index.html}).
     */
    public String relativeFrom(String fromOutputPath) {
        int depth = (int) fromOutputPath.chars().filter(c -> c == '/').count();
        return "../".repeat(depth) + outputPath;
    }
}
