package org.lateral.taxonomy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.lateral.address.Address;
import org.lateral.address.Addressed;
import org.lateral.site.Page;

/**
 * Every post grouped by calendar year and month ({@code /archive/2024/}, {@code /archive/2024/03/})
 * and by academic year ({@code /archive/academic/2024-25/}), newest first, each with its count.
 * The academic year starts in the month set by {@code academicYearStart} in site.yaml (September
 * unless set); with January it is the calendar year and is labelled {@code 2024}.
 *
 * @param address       where the archive index page lives ({@code /archive/})
 * @param startMonth    month (1–12) an academic year starts in
 * @param years         calendar years, newest first, each with its months
 * @param academicYears academic years, newest first
 */
public record Archive(Address address, int startMonth, List<Period> years, List<Period> academicYears)
        implements Addressed {

    public Archive {
        Objects.requireNonNull(address, "address");
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("startMonth must be 1–12, not " + startMonth);
        }
        years = List.copyOf(years);
        academicYears = List.copyOf(academicYears);
    }

    /**
     * One year, month or academic year of posts.
     *
     * @param key    {@code 2024}, {@code 2024-03} or {@code 2024-25}: what the URL and heading show
     * @param start  the period's first day, at midnight in the site's time zone (for
     *               {@code formatDate(period.start, "MMMM yyyy")})
     * @param address where its page lives
     * @param pages  its posts, newest first
     * @param months for a year, its months with posts, newest first; otherwise empty
     */
    public record Period(Type type, String key, ZonedDateTime start, Address address, List<Page> pages,
            List<Period> months) implements Addressed {

        /** What a period spans. */
        public enum Type { YEAR, MONTH, ACADEMIC_YEAR }

        public Period {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(address, "address");
            pages = List.copyOf(pages);
            months = List.copyOf(months);
        }

        public int count() {
            return pages.size();
        }

        public boolean isYear() {
            return type == Type.YEAR;
        }

        public boolean isMonth() {
            return type == Type.MONTH;
        }

        public boolean isAcademicYear() {
            return type == Type.ACADEMIC_YEAR;
        }
    }

    /** Every period of every kind: years, then their months, then academic years. */
    public List<Period> periods() {
        List<Period> out = new ArrayList<>();
        for (Period y : years) {
            out.add(y);
            out.addAll(y.months());
        }
        out.addAll(academicYears);
        return out;
    }

    /** How many posts the archive holds. */
    public int count() {
        return years.stream().mapToInt(Period::count).sum();
    }

    public boolean isEmpty() {
        return years.isEmpty();
    }

    /** The academic year a day falls in, as the calendar year it starts in. */
    public static int academicYearOf(LocalDate day, int startMonth) {
        return day.getMonthValue() >= startMonth ? day.getYear() : day.getYear() - 1;
    }

    /** {@code 2024-25} for the year starting in 2024; {@code 2024} when years start in January. */
    public static String academicYearLabel(int startYear, int startMonth) {
        return startMonth == 1 ? String.valueOf(startYear)
                : String.format(Locale.ROOT, "%d-%02d", startYear, (startYear + 1) % 100);
    }

    /**
     * Groups posts in one pass.
     *
     * @param posts      published posts, newest first
     * @param startMonth month an academic year starts in
     * @param zone       the site's time zone, for each period's {@link Period#start}
     * @param at         where the page for a site path ({@code /archive/2024/}) lives
     */
    public static Archive of(List<Page> posts, int startMonth, ZoneId zone, Function<String, Address> at) {
        TreeMap<Integer, TreeMap<Integer, List<Page>>> byYear = new TreeMap<>();
        TreeMap<Integer, List<Page>> byAcademic = new TreeMap<>();
        for (Page p : posts) {
            LocalDate day = p.date().toLocalDate();
            byYear.computeIfAbsent(day.getYear(), k -> new TreeMap<>())
                    .computeIfAbsent(day.getMonthValue(), k -> new ArrayList<>()).add(p);
            byAcademic.computeIfAbsent(academicYearOf(day, startMonth), k -> new ArrayList<>()).add(p);
        }
        List<Period> years = new ArrayList<>();
        for (Map.Entry<Integer, TreeMap<Integer, List<Page>>> y : byYear.descendingMap().entrySet()) {
            String yearKey = String.format(Locale.ROOT, "%04d", y.getKey());
            List<Period> months = new ArrayList<>();
            List<Page> all = new ArrayList<>();
            for (Map.Entry<Integer, List<Page>> m : y.getValue().descendingMap().entrySet()) {
                String monthKey = String.format(Locale.ROOT, "%02d", m.getKey());
                months.add(period(Period.Type.MONTH, yearKey + "-" + monthKey,
                        LocalDate.of(y.getKey(), m.getKey(), 1), zone,
                        at.apply("/archive/" + yearKey + "/" + monthKey + "/"), m.getValue(), List.of()));
                all.addAll(m.getValue());
            }
            years.add(period(Period.Type.YEAR, yearKey, LocalDate.of(y.getKey(), 1, 1), zone,
                    at.apply("/archive/" + yearKey + "/"), all, months));
        }
        List<Period> academic = new ArrayList<>();
        for (Map.Entry<Integer, List<Page>> a : byAcademic.descendingMap().entrySet()) {
            String label = academicYearLabel(a.getKey(), startMonth);
            academic.add(period(Period.Type.ACADEMIC_YEAR, label, LocalDate.of(a.getKey(), startMonth, 1), zone,
                    at.apply("/archive/academic/" + label + "/"), a.getValue(), List.of()));
        }
        Address index = at.apply("/archive/");
        return new Archive(index, startMonth, years, academic);
    }

    private static Period period(Period.Type type, String key, LocalDate start, ZoneId zone, Address at,
            List<Page> pages, List<Period> months) {
        return new Period(type, key, start.atStartOfDay(zone), at, pages, months);
    }
}
