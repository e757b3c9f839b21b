package org.lateral.content;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lateral.Problem;
import org.lateral.config.YamlNode;
import org.lateral.content.EventFields.EventStatus;
import org.lateral.content.EventFields.ProgrammeItem;
import org.lateral.internal.Suggestions;

/**
 * Reads the front matter keys of an event ({@code start}, {@code end} or {@code duration},
 * {@code timezone}, {@code location}, {@code online}, {@code signup}, {@code organisers},
 * {@code status}, {@code sequence}, {@code programme}), with a positioned problem in plain words for
 * each mistake: an end before the start, a time that does not exist because the clocks go forward
 * that night (and a warning for one that happens twice when they go back), an unknown status or
 * time zone with a suggestion. Stateless.
 */
final class EventFieldsParser {

    /** The keys an event has besides those of every post and page. */
    static final Set<String> KEYS = Set.of("start", "end", "duration", "allDay", "timezone", "location", "online",
            "signup", "organisers", "organizers", "organiser", "organizer", "status", "sequence", "programme",
            "program");

    private static final Set<String> PROGRAMME_KEYS = Set.of("time", "speaker", "title", "minutes");
    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+)\\s*d(?:ays?)?)?\\s*(?:(\\d+)\\s*h(?:ours?|rs?)?)?\\s*(?:(\\d+)\\s*m(?:in(?:ute)?s?)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME_ONLY = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?");
    private static final Pattern OFFSET = Pattern.compile("(Z|[+-]\\d{2}:?\\d{2})$");
    private static final DateTimeFormatter SAID = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private EventFieldsParser() {
    }

    /** A time as written: a day, or a day and a time with or without an offset. */
    private record When(LocalDate date, Optional<LocalTime> time, Optional<ZoneOffset> offset) {
    }

    /** The event's fields, or empty when one of them is wrong (each mistake is in {@code problems}). */
    static Optional<EventFields> read(YamlNode root, Path file, ZoneId siteZone, List<Problem> problems) {
        int before = errors(problems);
        if (root.get("date").isPresent()) {
            problems.add(Problem.error(file, root.keyLine("date"), root.keyColumn("date"),
                    "an event has start: (when it begins), not date:",
                    "rename date: to start:, e.g. start: 2030-03-14 16:30"));
        }
        ZoneId zone = siteZone;
        Optional<YamlNode> tz = nonNull(root, "timezone");
        if (tz.isPresent()) {
            String name = tz.get().text().orElse("").strip();
            try {
                zone = ZoneId.of(name);
            } catch (DateTimeException e) {
                Optional<String> near = Suggestions.closest(name, ZoneId.getAvailableZoneIds());
                problems.add(Problem.error(file, tz.get().line(), tz.get().column(),
                        "\"" + name + "\" is not a time zone Lateral knows"
                                + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                        "write a time zone name such as timezone: Europe/London (or leave the line out to use the"
                                + " site's, " + siteZone + ")"));
            }
        }
        Optional<YamlNode> startNode = nonNull(root, "start");
        if (startNode.isEmpty()) {
            problems.add(Problem.error(file, 1, 1, "this event has no start",
                    "add a line such as start: 2030-03-14 16:30 (or start: 2030-09-01 for a whole day) between the"
                            + " --- lines at the top"));
            return Optional.empty();
        }
        Optional<When> start = when(startNode.get(), "start", file, problems);
        Optional<YamlNode> endNode = nonNull(root, "end");
        Optional<YamlNode> durationNode = nonNull(root, "duration");
        if (endNode.isPresent() && durationNode.isPresent()) {
            problems.add(Problem.error(file, durationNode.get().line(), durationNode.get().column(),
                    "this event has both end: and duration:, which may disagree",
                    "keep one of them: end: (when it finishes) or duration: (how long it lasts, e.g. 2h)"));
        }
        Optional<Boolean> allDaySaid = nonNull(root, "allDay").map(n -> n.value() instanceof Boolean b ? b : null);
        nonNull(root, "allDay").filter(n -> !(n.value() instanceof Boolean)).ifPresent(n -> problems.add(
                Problem.error(file, n.line(), n.column(), "allDay must be true or false, not \"" + n.value() + "\"",
                        "write allDay: true, or leave it out: a start: with a date and no time is a whole day")));
        ZonedDateTime startAt = null;
        Optional<ZonedDateTime> endAt = Optional.empty();
        boolean allDay = false;
        if (start.isPresent()) {
            When s = start.get();
            allDay = s.time().isEmpty();
            if (allDaySaid.orElse(false) && !allDay) {
                problems.add(Problem.error(file, startNode.get().line(), startNode.get().column(),
                        "allDay: true, but the start has a time (" + s.time().get() + ")",
                        "write the start as a date alone (start: " + s.date() + ") or delete allDay: true"));
            }
            startAt = at(s, zone, startNode.get(), "start", file, problems);
            if (endNode.isPresent()) {
                endAt = end(endNode.get(), s, startAt, zone, file, problems);
            } else if (durationNode.isPresent()) {
                endAt = duration(durationNode.get(), startAt, allDay, file, problems);
            } else if (allDay && startAt != null) {
                endAt = Optional.of(startAt.toLocalDate().plusDays(1).atStartOfDay(zone));
            } else {
                problems.add(Problem.warning(file, startNode.get().line(), startNode.get().column(),
                        "this event has a start but no end, so calendars will show it as lasting no time at all",
                        "add end: with the time it finishes (e.g. end: " + s.date() + " 18:30) or duration: 2h"));
            }
            if (startAt != null && endAt.isPresent() && !endAt.get().isAfter(startAt)) {
                YamlNode at = endNode.orElse(durationNode.orElse(startNode.get()));
                problems.add(Problem.error(file, at.line(), at.column(), endAt.get().isEqual(startAt)
                        ? "this event ends at the moment it starts (" + said(startAt, allDay) + ")"
                        : "this event ends (" + said(endAt.get(), false) + ") before it starts (" + said(startAt, allDay)
                                + ")",
                        "check the dates and times of start: and end: (an end on the same day can be just the time,"
                                + " e.g. end: 18:30)"));
            }
        }
        Optional<String> location = text(root, "location", file, problems);
        Optional<String> online = address(root, "online", file, problems);
        Optional<String> signup = address(root, "signup", file, problems);
        List<String> organisers = new ArrayList<>();
        for (String key : List.of("organisers", "organizers", "organiser", "organizer")) {
            organisers.addAll(words(root, key, file, problems));
        }
        EventStatus status = EventStatus.SCHEDULED;
        Optional<YamlNode> statusNode = nonNull(root, "status");
        if (statusNode.isPresent()) {
            String word = statusNode.get().text().orElse("");
            Optional<EventStatus> s = statusNode.get().isScalar() ? EventStatus.of(word) : Optional.empty();
            if (s.isPresent()) {
                status = s.get();
            } else {
                List<String> known = java.util.Arrays.stream(EventStatus.values()).map(EventStatus::word).toList();
                Optional<String> near = Suggestions.closest(word.strip().toLowerCase(Locale.ROOT), known);
                problems.add(Problem.error(file, statusNode.get().line(), statusNode.get().column(),
                        "\"" + word + "\" is not an event status" + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                        "write one of " + String.join(", ", known) + " (e.g. status: " + near.orElse("cancelled") + ")"));
            }
        }
        Optional<Integer> sequence = Optional.empty();
        Optional<YamlNode> seq = nonNull(root, "sequence");
        if (seq.isPresent()) {
            if (seq.get().value() instanceof Long l && l >= 0 && l < 1_000_000) {
                sequence = Optional.of(l.intValue());
            } else {
                problems.add(Problem.error(file, seq.get().line(), seq.get().column(),
                        "sequence must be a whole number (0, then 1 after the first change…), not \"" + seq.get().value()
                                + "\"", "write e.g. sequence: 1, or leave the line out"));
            }
        }
        List<ProgrammeItem> programme = new ArrayList<>(programme(root, "programme", file, problems));
        programme.addAll(programme(root, "program", file, problems));
        if (errors(problems) > before || startAt == null) {
            return Optional.empty();
        }
        return Optional.of(new EventFields(startAt, endAt, allDay, zone, location, online, signup, organisers, status,
                sequence, programme));
    }

    private static int errors(List<Problem> problems) {
        return (int) problems.stream().filter(Problem::isError).count();
    }

    private static Optional<YamlNode> nonNull(YamlNode root, String key) {
        return root.get(key).filter(n -> !n.isNull());
    }

    private static Optional<When> when(YamlNode n, String key, Path file, List<Problem> problems) {
        String s = n.isScalar() ? n.text().orElse("").strip() : "";
        try {
            if (s.length() <= 10) {
                return Optional.of(new When(LocalDate.parse(s), Optional.empty(), Optional.empty()));
            }
            Matcher offset = OFFSET.matcher(s);
            if (offset.find()) {
                OffsetDateTime o = OffsetDateTime.parse(s.replace(' ', 'T'));
                return Optional.of(new When(o.toLocalDate(), Optional.of(o.toLocalTime()), Optional.of(o.getOffset())));
            }
            Optional<ZonedDateTime> local = Dates.parse(s, ZoneOffset.UTC);
            if (local.isPresent()) {
                LocalDateTime l = local.get().toLocalDateTime();
                return Optional.of(new When(l.toLocalDate(), Optional.of(l.toLocalTime()), Optional.empty()));
            }
        } catch (DateTimeException e) {
            // explained below
        }
        problems.add(Problem.error(file, n.line(), n.column(), s.isEmpty() ? key + " must be a date, with a time unless"
                        + " the event lasts the whole day" : Dates.explain(s),
                "write e.g. " + key + ": 2030-03-14 16:30 (year-month-day hour:minute), or " + key
                        + ": 2030-09-01 for a whole day"));
        return Optional.empty();
    }

    /** A time as written, in the event's zone; null (with a problem) when the clocks skip it that day. */
    private static ZonedDateTime at(When w, ZoneId zone, YamlNode n, String key, Path file, List<Problem> problems) {
        if (w.time().isEmpty()) {
            return w.date().atStartOfDay(zone);
        }
        LocalDateTime local = LocalDateTime.of(w.date(), w.time().get());
        if (w.offset().isPresent()) {
            return local.atOffset(w.offset().get()).atZoneSameInstant(zone);
        }
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            problems.add(Problem.error(file, n.line(), n.column(),
                    "there is no " + HM.format(local) + " on " + SAID.format(local) + " in " + zone
                            + ": the clocks go forward from " + HM.format(gap.getDateTimeBefore()) + " to "
                            + HM.format(gap.getDateTimeAfter()) + " that night",
                    "choose a time from " + HM.format(gap.getDateTimeAfter()) + " on, e.g. " + key + ": " + w.date() + " "
                            + HM.format(local.plus(gap.getDuration()))));
            return null;
        }
        if (offsets.size() > 1) {
            ZoneOffsetTransition overlap = rules.getTransition(local);
            problems.add(Problem.warning(file, n.line(), n.column(),
                    HM.format(local) + " on " + SAID.format(local) + " happens twice in " + zone + " (the clocks go back"
                            + " from " + HM.format(overlap.getDateTimeBefore()) + " to "
                            + HM.format(overlap.getDateTimeAfter()) + "); Lateral takes the first, before the change ("
                            + offsets.get(0) + ")",
                    "to mean the second, write the offset after the time: " + key + ": " + w.date() + " " + HM.format(local)
                            + offsets.get(1).getId().replace("Z", "+00:00")));
        }
        return local.atZone(zone);
    }

    private static Optional<ZonedDateTime> end(YamlNode n, When start, ZonedDateTime startAt, ZoneId zone, Path file,
            List<Problem> problems) {
        String s = n.isScalar() ? n.text().orElse("").strip() : "";
        Optional<When> end;
        if (TIME_ONLY.matcher(s).matches()) {
            try {
                end = Optional.of(new When(start.date(), Optional.of(LocalTime.parse(s.length() == 4 ? "0" + s : s)),
                        Optional.empty()));
            } catch (DateTimeException e) {
                problems.add(Problem.error(file, n.line(), n.column(), "the time \"" + s + "\" cannot be read",
                        "write the time as hour:minute on the 24-hour clock, e.g. end: 18:30"));
                return Optional.empty();
            }
        } else {
            end = when(n, "end", file, problems);
        }
        if (end.isEmpty() || startAt == null) {
            return Optional.empty();
        }
        boolean allDay = start.time().isEmpty();
        if (allDay != end.get().time().isEmpty()) {
            problems.add(Problem.error(file, n.line(), n.column(), allDay
                            ? "the event starts on a day without a time (a whole day), but its end has a time"
                            : "the event starts at a time, but its end is a day without a time",
                    allDay ? "write the last day alone, e.g. end: " + start.date().plusDays(1)
                            : "write the time it ends too, e.g. end: " + end.get().date() + " 18:30"));
            return Optional.empty();
        }
        if (allDay) {
            // teachers write the last day; calendars want the day after it
            return Optional.of(end.get().date().plusDays(1).atStartOfDay(zone));
        }
        return Optional.ofNullable(at(end.get(), zone, n, "end", file, problems));
    }

    private static Optional<ZonedDateTime> duration(YamlNode n, ZonedDateTime startAt, boolean allDay, Path file,
            List<Problem> problems) {
        String s = n.isScalar() ? n.text().orElse("").strip() : "";
        Optional<Duration> d = Optional.empty();
        Matcher m = DURATION.matcher(s);
        if (!s.isEmpty() && m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
            d = Optional.of(Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2)))
                    .plusMinutes(number(m.group(3))));
        } else if (s.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                d = Optional.of(Duration.parse(s.toUpperCase(Locale.ROOT)));
            } catch (DateTimeException e) {
                // explained below
            }
        }
        if (d.isEmpty() || d.get().isZero() || d.get().isNegative()) {
            problems.add(Problem.error(file, n.line(), n.column(),
                    "the duration \"" + s + "\" cannot be read" + (n.value() instanceof Long ? " (minutes or hours?)" : ""),
                    "write how long it lasts with h for hours and m for minutes, e.g. duration: 2h or duration: 1h30m"
                            + " (duration: 2d for two whole days)"));
            return Optional.empty();
        }
        if (startAt == null) {
            return Optional.empty();
        }
        if (allDay) {
            if (d.get().toSeconds() % 86_400 != 0) {
                problems.add(Problem.error(file, n.line(), n.column(),
                        "a whole-day event lasts whole days, not \"" + s + "\"",
                        "write duration: 1d (or 2d…), or give the start a time, e.g. start: " + startAt.toLocalDate()
                                + " 09:00"));
                return Optional.empty();
            }
            return Optional.of(startAt.toLocalDate().plusDays(d.get().toDays()).atStartOfDay(startAt.getZone()));
        }
        // an elapsed time: a two-hour event across the clock change still lasts two hours
        return Optional.of(startAt.plus(d.get()));
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static String said(ZonedDateTime t, boolean allDay) {
        return allDay ? SAID.format(t) : HM.format(t) + " on " + SAID.format(t);
    }

    private static Optional<String> text(YamlNode root, String key, Path file, List<Problem> problems) {
        Optional<YamlNode> n = nonNull(root, key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (!n.get().isScalar()) {
            problems.add(Problem.error(file, n.get().line(), n.get().column(), key + " must be a single piece of text",
                    "write it on one line, e.g. " + key + ": \"Library, Cwm Eithin High School\""));
            return Optional.empty();
        }
        return n.get().text().map(String::strip).filter(t -> !t.isEmpty());
    }

    private static Optional<String> address(YamlNode root, String key, Path file, List<Problem> problems) {
        Optional<String> t = text(root, key, file, problems);
        if (t.isEmpty()) {
            return t;
        }
        String s = t.get();
        boolean ok;
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            ok = (scheme.equals("https") || scheme.equals("http")) && u.getHost() != null
                    || scheme.equals("mailto") && s.length() > 7;
        } catch (java.net.URISyntaxException e) {
            ok = false;
        }
        if (!ok) {
            YamlNode n = root.get(key).get();
            problems.add(Problem.error(file, n.line(), n.column(), key + " must be a web address, not \"" + s + "\"",
                    "write the whole address, starting https://, e.g. " + key + ": https://forms.example.org/teachmeet"));
            return Optional.empty();
        }
        return t;
    }

    private static List<String> words(YamlNode root, String key, Path file, List<Problem> problems) {
        Optional<YamlNode> n = nonNull(root, key);
        if (n.isEmpty()) {
            return List.of();
        }
        if (n.get().isMap() || n.get().isList() && n.get().asList().stream().anyMatch(i -> !i.isScalar())) {
            problems.add(Problem.error(file, n.get().line(), n.get().column(),
                    key + " must be a list of names or author ids", "write e.g. " + key + ": [llyr, \"Siân Prydderch\"]"));
            return List.of();
        }
        return n.get().textList().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<ProgrammeItem> programme(YamlNode root, String key, Path file, List<Problem> problems) {
        Optional<YamlNode> n = nonNull(root, key);
        if (n.isEmpty()) {
            return List.of();
        }
        if (!n.get().isList()) {
            problems.add(Problem.error(file, n.get().line(), n.get().column(),
                    key + " must be a list, one item per line",
                    "write each item on its own line starting with - , e.g. - { time: \"16:40\", speaker: \"Siân\","
                            + " title: \"Talk partners\", minutes: 7 }"));
            return List.of();
        }
        List<ProgrammeItem> out = new ArrayList<>();
        for (YamlNode item : n.get().asList()) {
            if (item.isScalar()) {
                item.text().map(String::strip).filter(s -> !s.isEmpty())
                        .ifPresent(t -> out.add(new ProgrammeItem("", "", t, Optional.empty())));
                continue;
            }
            if (!item.isMap()) {
                problems.add(Problem.error(file, item.line(), item.column(), "this programme item is a list inside a list",
                        "write it as - { time: \"16:40\", speaker: \"…\", title: \"…\", minutes: 7 }"));
                continue;
            }
            boolean ok = true;
            for (Map.Entry<String, YamlNode> e : item.asMap().entrySet()) {
                if (!PROGRAMME_KEYS.contains(e.getKey())) {
                    Optional<String> near = Suggestions.closest(e.getKey(), PROGRAMME_KEYS);
                    problems.add(Problem.error(file, item.keyLine(e.getKey()), item.keyColumn(e.getKey()),
                            "a programme item has no \"" + e.getKey() + "\"" + near.map(x -> "; did you mean `" + x + "`?")
                                    .orElse(""), "use time, speaker, title and minutes"));
                    ok = false;
                }
            }
            String title = item.get("title").flatMap(YamlNode::text).map(String::strip).orElse("");
            if (title.isEmpty()) {
                problems.add(Problem.error(file, item.line(), item.column(), "this programme item has no title",
                        "add title: \"…\" (what the talk or activity is)"));
                ok = false;
            }
            Optional<Integer> minutes = Optional.empty();
            Optional<YamlNode> m = item.get("minutes").filter(x -> !x.isNull());
            if (m.isPresent()) {
                if (m.get().value() instanceof Long l && l > 0 && l < 10_000) {
                    minutes = Optional.of(l.intValue());
                } else {
                    problems.add(Problem.error(file, m.get().line(), m.get().column(),
                            "minutes must be a whole number, not \"" + m.get().value() + "\"", "write e.g. minutes: 7"));
                    ok = false;
                }
            }
            if (ok) {
                out.add(new ProgrammeItem(item.get("time").flatMap(YamlNode::text).map(String::strip).orElse(""),
                        item.get("speaker").flatMap(YamlNode::text).map(String::strip).orElse(""), title, minutes));
            }
        }
        return out;
    }
}
