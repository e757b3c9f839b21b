package org.lateral.aggregate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One weekly digest: the posts published on the hub during a calendar week (Monday to Sunday, in
 * the hub's time zone), grouped by member. A week is digested once it is over, so a digest never
 * changes after it appears. The hub shows the latest week that had posts (a quiet week makes no
 * issue, as a newsletter would skip it), and the digest feed lists the most recent such weeks.
 *
 * <pre>{@code
 * List<Digest> weeks = Digest.weeks(river, members, now, zone, 4);
 * Digest last = Digest.lastWeek(river, members, now, zone);
 * }</pre>
 *
 * @param start    Monday 00:00 of the week, in the hub's time zone
 * @param end      the Monday after it, 00:00 (exclusive)
 * @param sections one per member who posted that week, in the order members are listed
 */
public record Digest(ZonedDateTime start, ZonedDateTime end, List<Section> sections) {

    /** A member's posts of the week, newest first. */
    public record Section(Member member, List<Entry> entries) {
        public Section {
            Objects.requireNonNull(member, "member");
            entries = List.copyOf(entries);
        }
    }

    public Digest {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        sections = List.copyOf(sections);
    }

    /** The last day of the week (Sunday), for headings. */
    public ZonedDateTime lastDay() {
        return end.minusDays(1);
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }

    /** How many posts the digest holds. */
    public int count() {
        return sections.stream().mapToInt(s -> s.entries().size()).sum();
    }

    /** Every post of the week, newest first. */
    public List<Entry> entries() {
        return sections.stream().flatMap(s -> s.entries().stream()).sorted(EntryMerger.NEWEST_FIRST).toList();
    }

    /** {@code 2025-03-03}: the week's Monday, for ids and file names. */
    public String key() {
        return start.toLocalDate().toString();
    }

    /** The week before the one {@code now} falls in. */
    public static Digest lastWeek(List<Member> members, Instant now, ZoneId zone) {
        ZonedDateTime monday = now.atZone(zone).truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return of(members, monday.minusWeeks(1), monday);
    }

    /**
     * The most recent complete weeks that had posts, newest first, at most {@code count}; weeks
     * further back than {@code count * 4} weeks are not looked at.
     */
    public static List<Digest> weeks(List<Member> members, Instant now, ZoneId zone, int count) {
        List<Digest> out = new ArrayList<>();
        Digest week = lastWeek(members, now, zone);
        for (int i = 0; i < count * 4 && out.size() < count; i++) {
            if (!week.isEmpty()) {
                out.add(week);
            }
            week = of(members, week.start().minusWeeks(1), week.start());
        }
        return out;
    }

    private static Digest of(List<Member> members, ZonedDateTime start, ZonedDateTime end) {
        Instant from = start.toInstant();
        Instant to = end.toInstant();
        Map<String, Section> sections = new LinkedHashMap<>();
        for (Member m : members) {
            List<Entry> inWeek = m.entries().stream()
                    .filter(e -> !e.published().isBefore(from) && e.published().isBefore(to)).toList();
            if (!inWeek.isEmpty()) {
                sections.put(m.id(), new Section(m, inWeek));
            }
        }
        return new Digest(start, end, List.copyOf(sections.values()));
    }
}
