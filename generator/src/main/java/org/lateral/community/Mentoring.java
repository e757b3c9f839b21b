package org.lateral.community;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A teacher's peer-mentoring profile, from site.yaml's {@code mentoring:} section: what they can
 * mentor others in and what they would like a mentor for. Only what the teacher writes is published.
 *
 * <pre>{@code
 * mentoring:
 *   offers: [behaviour, early career]
 *   seeks: [leadership]
 *   phase: secondary
 *   until: 2031-07-31
 * }</pre>
 *
 * @param offers topics they can mentor in
 * @param seeks  topics they would like mentoring in
 * @param phase  one of {@link Swap#PHASES}
 * @param until  the last day the profile is shown; empty: until it is removed
 */
public record Mentoring(List<String> offers, List<String> seeks, Optional<String> phase, Optional<LocalDate> until) {

    public Mentoring {
        offers = List.copyOf(offers);
        seeks = List.copyOf(seeks);
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(until, "until");
    }

    /** Whether the profile is still shown on {@code day}. */
    public boolean openOn(LocalDate day) {
        return until.map(u -> !u.isBefore(day)).orElse(true);
    }
}
