package org.lateral.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lateral.Problem;
import org.lateral.content.Source;
import org.lateral.plan.Output;
import org.lateral.render.Theme;
import org.lateral.site.Page;
import org.lateral.site.Site;

/**
 * A site built in memory, as it would be published, for {@code lateral check}: nothing is written.
 *
 * @param siteDir     the site folder (absolute)
 * @param site        the published site (drafts and scheduled posts left out, as the request says)
 * @param sources     every source read, by its path relative to the site folder (drafts included)
 * @param outputs     every planned output, in plan order
 * @param html        the bytes of every HTML output, by output path
 * @param files       every copied file (static files of the theme and the site, pages' pictures), by
 *                    output path, with the file it is copied from
 * @param unpublished the pages the site has but does not publish (drafts, scheduled and expired
 *                    posts), by output path, each with why
 * @param theme       the theme
 * @param warnings    the build's warnings
 */
public record SiteSnapshot(Path siteDir, Site site, Map<Path, Source> sources, List<Output> outputs,
        Map<String, byte[]> html, Map<String, Path> files, Map<String, Unpublished> unpublished, Theme theme,
        List<Problem> warnings) {

    /** A page that is not published, and why: {@code draft}, {@code scheduled} or {@code expired}. */
    public record Unpublished(Page page, String reason) {
    }

    public SiteSnapshot {
        Objects.requireNonNull(siteDir, "siteDir");
        Objects.requireNonNull(site, "site");
        sources = Map.copyOf(sources);
        outputs = List.copyOf(outputs);
        html = Map.copyOf(html);
        files = Map.copyOf(files);
        unpublished = Map.copyOf(unpublished);
        Objects.requireNonNull(theme, "theme");
        warnings = List.copyOf(warnings);
    }
}
