package org.lateral.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads front matter dates: {@code 2024-03-05} (midnight in the site's time zone),
 * {@code 2024-03-05 14:30}, {@code 2024-03-05T14:30:00}, and either with an offset
 * ({@code +01:00}, {@code Z}). Thread-safe.
 */
public final class Dates {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:?\\d{2}$");
    private static final Pattern YMD = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private Dates() {
    }

    /** The date, or empty when it cannot be read (see {@link #explain} for why). */
    public static Optional<ZonedDateTime> parse(String text, ZoneId zone) {
        String s = text.strip();
        try {
            if (s.length() <= 10) {
                return Optional.of(LocalDate.parse(s).atStartOfDay(zone));
            }
            if (s.endsWith("Z") || OFFSET.matcher(s).find()) {
                String iso = s.replace(' ', 'T');
                return Optional.of(OffsetDateTime.parse(iso).atZoneSameInstant(zone));
            }
            return Optional.of(LocalDateTime.parse(s, LOCAL).atZone(zone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Why a date could not be read, in plain words. */
    public static String explain(String text) {
        Matcher m = YMD.matcher(text.strip());
        if (m.lookingAt()) {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            if (month < 1 || month > 12) {
                return "the date \"" + text + "\" has no month " + month
                        + " (dates are written year-month-day)";
            }
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                return "the date \"" + text + "\" does not exist: " + java.time.Month.of(month)
                        .getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH) + " " + year
                        + " has no day " + day;
            }
            try {
                LocalDateTime.parse(text.strip(), LOCAL);
            } catch (DateTimeParseException e) {
                return "the time in \"" + text + "\" cannot be read";
            }
        }
        return "the date \"" + text + "\" cannot be read";
    }
}
