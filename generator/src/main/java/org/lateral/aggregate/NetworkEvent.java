package org.lateral.aggregate;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of the network calendar: read from a member's calendar, shown on the hub's events page
 * and digest, and written again into the hub's {@code events/calendar.ics} with its own UID.
 *
 * @param uid       the event's id in its member's calendar (duplicates across members are merged by it)
 * @param title     its summary
 * @param start     when it starts, in the hub's time zone (an all-day event: its first day's midnight)
 * @param end       when it ends, if known (an all-day event: midnight after its last day)
 * @param allDay    whether it lasts whole days
 * @param lastDay   the last day it covers
 * @param location  where, as the member's calendar says
 * @param url       its page on the member's site ({@code http(s)} only)
 * @param cancelled whether it is cancelled
 * @param member    the member whose calendar has it
 * @param memberUrl the member's page on the hub, relative to its root ({@code members/ann/})
 * @param entry     the event as read, for the hub's own calendar
 */
public record NetworkEvent(String uid, String title, ZonedDateTime start, Optional<ZonedDateTime> end, boolean allDay,
        LocalDate lastDay, Optional<String> location, Optional<String> url, boolean cancelled, String member,
        String memberUrl, org.lateral.calendar.CalendarEntry entry) {

    public NetworkEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(member, "member");
    }

    /** Its start for machines ({@code <time datetime>}): the day for an all-day event. */
    public String isoStart() {
        return allDay ? start.toLocalDate().toString()
                : start.toOffsetDateTime().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Whether it starts and ends on one day. */
    public boolean oneDay() {
        return lastDay.equals(start.toLocalDate());
    }

    /** Its last day's midnight, for showing the day in words. */
    public ZonedDateTime lastDayAt() {
        return lastDay.atStartOfDay(start.getZone());
    }

    /** Its categories (tags). */
    public List<String> categories() {
        return entry.categories();
    }
}
