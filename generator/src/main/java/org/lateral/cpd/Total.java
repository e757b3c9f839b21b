package org.lateral.cpd;

import java.math.BigDecimal;

/**
 * Hours and activities under one heading: a type, a standard, a month or a term.
 *
 * @param key   the type's word, the standard's code, or the month ({@code 2024-09})
 * @param label what a reader sees ("learning round", "TS4", "Sep")
 * @param title a longer description (the standard's title), or the label again
 */
public record Total(String key, String label, String title, BigDecimal hours, int activities) {

    public String hoursText() {
        return Hours.text(hours);
    }

    public double hoursValue() {
        return hours.doubleValue();
    }
}
