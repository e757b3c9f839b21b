package org.lateral.aggregate.fetch;

import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP validators of a feed's last good response, sent back as {@code If-None-Match} and
 * {@code If-Modified-Since} so an unchanged feed costs a 304 and no body.
 *
 * @param etag         the {@code ETag} header, as sent
 * @param lastModified the {@code Last-Modified} header, as sent
 */
public record Validators(Optional<String> etag, Optional<String> lastModified) {

    public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

    public Validators {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        etag = etag.filter(Validators::isHeaderSafe);
        lastModified = lastModified.filter(Validators::isHeaderSafe);
    }

    public boolean isEmpty() {
        return etag.isEmpty() && lastModified.isEmpty();
    }

    /** Header values go back to the server verbatim; refuse anything that could split a header. */
    private static boolean isHeaderSafe(String value) {
        return !value.isBlank() && value.length() <= 512 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }
}
