package org.lateral.aggregate.fetch;

import java.util.Optional;

/**
 * The bytes of feed data the hub may hold at once, shared by every feed fetched concurrently, so
 * that the size cap per feed times the concurrency can never exceed the heap.
 *
 * <p>Before a feed is fetched it reserves the most it may cost ({@link #costOf}: the size cap times
 * {@link #COST_PER_BYTE}, the memory a body takes while it is decoded, parsed and sanitised); it
 * waits while the budget is spent. Once the body's real size is known the reservation shrinks to
 * what that body costs, so small feeds let others start at once. A reservation larger than the
 * whole budget is cut to the whole budget: one feed can always run, alone.
 *
 * <pre>{@code
 * ByteBudget budget = new ByteBudget(Runtime.getRuntime().maxMemory() / 2);
 * try (ByteBudget.Reservation r = budget.reserve(budget.costOf(maxFeedSize))) {
 *     byte[] body = fetch(...);
 *     r.shrinkTo(budget.costOf(body.length));
 *     parse(body);
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ByteBudget {

    /**
     * Memory per byte of feed while it is held: the body (1), its text (2 bytes a character), the
     * XML tree and the entries read from it.
     */
    public static final int COST_PER_BYTE = 8;

    private final long total;
    private long used;

    /** @param total the most bytes held at once, at least 1 */
    public ByteBudget(long total) {
        if (total < 1) {
            throw new IllegalArgumentException("the budget must be at least 1 byte");
        }
        this.total = total;
    }

    /** What a body of {@code bytes} costs while it is held, read and sanitised. */
    public long costOf(long bytes) {
        long cost = Math.multiplyHigh(bytes, COST_PER_BYTE) != 0 ? Long.MAX_VALUE : bytes * COST_PER_BYTE;
        return Math.max(0, cost);
    }

    public long total() {
        return total;
    }

    /** Bytes reserved now. */
    public synchronized long used() {
        return used;
    }

    /**
     * Reserves {@code bytes} (cut to {@link #total()}), waiting while the budget is spent.
     *
     * @throws InterruptedException when the waiting thread is interrupted (nothing is reserved)
     */
    public synchronized Reservation reserve(long bytes) throws InterruptedException {
        long want = clamp(bytes);
        while (used + want > total) {
            wait();
        }
        used += want;
        return new Reservation(want);
    }

    /** Reserves {@code bytes} (cut to {@link #total()}) if the budget has room now. */
    public synchronized Optional<Reservation> tryReserve(long bytes) {
        long want = clamp(bytes);
        if (used + want > total) {
            return Optional.empty();
        }
        used += want;
        return Optional.of(new Reservation(want));
    }

    private long clamp(long bytes) {
        return Math.max(0, Math.min(bytes, total));
    }

    private synchronized void give(long bytes) {
        used -= bytes;
        notifyAll();
    }

    /** Bytes held from the budget until closed; closing twice releases once. */
    public final class Reservation implements AutoCloseable {
        private long held;

        private Reservation(long held) {
            this.held = held;
        }

        /** Bytes this reservation holds now. */
        public synchronized long held() {
            return held;
        }

        /** Gives back what is above {@code bytes}; never grows. */
        public synchronized void shrinkTo(long bytes) {
            long keep = Math.max(0, Math.min(held, bytes));
            long back = held - keep;
            held = keep;
            if (back > 0) {
                give(back);
            }
        }

        @Override
        public synchronized void close() {
            shrinkTo(0);
        }
    }
}
