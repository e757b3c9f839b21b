package org.lateral.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Writes an iCalendar file (RFC 5545) with ical4j: {@code VERSION:2.0}, a {@code PRODID}, one
 * {@code VEVENT} per entry with {@code UID}, {@code DTSTAMP}, {@code SEQUENCE} and {@code STATUS};
 * times in UTC ({@code 20300314T163000Z}), all-day events as {@code VALUE=DATE} with the exclusive
 * end; text escaped by ical4j; lines ending in CRLF and folded at 75 octets without splitting a
 * UTF-8 character ({@link Folding}: ical4j folds at 75 characters). Thread-safe.
 */
public final class CalendarWriter {

    static final String PRODID = "-//Lateral//Lateral events//EN";

    private CalendarWriter() {
    }

    /**
     * @param name    the calendar's name for subscribers ({@code X-WR-CALNAME}), e.g. the site's title
     * @param stamp   when the file was made ({@code DTSTAMP} of every event): the build time
     */
    public static byte[] write(String name, List<CalendarEntry> entries, Instant stamp) {
        Calendar cal = new Calendar();
        cal.add(new ProdId(PRODID));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(new XProperty("X-WR-CALNAME", name));
        for (CalendarEntry e : entries) {
            cal.add(event(e, stamp));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false, Integer.MAX_VALUE).output(cal, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("ical4j refused a calendar Lateral made", e);
        }
        return Folding.fold(out.toString()).getBytes(StandardCharsets.UTF_8);
    }

    private static VEvent event(CalendarEntry e, Instant stamp) {
        VEvent v = new VEvent(false);
        v.add(new Uid(e.uid()));
        v.add(new DtStamp(stamp));
        if (e.allDay()) {
            v.add(new DtStart<>(e.firstDay().get()));
            v.add(new DtEnd<>(e.endDay().orElse(e.firstDay().get().plusDays(1))));
        } else {
            v.add(new DtStart<>(e.start().get()));
            e.end().ifPresent(end -> v.add(new DtEnd<>(end)));
        }
        v.add(new Summary(e.summary()));
        if (!e.description().isBlank()) {
            v.add(new Description(e.description()));
        }
        e.location().ifPresent(l -> v.add(new Location(l)));
        e.url().ifPresent(u -> v.add(new Url(u)));
        if (!e.categories().isEmpty()) {
            v.add(new Categories(new TextList(e.categories().toArray(String[]::new))));
        }
        Property status = e.cancelled() ? ImmutableStatus.VEVENT_CANCELLED
                : e.tentative() ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED;
        v.add(status);
        v.add(new Sequence(e.sequence()));
        e.lastModified().ifPresent(t -> v.add(new LastModified(t)));
        return v;
    }
}
