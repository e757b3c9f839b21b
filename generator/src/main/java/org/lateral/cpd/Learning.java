package org.lateral.cpd;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lateral.Problem;
import org.lateral.internal.Suggestions;

/**
 * A site's professional-learning settings: site.yaml's {@code cpd:} section, every framework and
 * reflective model it can use, and the checks of records and reflections against them.
 * Immutable once loaded.
 */
public final class Learning {

    private final CpdSettings settings;
    private final Map<String, Framework> frameworks;
    private final Optional<Framework> framework;
    private final Map<String, ReflectionModel> models;

    private Learning(CpdSettings settings, Map<String, Framework> frameworks, Optional<Framework> framework,
            Map<String, ReflectionModel> models) {
        this.settings = settings;
        this.frameworks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(frameworks));
        this.framework = framework;
        this.models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
    }

    /** Reads site.yaml's {@code cpd:}, Lateral's frameworks and models and the site's own ({@code data/frameworks/}, {@code data/reflections/}). */
    public static Learning load(Path siteDir, List<Problem> problems) {
        CpdSettings settings = CpdSettings.read(siteDir, problems);
        Map<String, Framework> frameworks = DataFiles.frameworks(siteDir, problems);
        Optional<Framework> framework = Optional.empty();
        if (settings.standards().isPresent()) {
            String id = settings.standards().get();
            framework = Optional.ofNullable(frameworks.get(id));
            if (framework.isEmpty()) {
                Optional<String> near = Suggestions.closest(id, frameworks.keySet());
                problems.add(Problem.error(Path.of("site.yaml"), settings.line(), 1,
                        "there is no standards framework called \"" + id + "\""
                                + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                        near.map(n -> "write standards: " + n).orElse("use one of "
                                + String.join(", ", frameworks.keySet()) + ", or add data/frameworks/" + id
                                + ".yaml (see README, \"Your CPD record\")")));
            }
        }
        return new Learning(settings, frameworks, framework, DataFiles.models(siteDir, problems));
    }

    public CpdSettings settings() {
        return settings;
    }

    public Optional<Framework> framework() {
        return framework;
    }

    public Map<String, ReflectionModel> models() {
        return models;
    }

    public Optional<ReflectionModel> model(String id) {
        return Optional.ofNullable(models.get(id.strip().toLowerCase(Locale.ROOT)));
    }

    /** Whether the site has a record page: site.yaml has {@code cpd:} or some published page has a record. */
    public boolean writesRecordPage(boolean anyRecords) {
        return settings.present() || anyRecords;
    }

    /** Checks a record's standards against the site's framework; adds a problem at each code that is not in it. */
    public void check(Path file, CpdRecord record, List<Problem> problems) {
        for (CpdRecord.Code c : record.standards()) {
            if (framework.isEmpty()) {
                if (settings.standards().isEmpty()) {
                    problems.add(Problem.error(file, c.line(), c.column(),
                            "this record names the standard " + c.code() + ", but site.yaml names no standards framework",
                            "add to site.yaml: cpd: { standards: " + frameworks.values().stream()
                                    .filter(f -> f.find(c.code()).isPresent()).map(Framework::id).findFirst()
                                    .orElse(frameworks.keySet().iterator().next())
                                    + " } (or the framework whose codes you use: "
                                    + String.join(", ", frameworks.keySet()) + ")"));
                }
                return;
            }
            Framework f = framework.get();
            if (f.find(c.code()).isEmpty()) {
                Optional<String> near = Suggestions.closest(c.code().toUpperCase(Locale.ROOT),
                        f.codes().stream().map(s -> s.toUpperCase(Locale.ROOT)).toList())
                        .flatMap(u -> f.codes().stream().filter(s -> s.equalsIgnoreCase(u)).findFirst());
                problems.add(Problem.error(file, c.line(), c.column(),
                        "\"" + c.code() + "\" is not a standard of " + f.title()
                                + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                        (near.isPresent() ? "write " + near.get() + " — " : "") + "the codes are "
                                + String.join(", ", f.codes())));
            }
        }
    }

    /** Checks {@code reflection:} names a model; a problem with a suggestion when it does not. */
    public void checkReflection(Path file, String model, int line, List<Problem> problems) {
        if (model(model).isEmpty()) {
            Optional<String> near = Suggestions.closest(model.strip().toLowerCase(Locale.ROOT), models.keySet());
            problems.add(Problem.error(file, line, 1, "there is no reflective model called \"" + model + "\""
                            + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                    near.map(n -> "write reflection: " + n).orElse("use one of " + String.join(", ", models.keySet())
                            + ", or add data/reflections/" + model.strip() + ".yaml")));
        }
    }

    /** One activity of the record, its standards looked up. */
    public CpdEntry entry(String title, LocalDate date, Optional<String> url, Optional<String> permalink, Path source,
            CpdRecord record) {
        List<Framework.Standard> standards = framework.map(f -> record.standards().stream()
                .map(c -> f.find(c.code())).flatMap(Optional::stream).distinct().collect(Collectors.toList()))
                .orElse(List.of());
        return new CpdEntry(title, date, url, permalink, source, record, standards);
    }

    public CpdLog log(List<CpdEntry> entries, int academicYearStart, Locale locale) {
        return CpdLog.of(entries, academicYearStart, framework, settings.hoursGoal(), locale);
    }
}
