package org.lateral.cpd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lateral.site.Page;

/**
 * What a site build shows of the professional-learning record: the record of its published
 * pages (private ones are never among them), its projects, and each page's record and
 * reflective model for its own page.
 *
 * @param recordPage whether {@code /cpd/} and its exports are written
 * @param title      the record page's heading from site.yaml ({@code cpd: title:}), empty for the theme's
 */
public record SiteRecord(CpdLog log, List<Project> projects, Map<Path, CpdEntry> entries,
        Map<Path, ReflectionModel> reflections, boolean recordPage, String title) {

    public static final SiteRecord NONE = new SiteRecord(new CpdLog(List.of(), Optional.empty(), Optional.empty()),
            List.of(), Map.of(), Map.of(), false, "");

    public SiteRecord {
        projects = List.copyOf(projects);
        entries = Map.copyOf(entries);
        reflections = Map.copyOf(reflections);
    }

    /**
     * @param pages   the published pages that may carry a record (posts; events when there are)
     * @param records each page's {@code cpd:} record
     * @param models  each page's {@code reflection:}
     */
    public static SiteRecord of(Learning learning, List<Page> pages, Function<Page, Optional<CpdRecord>> records,
            Function<Page, Optional<String>> models, List<Project> projects, int academicYearStart, Locale locale) {
        Map<Path, CpdEntry> entries = new HashMap<>();
        Map<Path, ReflectionModel> reflections = new HashMap<>();
        List<CpdEntry> list = new ArrayList<>();
        for (Page p : pages) {
            Optional<CpdRecord> r = records.apply(p);
            if (r.isPresent() && !r.get().isPrivate()) {
                CpdEntry e = learning.entry(p.title(), p.date().toLocalDate(), Optional.of(p.url()),
                        Optional.of(p.permalink()), p.source(), r.get());
                entries.put(p.source(), e);
                list.add(e);
            }
            models.apply(p).flatMap(learning::model).ifPresent(m -> reflections.put(p.source(), m));
        }
        return new SiteRecord(learning.log(list, academicYearStart, locale), projects, entries, reflections,
                learning.writesRecordPage(!list.isEmpty()), learning.settings().title().orElse(""));
    }

    public Optional<CpdEntry> recordOf(Path source) {
        return Optional.ofNullable(entries.get(source));
    }

    public Optional<ReflectionModel> reflectionOf(Path source) {
        return Optional.ofNullable(reflections.get(source));
    }
}
