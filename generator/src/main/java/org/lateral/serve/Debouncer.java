package org.lateral.serve;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Gathers changed paths until the files have been still for a while ({@code quiet}), or at most
 * {@code max} after the first change, and hands them over as one batch: a "save all" of twenty
 * files, or an editor's write-rename-delete, is one rebuild. Changes that arrive during a build
 * gather into the next batch, so builds never queue up.
 */
final class Debouncer {

    private final long quietNanos;
    private final long maxNanos;
    private final Set<Path> pending = new LinkedHashSet<>();
    private long first;
    private long last;
    private boolean closed;

    Debouncer(java.time.Duration quiet, java.time.Duration max) {
        this.quietNanos = quiet.toNanos();
        this.maxNanos = Math.max(max.toNanos(), quietNanos);
    }

    synchronized void offer(Path path) {
        long now = System.nanoTime();
        if (pending.isEmpty()) {
            first = now;
        }
        last = now;
        pending.add(path);
        notifyAll();
    }

    /** The next batch, once it is complete; empty when closed. */
    synchronized Set<Path> take() throws InterruptedException {
        while (!closed) {
            if (pending.isEmpty()) {
                wait();
                continue;
            }
            long now = System.nanoTime();
            long quietLeft = last + quietNanos - now;
            long maxLeft = first + maxNanos - now;
            long left = Math.min(quietLeft, maxLeft);
            if (left <= 0) {
                Set<Path> batch = new LinkedHashSet<>(pending);
                pending.clear();
                return batch;
            }
            wait(Math.max(1, left / 1_000_000), (int) (left % 1_000_000));
        }
        return Set.of();
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
