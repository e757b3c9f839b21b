package org.lateral.taxonomy;

import java.util.Objects;

/**
 * Where a list page lives: the three forms of one address that every list (series, archive
 * period) carries.
 *
 * @param url       relative URL, base path included ({@code /cpd/series/oracy/})
 * @param permalink absolute URL
 * @param outputDir folder of its {@code index.html}, relative to the output folder ({@code series/oracy/})
 */
public record Address(String url, String permalink, String outputDir) {
    public Address {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(permalink, "permalink");
        Objects.requireNonNull(outputDir, "outputDir");
    }
}
