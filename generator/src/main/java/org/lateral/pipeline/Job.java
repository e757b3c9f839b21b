package org.lateral.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One file of the output, to be produced in parallel with the others.
 *
 * @param outputPath where it goes, relative to the output folder ({@code tags/oracy/index.html})
 * @param origin     what asked for it, for "two things want the same address" problems
 *                   ({@code content/posts/a.md}, or a description such as {@code the tags page})
 * @param content    produces the bytes; may throw {@link org.lateral.LateralException}
 */
public record Job(String outputPath, String origin, Optional<Path> source, Supplier<byte[]> content) {
    public Job {
        Objects.requireNonNull(outputPath, "outputPath");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(content, "content");
    }
}
