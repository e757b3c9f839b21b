package org.lateral.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One event as a calendar holds it (a {@code VEVENT}): a site's event, or one read from a member's
 * calendar by the hub. Times are instants (written in UTC, so no time-zone definitions are needed);
 * an all-day event has days instead.
 *
 * @param uid          its id, the same for the life of the event
 * @param summary      its title
 * @param start        when it starts (empty for an all-day event)
 * @param end          when it ends, if known (empty for an all-day event)
 * @param firstDay     an all-day event's first day
 * @param endDay       an all-day event's end: the day after its last (RFC 5545's exclusive end)
 * @param description  what it is, in plain text
 * @param location     where
 * @param url          its page, absolute
 * @param categories   its tags
 * @param cancelled    whether it is cancelled ({@code STATUS:CANCELLED}; else {@code CONFIRMED}, or
 *                     {@code TENTATIVE} when {@code tentative})
 * @param tentative    postponed: the time will change
 * @param sequence     its revision
 * @param lastModified when its page last changed
 */
public record CalendarEntry(String uid, String summary, Optional<Instant> start, Optional<Instant> end,
        Optional<LocalDate> firstDay, Optional<LocalDate> endDay, String description, Optional<String> location,
        Optional<URI> url, List<String> categories, boolean cancelled, boolean tentative, int sequence,
        Optional<Instant> lastModified) {

    public CalendarEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        categories = List.copyOf(categories);
        if (start.isEmpty() == firstDay.isEmpty()) {
            throw new IllegalArgumentException("an entry has a start time or a first day, not both or neither");
        }
    }

    public boolean allDay() {
        return firstDay.isPresent();
    }

    /** When it starts, for ordering: the instant, or the first day's midnight in {@code zone}. */
    public Instant startsAt(java.time.ZoneId zone) {
        return start.orElseGet(() -> firstDay.get().atStartOfDay(zone).toInstant());
    }

    /** When it is over: its end, else its start (all-day: midnight after its last day). */
    public Instant endsAt(java.time.ZoneId zone) {
        if (allDay()) {
            return endDay.orElse(firstDay.get().plusDays(1)).atStartOfDay(zone).toInstant();
        }
        return end.orElse(start.get());
    }
}
