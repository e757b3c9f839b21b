package org.lateral.aggregate.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds really contain, when Rome could not: RFC 822 with or without the day name,
 * one-digit days, two-digit years, named or numeric zones, "UT"/"Z", trailing comments; ISO 8601
 * with or without seconds, fraction, zone or "T"; a bare date. A date without a zone is UTC.
 * Unreadable text gives an empty result, never an exception.
 */
public final class LenientDates {

    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"), Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"), Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"),
            Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"), Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"),
            Map.entry("BST", "+0100"), Map.entry("IST", "+0100"), Map.entry("CET", "+0100"), Map.entry("CEST", "+0200"),
            Map.entry("EET", "+0200"), Map.entry("EEST", "+0300"), Map.entry("WET", "+0000"), Map.entry("WEST", "+0100"),
            Map.entry("AEST", "+1000"), Map.entry("AEDT", "+1100"), Map.entry("NZST", "+1200"),
            Map.entry("NZDT", "+1300"));

    private static final Pattern RFC822 = Pattern.compile(
            "^(?:[A-Za-z]{2,9},?\\s+)?(\\d{1,2})[\\s\\-]+([A-Za-z]{3,9})\\.?[\\s\\-]+(\\d{2,4})(?!\\d)"
                    + "(?:[\\sT]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?\\s*([A-Za-z]{1,5}|[+\\-]\\d{2}:?\\d{2})?");
    private static final Pattern GMT_OFFSET = Pattern.compile("(?i)\\s*(?:GMT|UTC)([+\\-]\\d{1,2})(?::?(\\d{2}))?$");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private static final DateTimeFormatter ISO_LOOSE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private LenientDates() {
    }

    public static Optional<Instant> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip().replaceAll("\\s+", " ");
        if (text.isEmpty() || text.length() > 100) {
            return Optional.empty();
        }
        return iso(text).or(() -> rfc822(text));
    }

    private static Optional<Instant> iso(String text) {
        if (!Character.isDigit(text.charAt(0))) {
            return Optional.empty();
        }
        String fixed = text.replaceFirst("(?i)\\s*(UTC|GMT)$", "Z");
        try {
            var parsed = ISO_LOOSE.parseBest(fixed, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof OffsetDateTime) {
                return Optional.of(((OffsetDateTime) parsed).toInstant());
            }
            if (parsed instanceof LocalDateTime) {
                return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
            }
            return Optional.of(((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> rfc822(String text) {
        String cleaned = text.replaceAll("\\(.*\\)$", "").strip();
        Matcher gmt = GMT_OFFSET.matcher(cleaned);
        ZoneOffset gmtOffset = null;
        if (gmt.find()) {
            int hours = Integer.parseInt(gmt.group(1));
            int minutes = gmt.group(2) == null ? 0 : Integer.parseInt(gmt.group(2));
            try {
                gmtOffset = ZoneOffset.ofHoursMinutes(hours, hours < 0 ? -minutes : minutes);
            } catch (DateTimeException e) {
                return Optional.empty();
            }
            cleaned = cleaned.substring(0, gmt.start());
        }
        Matcher m = RFC822.matcher(cleaned);
        if (!m.find()) {
            return Optional.empty();
        }
        int month = MONTHS.indexOf(m.group(2).substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
        if (month == 0) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            year += year < 70 ? 2000 : 1900;
        } else if (m.group(3).length() != 4) {
            return Optional.empty();
        }
        try {
            int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            LocalDateTime local = LocalDateTime.of(year, month, Integer.parseInt(m.group(1)), hour, minute, second);
            ZoneId zone = gmtOffset != null ? gmtOffset : zone(m.group(7));
            return Optional.of(ZonedDateTime.of(local, zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static ZoneId zone(String name) {
        if (name == null) {
            return ZoneOffset.UTC;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        String offset = upper.startsWith("+") || upper.startsWith("-") ? upper : ZONES.get(upper);
        if (offset == null) {
            return ZoneOffset.UTC; // military single letters and unknown abbreviations
        }
        return ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
    }
}
