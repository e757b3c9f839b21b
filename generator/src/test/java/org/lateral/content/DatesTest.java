package org.lateral.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DatesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void readsTheUsualForms() {
        assertThat(Dates.parse("2024-03-05", LONDON).get().getHour()).isZero();
        assertThat(Dates.parse("2024-03-05 14:30", LONDON).get().getHour()).isEqualTo(14);
        assertThat(Dates.parse("2024-03-05T14:30:10", LONDON).get().getSecond()).isEqualTo(10);
        assertThat(Dates.parse("2024-07-05T14:30:00Z", LONDON).get().getHour()).isEqualTo(15);
        assertThat(Dates.parse("2024-07-05 14:30:00+02:00", LONDON).get().getHour()).isEqualTo(13);
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThat(Dates.parse("5th March", LONDON)).isEmpty();
        assertThat(Dates.parse("2024-13-01", LONDON)).isEmpty();
        assertThat(Dates.explain("2024-13-01")).contains("no month 13");
    }
}
