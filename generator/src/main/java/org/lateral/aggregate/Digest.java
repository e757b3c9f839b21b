package org.lateral.aggregate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
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
 * @param start     Monday 00:00 of the week, in the hub's time zone
 * @param end       the Monday after it, 00:00 (exclusive)
 * @param sections  one per member who posted that week, in the order members are listed
 * @param featured  the week's posts the organiser features ({@code feature:} in the curation
 *                  file), shown at the top, in the curation file's order
 * @param newVoices the week's posts that are their member's first on the hub, oldest first
 */
public record Digest(ZonedDateTime start, ZonedDateTime end, List<Section> sections, List<Entry> featured,
                     List<Entry> newVoices) {

    /**
     * A member's posts of the week, newest first: at most {@code hub.digest.perMember} of them,
     * and how many more the member wrote that week ("and 2 more from Ann").
     */
    public record Section(Member member, List<Entry> entries, int more) {
        public Section {
            Objects.requireNonNull(member, "member");
            entries = List.copyOf(entries);
            if (more < 0) {
                throw new IllegalArgumentException("more must be 0 or more");
            }
        }

        public Section(Member member, List<Entry> entries) {
            this(member, entries, 0);
        }
    }

    /**
     * What shapes every week: the cap per member (0: none), which posts are featured, and the
     * members' first posts (for "new voices").
     */
    public record Rules(int perMember, Predicate<Entry> featured, Set<Entry> firstPosts,
                        Comparator<Entry> featuredOrder) {
        /** No cap, nothing featured, no new voices: every post in its member's section. */
        public static final Rules NONE = new Rules(0, e -> false, Set.of(), EntryMerger.NEWEST_FIRST);

        public Rules {
            Objects.requireNonNull(featured, "featured");
            firstPosts = Set.copyOf(firstPosts);
            Objects.requireNonNull(featuredOrder, "featuredOrder");
        }
    }

    public Digest {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        sections = List.copyOf(sections);
        featured = List.copyOf(featured);
        newVoices = List.copyOf(newVoices);
    }

    public Digest(ZonedDateTime start, ZonedDateTime end, List<Section> sections) {
        this(start, end, sections, List.of(), List.of());
    }

    /** The last day of the week (Sunday), for headings. */
    public ZonedDateTime lastDay() {
        return end.minusDays(1);
    }

    public boolean isEmpty() {
        return sections.isEmpty() && featured.isEmpty();
    }

    /** How many posts the week had (those shown and those behind "and k more"). */
    public int count() {
        return featured.size() + sections.stream().mapToInt(s -> s.entries().size() + s.more()).sum();
    }

    /** Every post the digest shows (featured ones and each member's), newest first. */
    public List<Entry> entries() {
        return java.util.stream.Stream.concat(featured.stream(), sections.stream().flatMap(s -> s.entries().stream()))
                .sorted(EntryMerger.NEWEST_FIRST).toList();
    }

    /** {@code 2025-03-03}: the week's Monday, for ids and file names. */
    public String key() {
        return start.toLocalDate().toString();
    }

    /** {@code 2025-W11}: the ISO week (its week-based year and number), the archive page's name. */
    public String isoWeek() {
        return String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The week's own page in the digest archive, relative to the hub's root: {@code digest/2025-W11/}. */
    public String path() {
        return "digest/" + isoWeek() + "/";
    }

    /** The week before the one {@code now} falls in. */
    public static Digest lastWeek(List<Member> members, Instant now, ZoneId zone) {
        return lastWeek(members, now, zone, Rules.NONE);
    }

    public static Digest lastWeek(List<Member> members, Instant now, ZoneId zone, Rules rules) {
        ZonedDateTime monday = monday(now, zone);
        return of(members, monday.minusWeeks(1), monday, rules);
    }

    private static ZonedDateTime monday(Instant t, ZoneId zone) {
        return t.atZone(zone).truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * Every complete week that had posts, newest first: the digest archive. A week's digest is
     * made only from the posts dated in it, so it changes only when a post of that week arrives
     * (or the organiser's curation changes).
     */
    public static List<Digest> archive(List<Member> members, Instant now, ZoneId zone, Rules rules) {
        ZonedDateTime current = monday(now, zone);
        java.util.TreeSet<ZonedDateTime> weeks = new java.util.TreeSet<>(Comparator.reverseOrder());
        // each member's entries by week, in their order, found in one pass (not one pass per week)
        Map<ZonedDateTime, List<List<Entry>>> byWeek = new java.util.HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            for (Entry e : members.get(i).entries()) {
                ZonedDateTime week = monday(e.published(), zone);
                if (week.isBefore(current)) {
                    weeks.add(week);
                    List<List<Entry>> perMember = byWeek.computeIfAbsent(week,
                            w -> new ArrayList<>(java.util.Collections.nCopies(members.size(), List.of())));
                    if (perMember.get(i).isEmpty()) {
                        perMember.set(i, new ArrayList<>());
                    }
                    perMember.get(i).add(e);
                }
            }
        }
        return weeks.stream().map(w -> of(members, w, w.plusWeeks(1), rules, byWeek.get(w)::get))
                .filter(d -> !d.isEmpty()).toList();
    }

    /**
     * The most recent complete weeks that had posts, newest first, at most {@code count}; weeks
     * further back than {@code count * 4} weeks are not looked at.
     */
    public static List<Digest> weeks(List<Member> members, Instant now, ZoneId zone, int count) {
        return weeks(members, now, zone, count, Rules.NONE);
    }

    public static List<Digest> weeks(List<Member> members, Instant now, ZoneId zone, int count, Rules rules) {
        List<Digest> out = new ArrayList<>();
        Digest week = lastWeek(members, now, zone, rules);
        for (int i = 0; i < count * 4 && out.size() < count; i++) {
            if (!week.isEmpty()) {
                out.add(week);
            }
            week = of(members, week.start().minusWeeks(1), week.start(), rules);
        }
        return out;
    }

    private static Digest of(List<Member> members, ZonedDateTime start, ZonedDateTime end, Rules rules) {
        Instant from = start.toInstant();
        Instant to = end.toInstant();
        return of(members, start, end, rules, i -> members.get(i).entries().stream()
                .filter(e -> !e.published().isBefore(from) && e.published().isBefore(to)).toList());
    }

    /** The week's digest, {@code inWeekOf} giving the entries of the i-th member dated in it, in their order. */
    private static Digest of(List<Member> members, ZonedDateTime start, ZonedDateTime end, Rules rules,
                             java.util.function.IntFunction<List<Entry>> inWeekOf) {
        Map<String, Section> sections = new LinkedHashMap<>();
        List<Entry> featured = new ArrayList<>();
        List<Entry> newVoices = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            List<Entry> inWeek = inWeekOf.apply(i);
            inWeek.stream().filter(rules.featured()).forEach(featured::add);
            inWeek.stream().filter(rules.firstPosts()::contains).forEach(newVoices::add);
            // featured posts are at the top, not again in their member's section
            List<Entry> rest = inWeek.stream().filter(rules.featured().negate()).toList();
            if (!rest.isEmpty()) {
                int shown = rules.perMember() > 0 ? Math.min(rules.perMember(), rest.size()) : rest.size();
                sections.put(m.id(), new Section(m, rest.subList(0, shown), rest.size() - shown));
            }
        }
        featured.sort(rules.featuredOrder());
        newVoices.sort(EntryMerger.NEWEST_FIRST.reversed());
        return new Digest(start, end, List.copyOf(sections.values()), featured, newVoices);
    }
}
