package org.lateral.aggregate.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.lateral.aggregate.FeedStatus;

/**
 * What one fetch produced.
 *
 * @param status      OK (with a body), NOT_MODIFIED (no body: reuse the cached one) or a failure
 * @param body        the feed's bytes, decompressed; empty unless {@code status} is OK. Not copied:
 *                    the array is handed over, not shared
 * @param charset     the charset named by the HTTP {@code Content-Type}, if any (a hint for the parser)
 * @param finalUri    the address the body came from, after redirects ({@code file:} for local feeds)
 * @param movedTo     set when every redirect on the way was permanent (301/308): the feed's new address
 * @param validators  validators of this response, to keep for the next run
 * @param elapsed     how long the fetch took
 */
public record FetchResult(FeedStatus status, byte[] body, Optional<String> charset, URI finalUri,
                          Optional<URI> movedTo, Validators validators, Duration elapsed) {

    private static final byte[] NO_BYTES = new byte[0];

    public FetchResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(finalUri, "finalUri");
        Objects.requireNonNull(movedTo, "movedTo");
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    static FetchResult failed(FeedStatus status, URI uri, Duration elapsed) {
        return new FetchResult(status, NO_BYTES, Optional.empty(), uri, Optional.empty(), Validators.NONE, elapsed);
    }
}
