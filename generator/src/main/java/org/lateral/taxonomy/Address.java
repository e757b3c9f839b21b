package org.lateral.taxonomy;

import java.util.Objects;

/**
 * Where a page of the site lives, in the three forms every list (home, term, author, series,
 * archive period, index pages) needs: one value instead of three loose strings and substring
 * arithmetic.
 *
 * @param url       relative URL, base path included ({@code /cpd/series/oracy/})
 * @param permalink absolute URL ({@code https://example.org/cpd/series/oracy/})
 * @param outputDir folder of its {@code index.html}, relative to the output folder ({@code series/oracy/};
 *                  empty for the site's root)
 */
public record Address(String url, String permalink, String outputDir) {
    public Address {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(permalink, "permalink");
        Objects.requireNonNull(outputDir, "outputDir");
    }

    /**
     * The address of a folder of a site published at {@code origin + basePath}.
     *
     * @param url relative URL starting with the base path ({@code /cpd/authors/llyr/})
     */
    public static Address ofUrl(String origin, String basePath, String url) {
        if (!url.startsWith(basePath)) {
            throw new IllegalArgumentException(url + " is not under the base path " + basePath);
        }
        return new Address(url, origin + url, url.substring(basePath.length()));
    }

    /** The file written for this folder, relative to the output folder ({@code series/oracy/index.html}). */
    public String outputFile() {
        return outputDir + "index.html";
    }

    /** Page {@code n} of a list that starts here: page 1 is this address, page N is {@code page/N/} below it. */
    public Address page(int n) {
        if (n == 1) {
            return this;
        }
        String sub = "page/" + n + "/";
        return new Address(url + sub, permalink + sub, outputDir + sub);
    }

    /**
     * A link to this address from the file at {@code fromOutputPath} ({@code 2024/03/x/index.html}),
     * as a relative-links site writes it ({@code ../../../series/oracy/index.html}).
     */
    public String relativeFrom(String fromOutputPath) {
        int depth = (int) fromOutputPath.chars().filter(c -> c == '/').count();
        return "../".repeat(depth) + outputFile();
    }
}
