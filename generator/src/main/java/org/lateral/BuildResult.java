package org.lateral;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful build wrote.
 *
 * @param output   the output folder
 * @param files    files written (pages, feeds, copied files)
 * @param htmlPages HTML pages rendered
 * @param posts    posts published
 * @param pages    standalone pages published
 * @param tags     tags
 * @param skipped  posts left out: drafts, scheduled (with the time they go live) and expired
 * @param warnings problems that did not stop the build
 * @param elapsed  wall time of the whole build
 * @param phases   wall time of each phase, in order (for {@code --profile})
 * @param work     what this build had to do: a clean build renders everything, a rebuild in a
 *                 {@link BuildSession} only what a change affects
 */
public record BuildResult(Path output, int files, int htmlPages, int posts, int pages, int tags,
        List<SkippedPost> skipped, List<Problem> warnings, Duration elapsed, Map<String, Duration> phases,
        Work work) {

    /**
     * What a build did.
     *
     * @param incremental whether it updated the previous output in place (a rebuild) rather than
     *                    writing a complete new one
     * @param rendered    outputs rendered (pages, feeds, indexes; not copied files)
     * @param written     outputs whose bytes changed and were written
     * @param converted   Markdown bodies converted (the others came from the session's cache)
     * @param renderedOutputs for a rebuild, the outputs it rendered, by path (empty for a clean build)
     * @param pictures    pictures read and resized (the others came from the picture cache)
     * @param upToDate    whether nothing changed since the last build (the build cache on disk says so) and
     *                    nothing was rendered or written
     * @param planned     outputs planned: every output of the site, or for a rebuild after body edits
     *                    told by path, only those the edits affect (the rest of the last plan holds);
     *                    -1 when not counted
     */
    public record Work(boolean incremental, int rendered, int written, int converted, List<String> renderedOutputs,
            int pictures, boolean upToDate, int planned) {
        public Work {
            renderedOutputs = List.copyOf(renderedOutputs);
        }

        /** Work whose planned outputs are not counted. */
        public Work(boolean incremental, int rendered, int written, int converted, List<String> renderedOutputs,
                int pictures, boolean upToDate) {
            this(incremental, rendered, written, converted, renderedOutputs, pictures, upToDate, -1);
        }

        /** Work of a build that rendered something. */
        public Work(boolean incremental, int rendered, int written, int converted, List<String> renderedOutputs,
                int pictures) {
            this(incremental, rendered, written, converted, renderedOutputs, pictures, false);
        }

        /** Work without pictures resized. */
        public Work(boolean incremental, int rendered, int written, int converted, List<String> renderedOutputs) {
            this(incremental, rendered, written, converted, renderedOutputs, 0);
        }
    }

    /** A result without work figures (tests). */
    public BuildResult(Path output, int files, int htmlPages, int posts, int pages, int tags,
            List<SkippedPost> skipped, List<Problem> warnings, Duration elapsed, Map<String, Duration> phases) {
        this(output, files, htmlPages, posts, pages, tags, skipped, warnings, elapsed, phases,
                new Work(false, 0, 0, 0, List.of()));
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.UK);

    public BuildResult {
        Objects.requireNonNull(output, "output");
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        phases = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phases));
        Objects.requireNonNull(work, "work");
    }

    /** A post left out of this build and why. */
    public record SkippedPost(Path source, String title, String reason, Optional<ZonedDateTime> goesLive) {
    }

    public long drafts() {
        return skipped.stream().filter(s -> s.reason().equals("draft")).count();
    }

    public long scheduled() {
        return skipped.stream().filter(s -> s.reason().equals("scheduled")).count();
    }

    /**
     * The lines the command line and the Maven plugin print after a build: one per scheduled post,
     * then the counts, then where to open the site. Warnings are not included; callers print them
     * on their own (at warning level, where there is one).
     *
     * <pre>{@code
     * r.summaryLines(Path.of("").toAbsolutePath(), "--drafts", "--future").forEach(System.out::println);
     * }</pre>
     *
     * @param relativeTo  the output folder is shown relative to this folder when it lies inside it
     * @param draftsOption how the reader asks for drafts ({@code --drafts}, {@code -Dlateral.drafts})
     * @param futureOption how the reader asks for scheduled posts ({@code --future}, {@code -Dlateral.future})
     */
    public List<String> summaryLines(Path relativeTo, String draftsOption, String futureOption) {
        List<String> lines = new ArrayList<>();
        for (SkippedPost s : skipped) {
            if (s.reason().equals("scheduled")) {
                lines.add("scheduled: " + s.source() + " (\"" + s.title() + "\") goes live "
                        + s.goesLive().map(WHEN::format).orElse("later") + "; build with " + futureOption
                        + " to preview it");
            }
        }
        if (work.upToDate()) {
            lines.add(String.format(Locale.UK, "Nothing changed: %,d %s up to date in %d ms", htmlPages,
                    htmlPages == 1 ? "page" : "pages", elapsed.toMillis()));
        }
        StringBuilder line = new StringBuilder(work.upToDate() ? "Last built " : "Built ")
                .append(htmlPages).append(htmlPages == 1 ? " page" : " pages")
                .append(" (").append(posts).append(posts == 1 ? " post, " : " posts, ")
                .append(pages).append(pages == 1 ? " page" : " pages").append("), ")
                .append(tags).append(tags == 1 ? " tag" : " tags");
        if (drafts() > 0) {
            line.append(", ").append(drafts()).append(drafts() == 1 ? " draft" : " drafts")
                    .append(" skipped (").append(draftsOption).append(" to include)");
        }
        if (scheduled() > 0) {
            line.append(", ").append(scheduled()).append(" scheduled");
        }
        if (!work.upToDate()) {
            line.append(" in ").append(elapsed.toMillis()).append(" ms");
        }
        lines.add(line.toString());
        Path shown = output;
        try {
            Path rel = relativeTo.toAbsolutePath().relativize(output.toAbsolutePath());
            if (!rel.startsWith("..") && !rel.toString().isEmpty()) {
                shown = rel;
            }
        } catch (IllegalArgumentException e) {
            // different roots: keep the absolute path
        }
        lines.add("Open " + shown.resolve("index.html") + " in a browser.");
        return lines;
    }
}
