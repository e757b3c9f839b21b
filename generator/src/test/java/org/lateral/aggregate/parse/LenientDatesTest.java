package org.lateral.aggregate.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LenientDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Tue, 04 Mar 2025 18:30:00 +0000          | 2025-03-04T18:30:00Z",
        "Tue, 4 Mar 2025 18:30:00 GMT             | 2025-03-04T18:30:00Z",
        "4 Mar 2025 18:30 EST                     | 2025-03-04T23:30:00Z",
        "Tuesday, 04-Mar-25 18:30:00 UT           | 2025-03-04T18:30:00Z",
        "Tue, 04 Mar 2025 18:30:00 +0100 (CET)    | 2025-03-04T17:30:00Z",
        "Tue, 04 March 2025 18:30:00 GMT+1        | 2025-03-04T17:30:00Z",
        "04 Mar 2025                              | 2025-03-04T00:00:00Z",
        "2025-03-04T18:30:00Z                     | 2025-03-04T18:30:00Z",
        "2025-03-04T18:30:00.123+02:00            | 2025-03-04T16:30:00.123Z",
        "2025-03-04T18:30+0200                    | 2025-03-04T16:30:00Z",
        "2025-03-04 18:30:00                      | 2025-03-04T18:30:00Z",
        "2025-03-04 18:30:00 UTC                  | 2025-03-04T18:30:00Z",
        "2025-03-04                               | 2025-03-04T00:00:00Z"})
    void readsTheDatesFeedsReallyContain(String raw, String expected) {
        assertThat(LenientDates.parse(raw)).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "31 Feb 2025", "2025-13-01", "Tue, 04 Foo 2025 18:30:00 GMT",
            "4 Mar 25025 10:00"})
    void unreadableDatesAreEmptyNotErrors(String raw) {
        assertThat(LenientDates.parse(raw)).isEmpty();
    }
}
