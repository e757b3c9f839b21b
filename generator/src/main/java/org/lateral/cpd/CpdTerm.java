package org.lateral.cpd;

import java.math.BigDecimal;
import java.util.List;

/**
 * One term of an academic year and its activities, newest first.
 *
 * @param key {@code autumn}, {@code spring} or {@code summer} (templates translate {@code cpd_term_<key>})
 */
public record CpdTerm(String key, List<CpdEntry> entries) {

    public CpdTerm {
        entries = List.copyOf(entries);
    }

    public BigDecimal hours() {
        return entries.stream().map(e -> Hours.exact(e.hours())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String hoursText() {
        return Hours.text(hours());
    }

    /**
     * The term a month falls in: autumn from the start of the academic year (or September) to
     * December, spring January to March, summer April to the month before the year starts.
     */
    static String of(int month, int startMonth) {
        if (month >= 9 || (startMonth >= 4 && month >= startMonth)) {
            return "autumn";
        }
        return month <= 3 ? "spring" : "summer";
    }
}
