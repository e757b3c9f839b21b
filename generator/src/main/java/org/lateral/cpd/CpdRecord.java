package org.lateral.cpd;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code cpd:} record in a page's front matter, read and checked except for its standards,
 * which are checked against the site's framework ({@link Learning}). Plain values only, so two
 * readings of an unchanged file are equal.
 *
 * @param hours     hours of professional learning (decimal)
 * @param type      one of {@link #TYPES}
 * @param standards the codes written, with where they were written
 * @param impact    what changed, for the teacher or for learners
 * @param evidence  evidence of impact, each with a title and perhaps a link
 * @param isPrivate {@code private: true}: the page and its record are never published
 * @param line      the line of {@code cpd:}
 */
public record CpdRecord(double hours, String type, List<Code> standards, Optional<String> impact,
        List<Evidence> evidence, boolean isPrivate, int line) {

    /** The documented vocabulary of activity types. */
    public static final List<String> TYPES = List.of("course", "inset", "teachmeet", "learning-round",
            "journal-club", "coaching", "mentoring", "observation", "reading", "research", "conference",
            "online-course", "other");

    public CpdRecord {
        Objects.requireNonNull(type, "type");
        standards = List.copyOf(standards);
        evidence = List.copyOf(evidence);
    }

    /** A standard's code as written, at its line and column. */
    public record Code(String code, int line, int column) {
    }

    /** A piece of evidence: a title and, when it is online, its address. */
    public record Evidence(String title, Optional<String> url) {
    }
}
