package org.lateral;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code lateral cpd} (and {@code mvn lateral:cpd}) asks for: one academic year of a site's
 * record, in the terminal or in a file outside the site's output.
 *
 * @param year           {@code 2024-25}; when empty, the academic year of {@code now} (or the latest with activities)
 * @param includePrivate count records marked {@code private: true} too
 * @param format         {@code text}, {@code csv} or {@code json}
 * @param output         a file to write; when empty the result's {@code bytes} are for the terminal
 */
public record CpdRequest(Path siteDir, Optional<String> year, boolean includePrivate, String format,
        Optional<Path> output, Instant now, Caller caller) {

    public CpdRequest {
        Objects.requireNonNull(siteDir, "siteDir");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(caller, "caller");
    }

    /** This year's record of {@code siteDir} as text, public records only. */
    public static CpdRequest of(Path siteDir) {
        return new CpdRequest(siteDir, Optional.empty(), false, "text", Optional.empty(), Instant.now(),
                Caller.COMMAND_LINE);
    }

    public CpdRequest withYear(String y) {
        return new CpdRequest(siteDir, Optional.ofNullable(y), includePrivate, format, output, now, caller);
    }

    public CpdRequest withPrivate(boolean p) {
        return new CpdRequest(siteDir, year, p, format, output, now, caller);
    }

    public CpdRequest withFormat(String f) {
        return new CpdRequest(siteDir, year, includePrivate, f, output, now, caller);
    }

    public CpdRequest withOutput(Path file) {
        return new CpdRequest(siteDir, year, includePrivate, format, Optional.ofNullable(file), now, caller);
    }

    public CpdRequest withNow(Instant t) {
        return new CpdRequest(siteDir, year, includePrivate, format, output, t, caller);
    }

    public CpdRequest withCaller(Caller c) {
        return new CpdRequest(siteDir, year, includePrivate, format, output, now, c);
    }
}
