package org.lateral.cpd;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One activity of the record: a page's {@code cpd:} record with the page's title, date and
 * address, and its standards looked up in the site's framework.
 *
 * @param url       the page's address on the site (missing for a private record, which has no page)
 * @param permalink its absolute address
 * @param standards the standards it addresses, from the site's framework
 */
public record CpdEntry(String title, LocalDate date, Optional<String> url, Optional<String> permalink, Path source,
        CpdRecord record, List<Framework.Standard> standards) {

    public CpdEntry {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        standards = List.copyOf(standards);
    }

    /** The day as {@code 2024-11-06}, for a {@code <time datetime>}. */
    public String isoDate() {
        return date.toString();
    }

    public double hours() {
        return record.hours();
    }

    public String hoursText() {
        return Hours.text(record.hours());
    }

    public String type() {
        return record.type();
    }

    /** The type in words: {@code learning-round} → {@code learning round}. */
    public String typeName() {
        return Hours.typeName(record.type());
    }

    public Optional<String> impact() {
        return record.impact();
    }

    public List<CpdRecord.Evidence> evidence() {
        return record.evidence();
    }

    public boolean isPrivate() {
        return record.isPrivate();
    }
}
