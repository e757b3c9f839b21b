package org.lateral.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lateral.Problem;
import org.lateral.content.FrontMatter;
import org.lateral.content.Source;
import org.lateral.cpd.Learning;
import org.lateral.cpd.Projects;
import org.lateral.cpd.SiteRecord;
import org.lateral.site.Page;
import org.lateral.site.Site;

/**
 * Where a build meets the professional-learning record: records are checked against the site's
 * framework, private pages leave the build before anything is made of them, and the record of
 * the published pages is handed to the planner.
 */
final class Records {

    private Records() {
    }

    /**
     * Checks every source's {@code cpd:} record and {@code reflection:}, and returns the sources
     * without the private ones: a page with {@code cpd: private: true} is never converted, listed,
     * indexed or copied, so nothing of it can reach the output.
     */
    static List<Source> publishable(List<Source> sources, Learning learning, List<Problem> problems) {
        List<Source> out = new ArrayList<>(sources.size());
        for (Source s : sources) {
            FrontMatter fm = s.frontMatter();
            fm.cpd().ifPresent(r -> learning.check(s.path(), r, problems));
            fm.reflection().ifPresent(m -> learning.checkReflection(s.path(), m, fm.lineOf("reflection", 1), problems));
            if (!fm.isPrivate()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The record of the site's published posts, pages and events (an attended event counts, dated
     * by its start and linked to its page), and its projects.
     */
    static SiteRecord of(Site site, Learning learning, Map<Path, FrontMatter> frontMatter) {
        List<Page> pages = new ArrayList<>(site.posts());
        pages.addAll(site.pages());
        site.events().forEach(e -> pages.add(e.page()));
        return SiteRecord.of(learning, pages,
                p -> Optional.ofNullable(frontMatter.get(p.source())).flatMap(FrontMatter::cpd),
                p -> Optional.ofNullable(frontMatter.get(p.source())).flatMap(FrontMatter::reflection),
                Projects.of(site.series().all(),
                        p -> Optional.ofNullable(frontMatter.get(p.source())).flatMap(FrontMatter::review),
                        p -> Optional.ofNullable(frontMatter.get(p.source())).map(f -> f.lineOf("review", 1)).orElse(1)),
                site.config().academicYearStartMonth(), site.config().locale());
    }
}
