package org.lateral;

import java.net.URI;

/**
 * A running preview of a site ({@link Lateral#serve}): a web server on this computer showing the
 * last good build, rebuilding when a file changes and telling open pages to reload.
 *
 * <pre>{@code
 * try (Preview p = Lateral.serve(ServeRequest.of(Path.of("my-cpd-blog")))) {
 *     p.awaitStop();   // until Ctrl-C
 * }
 * }</pre>
 */
public interface Preview extends AutoCloseable {

    /** The site's home page in the preview, e.g. {@code http://127.0.0.1:1313/journal/}. */
    URI address();

    /** How many builds have finished (good or not), the first one included. */
    long builds();

    /**
     * Waits until the preview is stopped: by {@link #close()}, or by Ctrl-C (or a termination
     * signal), which this method turns into a clean stop rather than a killed process.
     */
    void awaitStop() throws InterruptedException;

    /** Stops watching and serving and removes the private build folder; idempotent. */
    @Override
    void close();
}
