package org.lateral.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;

class CalendarWriterTest {

    static final Instant STAMP = Instant.parse("2030-01-01T00:00:00Z");

    static CalendarEntry welsh() {
        return new CalendarEntry("a@example.org", "Cyfarfod: ŵ ŷ â ê î ô û ŵ ŷ â ê î ô û ŵ ŷ â ê î ô û ŵ ŷ â ê î ô û, a; b \\ c",
                Optional.of(Instant.parse("2030-03-14T16:30:00Z")), Optional.of(Instant.parse("2030-03-14T18:30:00Z")),
                Optional.empty(), Optional.empty(), "Line one\nline two, with a comma", Optional.of("Neuadd; Cwm"),
                Optional.of(URI.create("https://example.org/events/a/")), List.of("teachmeet", "a, b"), false, false, 0,
                Optional.empty());
    }

    @Test
    void linesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        String text = new String(CalendarWriter.write("Cymru", List.of(welsh()), STAMP), StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n").doesNotContain("\r\n\r\n");
        String[] lines = text.split("\r\n");
        assertThat(lines).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(" ")); // the summary was folded
        // unfolding gives the text back, so no character was split
        assertThat(text.replace("\r\n ", "")).contains(
                "SUMMARY:Cyfarfod: ŵ ŷ â ê î ô û ŵ ŷ â ê î ô û ŵ ŷ â ê î ô û ŵ ŷ â ê î ô û\\, a\\; b \\\\ c\r\n");
    }

    @Test
    void textIsEscapedAndTheFileValidates() throws Exception {
        String text = new String(CalendarWriter.write("Cymru", List.of(welsh()), STAMP), StandardCharsets.UTF_8);
        String unfolded = text.replace("\r\n ", "");
        assertThat(unfolded).contains("DESCRIPTION:Line one\\nline two\\, with a comma\r\n")
                .contains("LOCATION:Neuadd\\; Cwm\r\n").contains("CATEGORIES:teachmeet,a\\, b\r\n")
                .contains("DTSTART:20300314T163000Z\r\n").contains("DTSTAMP:20300101T000000Z\r\n")
                .contains("STATUS:CONFIRMED\r\n").contains("SEQUENCE:0\r\n").doesNotContain("TZID");
        Calendar cal = new CalendarBuilder().build(new StringReader(text));
        assertThat(cal.validate().getEntries()).isEmpty();
    }

    @Test
    void aWholeDayHasDatesAndTheDayAfterAsItsEnd() throws Exception {
        CalendarEntry inset = new CalendarEntry("inset@example.org", "INSET", Optional.empty(), Optional.empty(),
                Optional.of(LocalDate.of(2030, 9, 2)), Optional.of(LocalDate.of(2030, 9, 3)), "", Optional.empty(),
                Optional.empty(), List.of(), true, false, 1, Optional.empty());
        String text = new String(CalendarWriter.write("School", List.of(inset), STAMP), StandardCharsets.UTF_8);
        assertThat(text).contains("DTSTART;VALUE=DATE:20300902\r\n").contains("DTEND;VALUE=DATE:20300903\r\n")
                .contains("STATUS:CANCELLED\r\n").contains("SEQUENCE:1\r\n");
        assertThat(new CalendarBuilder().build(new StringReader(text)).validate().getEntries()).isEmpty();
    }

    @Test
    void whatIsWrittenReadsBack() throws Exception {
        byte[] bytes = CalendarWriter.write("Cymru", List.of(welsh()), STAMP);
        CalendarReader.Read read = CalendarReader.read(bytes, ZoneId.of("Europe/London"));
        assertThat(read.skipped()).isZero();
        CalendarEntry back = read.entries().get(0);
        assertThat(back.uid()).isEqualTo("a@example.org");
        assertThat(back.summary()).isEqualTo(welsh().summary());
        assertThat(back.start()).isEqualTo(welsh().start());
        assertThat(back.end()).isEqualTo(welsh().end());
        assertThat(back.location()).contains("Neuadd; Cwm");
        assertThat(back.url()).contains(URI.create("https://example.org/events/a/"));
    }

    @Test
    void theReaderUsesTimeZonesFloatingTimesAndDropsWhatItCannotUse() throws Exception {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x",
                "BEGIN:VEVENT", "UID:1", "DTSTAMP:20300101T000000Z", "DTSTART;TZID=Europe/London:20300601T160000",
                "DTEND;TZID=Europe/London:20300601T170000", "SUMMARY:Summer time", "URL:javascript:alert(1)", "END:VEVENT",
                "BEGIN:VEVENT", "UID:2", "DTSTAMP:20300101T000000Z", "DTSTART:20300101T090000", "DURATION:PT1H",
                "SUMMARY:Floating", "END:VEVENT",
                "BEGIN:VEVENT", "DTSTAMP:20300101T000000Z", "DTSTART:20300101T090000Z", "SUMMARY:No UID", "END:VEVENT",
                "END:VCALENDAR", "");
        CalendarReader.Read read = CalendarReader.read(ics.getBytes(StandardCharsets.UTF_8), ZoneId.of("Europe/London"));
        assertThat(read.skipped()).isEqualTo(1);
        assertThat(read.entries().get(0).start()).contains(Instant.parse("2030-06-01T15:00:00Z"));
        assertThat(read.entries().get(0).url()).isEmpty();
        assertThat(read.entries().get(1).start()).contains(Instant.parse("2030-01-01T09:00:00Z"));
        assertThat(read.entries().get(1).end()).contains(Instant.parse("2030-01-01T10:00:00Z"));
    }
}
