package org.lateral.serve;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Gathers changed paths until the files have been still for a while ({@code quiet}), or at most
 * {@code max} after the first change, and hands them over as one batch: a "save all" of twenty
 * files, or an editor's write-rename-delete, is one rebuild. Changes that arrive during a build
 * gather into the next batch, so builds never queue up.
 *
 * <p>The quiet period is short (30 ms by default: an editor's save is a burst of events well
 * within it), and longer ({@link #GONE_QUIET}) while a path of the batch is missing or empty: an
 * editor that moves the old file aside before writing the new one (vim) leaves a moment with no
 * file, and one that writes in place truncates the file before writing its text; a rebuild then
 * would show the post as deleted, or as a post with no title, and then back.
 */
final class Debouncer {

    /** The quiet period while a changed path does not exist: the old default, for a rename-write-delete save. */
    static final java.time.Duration GONE_QUIET = java.time.Duration.ofMillis(100);

    private final long quietNanos;
    private final long goneNanos;
    private final long maxNanos;
    private final Set<Path> pending = new LinkedHashSet<>();
    private long first;
    private long last;
    private boolean closed;

    Debouncer(java.time.Duration quiet, java.time.Duration max) {
        this(quiet, max, GONE_QUIET);
    }

    /** @param gone the quiet period while a changed path does not exist */
    Debouncer(java.time.Duration quiet, java.time.Duration max, java.time.Duration gone) {
        this.quietNanos = quiet.toNanos();
        this.goneNanos = Math.max(quietNanos, gone.toNanos());
        this.maxNanos = Math.max(max.toNanos(), goneNanos);
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
            long quiet = quietNanos;
            if (last + quietNanos - now <= 0 && pending.stream().anyMatch(Debouncer::settling)) {
                quiet = goneNanos; // stat-ed only once the short period is over, a handful of paths
            }
            long quietLeft = last + quiet - now;
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

    /**
     * Whether a changed path looks half-saved: missing (moved aside before the new file is
     * written), or an empty file (opened for writing, truncated, its text not written yet: on a
     * busy machine the writer can be held up between the two for longer than the quiet period).
     */
    private static boolean settling(Path p) {
        try {
            return !java.nio.file.Files.exists(p)
                    || java.nio.file.Files.isRegularFile(p) && java.nio.file.Files.size(p) == 0;
        } catch (java.io.IOException e) {
            return true; // gone meanwhile
        }
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
