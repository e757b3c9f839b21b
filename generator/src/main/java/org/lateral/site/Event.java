package org.lateral.site;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lateral.content.EventFields.ProgrammeItem;

/**
 * One event of the site (a TeachMeet, an INSET day, a learning round): its page and everything
 * about when and where it happens. Immutable; templates see it as {@code event} on its page, and
 * through {@code site.eventOf(page)} on a post that writes it up.
 *
 * @param page       its page ({@link org.lateral.plan.Kind#EVENT}); its {@code date} is the start
 * @param name       the event file's name ({@code 2030-03-14-teachmeet-cwm}), which posts' {@code event:} names
 * @param start      when it starts, in its own time zone
 * @param end        when it ends (for an all-day event: midnight after its last day), if known
 * @param allDay     whether it lasts whole days
 * @param zone       its time zone
 * @param location   where, in words
 * @param online     the address to join online
 * @param signup     where to sign up
 * @param organisers who organises it
 * @param status     {@code scheduled}, {@code cancelled}, {@code postponed}, {@code rescheduled} or {@code moved-online}
 * @param programme  its running order
 * @param writeUps   the posts that write it up, oldest first
 * @param uid        its calendar id, the same for the life of the event ({@code name@host})
 * @param sequence   its calendar revision: {@code sequence:} as written, else 0 (1 once no longer scheduled)
 * @param calendarUrl  its own {@code .ics} (the "add to calendar" file), relative URL
 * @param calendarPath that file, relative to the output folder
 * @param upcoming   whether it has not ended when the site was built
 */
public record Event(Page page, String name, ZonedDateTime start, Optional<ZonedDateTime> end, boolean allDay,
        ZoneId zone, Optional<String> location, Optional<String> online, Optional<String> signup,
        List<Author> organisers, String status, List<ProgrammeItem> programme, List<Page> writeUps, String uid,
        int sequence, String calendarUrl, String calendarPath, boolean upcoming) {

    public Event {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(start, "start");
        organisers = List.copyOf(organisers);
        programme = List.copyOf(programme);
        writeUps = List.copyOf(writeUps);
    }

    /** The same event with its write-ups. */
    Event withWriteUps(List<Page> posts) {
        return new Event(page, name, start, end, allDay, zone, location, online, signup, organisers, status, programme,
                posts, uid, sequence, calendarUrl, calendarPath, upcoming);
    }

    public boolean cancelled() {
        return status.equals("cancelled");
    }

    /** Whether it is in the site's time zone (else pages say which zone its times are in). */
    public boolean inZone(ZoneId siteZone) {
        return zone.getRules().equals(siteZone.getRules());
    }

    /** {@code offline}, {@code online} or {@code mixed} (schema.org's attendance modes). */
    public String attendance() {
        if (online.isPresent() && location.isPresent()) {
            return "mixed";
        }
        return online.isPresent() || status.equals("moved-online") ? "online" : "offline";
    }

    /** The last day it covers (for an all-day event, the day before its exclusive end). */
    public LocalDate lastDay() {
        ZonedDateTime e = end.orElse(start);
        return allDay && e.isAfter(start) ? e.toLocalDate().minusDays(1) : e.toLocalDate();
    }

    /** Whether it starts and ends on one day. */
    public boolean oneDay() {
        return lastDay().equals(start.toLocalDate());
    }

    /** Its start for machines: {@code 2030-03-14T16:30:00Z} with its offset, or the day alone when all-day. */
    public String isoStart() {
        return allDay ? start.toLocalDate().toString()
                : start.toOffsetDateTime().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Its end for machines (an all-day event: its last day); empty when not known. */
    public String isoEnd() {
        if (allDay) {
            return lastDay().toString();
        }
        return end.map(e -> e.toOffsetDateTime().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .orElse("");
    }

    /** Its length for machines ({@code PT2H}); empty when its end is not known or it is all-day. */
    public String isoDuration() {
        return allDay ? "" : end.map(e -> java.time.Duration.between(start, e).toString()).orElse("");
    }

    /** When it ends, or starts when its end is not known: what "past" is measured by. */
    public ZonedDateTime over() {
        return end.orElse(start);
    }
}
