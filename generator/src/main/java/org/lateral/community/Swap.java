package org.lateral.community;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A post's place in the swap-shop: an offer ("I can run a session on oracy") or a request ("I am
 * looking for someone to observe my retrieval starters"), from its {@code offer:} or
 * {@code request:} front matter block.
 *
 * <pre>{@code
 * offer:
 *   topics: [oracy]
 *   until: 2030-07-20     # gone from the swap-shop after this day
 *   phase: primary        # primary | secondary | fe | all
 *   format: in-person     # in-person | online
 * }</pre>
 *
 * @param kind   {@link #OFFER} or {@link #REQUEST}
 * @param topics what it is about, as written (never empty: the post's tags when the block names none)
 * @param until  the last day it is open; empty: open while the post is published
 * @param phase  the phase of education it suits, one of {@link #PHASES}
 * @param format how it happens, one of {@link #FORMATS}
 */
public record Swap(String kind, List<String> topics, Optional<LocalDate> until, Optional<String> phase,
                   Optional<String> format) {

    public static final String OFFER = "offer";
    public static final String REQUEST = "request";
    /** Phases of education: primary, secondary, further education, or all of them. */
    public static final List<String> PHASES = List.of("primary", "secondary", "fe", "all");
    public static final List<String> FORMATS = List.of("in-person", "online");
    static final Set<String> KINDS = Set.of(OFFER, REQUEST);

    public Swap {
        Objects.requireNonNull(kind, "kind");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("a swap is an offer or a request, not " + kind);
        }
        topics = List.copyOf(topics);
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(format, "format");
    }

    public boolean isOffer() {
        return kind.equals(OFFER);
    }

    /** Whether it is still open on {@code day} (its {@code until} day included). */
    public boolean openOn(LocalDate day) {
        return until.map(u -> !u.isBefore(day)).orElse(true);
    }
}
