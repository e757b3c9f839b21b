package org.lateral.plan;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One file of the output, to be produced in parallel with the others.
 *
 * @param kind       what kind of output it is
 * @param format     its format (a kind may have several: a tag's page and its three feeds)
 * @param outputPath where it goes, relative to the output folder ({@code tags/oracy/index.html})
 * @param origin     what asked for it, for "two things want the same address" problems
 *                   ({@code content/posts/a.md}, or a description such as {@code the tags page})
 * @param source     the source file it is the page of, if any
 * @param inputs     what it is made from, conservatively ({@link Input})
 * @param content    produces the bytes; may throw {@link org.lateral.LateralException}
 */
public record Output(Kind kind, Format format, String outputPath, String origin, Optional<Path> source,
        Set<Input> inputs, Supplier<byte[]> content) {
    public Output {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(outputPath, "outputPath");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        inputs = Set.copyOf(inputs);
        Objects.requireNonNull(content, "content");
    }

    /** Whether a change to any of {@code changed} may change this output. */
    public boolean isAffectedBy(Set<Input> changed) {
        // by lookup rather than pairwise (Input#isAffectedBy): a rebuild asks this of every output
        // of a 10,000-post site, and a list page declares a source per post it shows
        boolean allSources = inputs.contains(Input.ALL_SOURCES);
        for (Input c : changed) {
            if (inputs.contains(c) || allSources && c.scope() == Input.Scope.SOURCE) {
                return true;
            }
        }
        return false;
    }
}
