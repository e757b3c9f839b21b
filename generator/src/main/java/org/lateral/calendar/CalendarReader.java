package org.lateral.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;

/**
 * Reads an iCalendar file from elsewhere (a member's calendar, for the hub) into
 * {@link CalendarEntry}s: events with a {@code UID}, a {@code SUMMARY} and a {@code DTSTART};
 * anything else is left out and counted. The bytes were fetched under the hub's size cap and
 * deadline; ical4j parses them without following anything they point to (time-zone updates are off
 * by default, and no {@code TZURL} or {@code ATTACH} is fetched). Floating times are read in the
 * hub's time zone. Addresses other than {@code http(s)} are dropped.
 */
public final class CalendarReader {

    /** The most events read from one calendar. */
    public static final int MAX_EVENTS = 500;

    private CalendarReader() {
    }

    /** What a calendar held: its events, and how many VEVENTs could not be used. */
    public record Read(List<CalendarEntry> entries, int skipped) {
        public Read {
            entries = List.copyOf(entries);
        }
    }

    /** @throws IOException when the bytes are not an iCalendar file (the message says why, in plain words) */
    public static Read read(byte[] bytes, ZoneId zone) throws IOException {
        Calendar cal;
        try {
            cal = new CalendarBuilder().build(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (ParserException | RuntimeException e) {
            throw new IOException("it is not an iCalendar (.ics) file that can be read", e);
        }
        List<CalendarEntry> out = new ArrayList<>();
        int skipped = 0;
        for (VEvent v : cal.<VEvent>getComponents("VEVENT")) {
            if (out.size() >= MAX_EVENTS) {
                skipped++;
                continue;
            }
            try {
                Optional<CalendarEntry> e = entry(v, zone);
                if (e.isPresent()) {
                    out.add(e.get());
                } else {
                    skipped++;
                }
            } catch (RuntimeException e) {
                skipped++;
            }
        }
        return new Read(out, skipped);
    }

    private static Optional<CalendarEntry> entry(VEvent v, ZoneId zone) {
        String uid = text(v, "UID");
        String summary = text(v, "SUMMARY");
        Optional<DtStart<Temporal>> start = v.getStartDate();
        if (uid.isBlank() || summary.isBlank() || start.isEmpty()) {
            return Optional.empty();
        }
        Temporal s = start.get().getDate();
        Optional<Temporal> e = v.<Temporal>getEndDate(true).map(DtEnd::getDate);
        boolean allDay = s instanceof LocalDate;
        Optional<URI> url = Optional.of(text(v, "URL")).filter(u -> !u.isBlank()).flatMap(CalendarReader::web);
        String status = text(v, "STATUS").toUpperCase(Locale.ROOT);
        List<String> categories = new ArrayList<>();
        v.getProperties("CATEGORIES").forEach(p -> {
            for (String c : p.getValue().split(",")) {
                if (!c.isBlank()) {
                    categories.add(c.strip().replace("\\", ""));
                }
            }
        });
        int sequence = 0;
        try {
            sequence = Integer.parseInt(text(v, "SEQUENCE").strip());
        } catch (NumberFormatException ignored) {
            // no sequence: 0
        }
        Optional<String> location = Optional.of(text(v, "LOCATION")).filter(l -> !l.isBlank());
        if (allDay) {
            LocalDate first = (LocalDate) s;
            Optional<LocalDate> end = e.filter(LocalDate.class::isInstance).map(LocalDate.class::cast)
                    .filter(d -> d.isAfter(first));
            return Optional.of(new CalendarEntry(uid, summary, Optional.empty(), Optional.empty(), Optional.of(first),
                    end, text(v, "DESCRIPTION"), location, url, categories, status.equals("CANCELLED"),
                    status.equals("TENTATIVE"), sequence, Optional.empty()));
        }
        Optional<Instant> from = instant(s, zone);
        if (from.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> to = e.flatMap(t -> instant(t, zone)).filter(t -> t.isAfter(from.get()));
        return Optional.of(new CalendarEntry(uid, summary, from, to, Optional.empty(), Optional.empty(),
                text(v, "DESCRIPTION"), location, url, categories, status.equals("CANCELLED"), status.equals("TENTATIVE"),
                sequence, Optional.empty()));
    }

    private static Optional<Instant> instant(Temporal t, ZoneId zone) {
        if (t instanceof Instant i) {
            return Optional.of(i);
        }
        if (t instanceof ZonedDateTime z) {
            return Optional.of(z.toInstant());
        }
        if (t instanceof OffsetDateTime o) {
            return Optional.of(o.toInstant());
        }
        if (t instanceof LocalDateTime l) {
            return Optional.of(l.atZone(zone).toInstant());
        }
        return Optional.empty();
    }

    private static String text(VEvent v, String name) {
        return v.getProperty(name).map(Property::getValue).map(String::strip).orElse("");
    }

    private static Optional<URI> web(String s) {
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && u.getHost() != null ? Optional.of(u)
                    : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
