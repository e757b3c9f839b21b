package org.lateral.content;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an event's front matter ({@code content/events/*.md}) says about when, where and how it
 * happens, read and checked once by {@link EventFieldsParser}.
 *
 * @param start      when it starts, in its time zone; midnight of the first day for an all-day event
 * @param end        when it ends (exclusive for an all-day event: midnight after its last day); empty
 *                   when the front matter gives neither {@code end:} nor {@code duration:}
 * @param allDay     whether it lasts whole days (a date without a time: an INSET day)
 * @param zone       its time zone ({@code timezone:}, else the site's)
 * @param location   where it happens, in words; empty for an online-only event
 * @param online     the address to join it online; with a location, attendance is mixed
 * @param signup     where to sign up
 * @param organisers author ids or names, as written
 * @param status     scheduled, cancelled, postponed, rescheduled or moved online
 * @param sequence   the {@code sequence:} written, if any (raised by hand when details change)
 * @param programme  its running order
 */
public record EventFields(ZonedDateTime start, Optional<ZonedDateTime> end, boolean allDay, ZoneId zone,
        Optional<String> location, Optional<String> online, Optional<String> signup, List<String> organisers,
        EventStatus status, Optional<Integer> sequence, List<ProgrammeItem> programme) {

    public EventFields {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(status, "status");
        organisers = List.copyOf(organisers);
        programme = List.copyOf(programme);
    }

    /** What an event's status can be, with the words teachers write for it. */
    public enum EventStatus {
        SCHEDULED("scheduled"), CANCELLED("cancelled"), POSTPONED("postponed"), RESCHEDULED("rescheduled"),
        MOVED_ONLINE("moved-online");

        private final String word;

        EventStatus(String word) {
            this.word = word;
        }

        /** The word written in front matter ({@code moved-online}). */
        public String word() {
            return word;
        }

        public static Optional<EventStatus> of(String word) {
            String w = word.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '-').replace('_', '-');
            if (w.equals("canceled")) {
                w = "cancelled";
            }
            for (EventStatus s : values()) {
                if (s.word.equals(w)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One item of the programme.
     *
     * @param time    its start, as written ({@code 16:40}); may be empty
     * @param speaker who gives it; may be empty
     * @param title   what it is
     * @param minutes how long it lasts, if said
     */
    public record ProgrammeItem(String time, String speaker, String title, Optional<Integer> minutes) {
        public ProgrammeItem {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(title, "title");
        }
    }

    /** How long it lasts, when its end is known. */
    public Optional<Duration> duration() {
        return end.map(e -> Duration.between(start, e));
    }
}
