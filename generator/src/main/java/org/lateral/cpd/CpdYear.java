package org.lateral.cpd;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One academic year of the record.
 *
 * @param label   {@code 2024-25}
 * @param start   its first day
 * @param terms   its terms with activities, newest first
 * @param entries every activity, newest first
 * @param months  hours per month, in the year's order (for the chart)
 * @param byType  hours per type, most first
 * @param byStandard hours per standard, in the framework's order (standards with none left out)
 * @param hoursGoal  the site's goal, when it sets one
 */
public record CpdYear(String label, LocalDate start, List<CpdTerm> terms, List<CpdEntry> entries, List<Total> months,
        List<Total> byType, List<Total> byStandard, Optional<Double> hoursGoal) {

    public CpdYear {
        terms = List.copyOf(terms);
        entries = List.copyOf(entries);
        months = List.copyOf(months);
        byType = List.copyOf(byType);
        byStandard = List.copyOf(byStandard);
    }

    public BigDecimal hours() {
        return entries.stream().map(e -> Hours.exact(e.hours())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String hoursText() {
        return Hours.text(hours());
    }

    /** Per cent of the goal reached, 0–100 (capped), or 0 without a goal. */
    public int percentOfGoal() {
        if (hoursGoal.isEmpty()) {
            return 0;
        }
        BigDecimal pct = hours().multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(hoursGoal.get()), 0,
                RoundingMode.DOWN);
        return Math.min(100, pct.intValue());
    }

    public String goalText() {
        return hoursGoal.map(Hours::text).orElse("");
    }

    /** Hours still to go to the goal, or 0. */
    public String remainingText() {
        return hoursGoal.map(g -> Hours.text(BigDecimal.valueOf(g).subtract(hours()).max(BigDecimal.ZERO))).orElse("0");
    }

    /** The export file names, relative to the record page. */
    public String csvFile() {
        return label + ".csv";
    }

    public String jsonFile() {
        return label + ".json";
    }

    /** The SVG bar chart of hours per month; {@code title} is its text alternative's title. */
    public String monthChart(String title) {
        return CpdChart.columns("cpd-months-" + label, title, months);
    }

    /** The SVG chart of hours per type. */
    public String typeChart(String title) {
        return CpdChart.bars("cpd-types-" + label, title, byType);
    }

    static CpdYear of(String label, LocalDate start, List<CpdEntry> entries, Framework framework,
            Optional<Double> goal, Locale locale) {
        List<CpdEntry> newest = new ArrayList<>(entries);
        newest.sort(java.util.Comparator.comparing(CpdEntry::date).reversed().thenComparing(CpdEntry::title));
        Map<String, List<CpdEntry>> byTerm = new LinkedHashMap<>();
        for (String t : List.of("summer", "spring", "autumn")) {
            byTerm.put(t, new ArrayList<>());
        }
        for (CpdEntry e : newest) {
            byTerm.get(CpdTerm.of(e.date().getMonthValue(), start.getMonthValue())).add(e);
        }
        List<CpdTerm> terms = new ArrayList<>();
        byTerm.forEach((k, v) -> {
            if (!v.isEmpty()) {
                terms.add(new CpdTerm(k, v));
            }
        });
        List<Total> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LocalDate m = start.plusMonths(i);
            List<CpdEntry> in = newest.stream().filter(e -> e.date().getYear() == m.getYear()
                    && e.date().getMonth() == m.getMonth()).toList();
            String name = m.getMonth().getDisplayName(TextStyle.SHORT, locale);
            months.add(total(String.format(Locale.ROOT, "%d-%02d", m.getYear(), m.getMonthValue()), name,
                    m.getMonth().getDisplayName(TextStyle.FULL, locale) + " " + m.getYear(), in));
        }
        Map<String, List<CpdEntry>> types = new LinkedHashMap<>();
        newest.forEach(e -> types.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(e));
        List<Total> byType = new ArrayList<>();
        types.forEach((k, v) -> byType.add(total(k, Hours.typeName(k), Hours.typeName(k), v)));
        byType.sort(java.util.Comparator.comparing(Total::hours).reversed().thenComparing(Total::key));
        List<Total> byStandard = new ArrayList<>();
        if (framework != null) {
            for (Framework.Standard s : framework.standards()) {
                List<CpdEntry> with = newest.stream().filter(e -> e.standards().contains(s)).toList();
                if (!with.isEmpty()) {
                    byStandard.add(total(s.code(), s.code(), s.title(), with));
                }
            }
        }
        return new CpdYear(label, start, terms, newest, months, byType, byStandard, goal);
    }

    private static Total total(String key, String label, String title, List<CpdEntry> entries) {
        return new Total(key, label, title,
                entries.stream().map(e -> Hours.exact(e.hours())).reduce(BigDecimal.ZERO, BigDecimal::add),
                entries.size());
    }
}
