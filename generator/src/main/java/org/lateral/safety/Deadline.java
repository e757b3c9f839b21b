package org.lateral.safety;

import java.time.Duration;
import java.util.Objects;

/**
 * A point in time work must be finished by, checked cooperatively by code that handles untrusted
 * input (the feed parser between entries and while the XML streams past), so that no input can
 * keep a thread busy without bound.
 *
 * <pre>{@code
 * Deadline deadline = Deadline.in(Duration.ofSeconds(30));
 * for (Item item : items) {
 *     if (deadline.passed()) { return tooSlow(deadline.limit()); }
 *     ...
 * }
 * }</pre>
 *
 * @param at    the {@link System#nanoTime()} value of the deadline
 * @param limit the duration it was set with (for messages)
 */
public record Deadline(long at, Duration limit) {

    /** No deadline at all. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));

    public Deadline {
        Objects.requireNonNull(limit, "limit");
    }

    /** A deadline {@code limit} from now. */
    public static Deadline in(Duration limit) {
        long now = System.nanoTime();
        long nanos = limit.toNanos();
        return new Deadline(Long.MAX_VALUE - now < nanos ? Long.MAX_VALUE : now + nanos, limit);
    }

    public boolean passed() {
        return at != Long.MAX_VALUE && System.nanoTime() - at >= 0;
    }

    /** Nanoseconds left, 0 when passed. */
    public long remainingNanos() {
        return at == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, at - System.nanoTime());
    }
}
