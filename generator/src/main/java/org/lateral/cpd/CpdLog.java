package org.lateral.cpd;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.lateral.taxonomy.Archive;

/**
 * The whole record by academic year, newest first: what the record page ({@code /cpd/}), its
 * exports and {@code lateral cpd} show.
 *
 * @param framework the site's framework, when it names one
 * @param hoursGoal hours a year to aim for
 */
public record CpdLog(List<CpdYear> years, Optional<Framework> framework, Optional<Double> hoursGoal) {

    public CpdLog {
        years = List.copyOf(years);
    }

    public static CpdLog of(List<CpdEntry> entries, int startMonth, Optional<Framework> framework,
            Optional<Double> goal, Locale locale) {
        Map<Integer, List<CpdEntry>> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (CpdEntry e : entries) {
            byYear.computeIfAbsent(Archive.academicYearOf(e.date(), startMonth), k -> new ArrayList<>()).add(e);
        }
        List<CpdYear> years = new ArrayList<>();
        byYear.forEach((start, list) -> years.add(CpdYear.of(Archive.academicYearLabel(start, startMonth),
                LocalDate.of(start, startMonth, 1), list, framework.orElse(null), goal, locale)));
        return new CpdLog(years, framework, goal);
    }

    public boolean isEmpty() {
        return years.isEmpty();
    }

    /** The academic year with this label ({@code 2024-25}). */
    public Optional<CpdYear> year(String label) {
        return years.stream().filter(y -> y.label().equals(label)).findFirst();
    }

    public List<String> labels() {
        return years.stream().map(CpdYear::label).toList();
    }
}
