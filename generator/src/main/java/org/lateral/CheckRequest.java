package org.lateral;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to check: a site folder, and how ({@link Lateral#check}).
 *
 * @param siteDir        the folder holding site.yaml
 * @param baseUrl        overrides site.yaml's baseUrl
 * @param now            the time that decides what is published
 * @param caller         the tool the person is using, whose commands the fixes in messages name
 * @param external       also check links that leave the site (over the network)
 * @param allowAddresses private or loopback addresses (or ranges) outside links may reach, on top of
 *                       site.yaml's {@code network: allow:}
 * @param cacheDir       where outside links' results are kept between runs; {@code siteDir/.lateral-cache}
 *                       when empty (never inside the output folder)
 * @param cacheFor       how long a result is trusted; {@link Duration#ZERO} to check every link again
 * @param timeout        the most one outside link may take, redirects included
 */
public record CheckRequest(Path siteDir, Optional<String> baseUrl, Instant now, Caller caller, boolean external,
        List<String> allowAddresses, Optional<Path> cacheDir, Duration cacheFor, Duration timeout) {

    /** How long an outside link's result is trusted by default. */
    public static final Duration DEFAULT_CACHE_FOR = Duration.ofDays(1);
    /** How long one outside link may take by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public CheckRequest {
        Objects.requireNonNull(siteDir, "siteDir");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(caller, "caller");
        allowAddresses = List.copyOf(allowAddresses);
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(cacheFor, "cacheFor");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Checks {@code siteDir} as published now, without outside links. */
    public static CheckRequest of(Path siteDir) {
        return new CheckRequest(siteDir, Optional.empty(), Instant.now(), Caller.COMMAND_LINE, false, List.of(),
                Optional.empty(), DEFAULT_CACHE_FOR, DEFAULT_TIMEOUT);
    }

    public CheckRequest withExternal(boolean e) {
        return new CheckRequest(siteDir, baseUrl, now, caller, e, allowAddresses, cacheDir, cacheFor, timeout);
    }

    public CheckRequest withAllowAddresses(List<String> a) {
        return new CheckRequest(siteDir, baseUrl, now, caller, external, a == null ? List.of() : a, cacheDir, cacheFor,
                timeout);
    }

    public CheckRequest withCacheDir(Path dir) {
        return new CheckRequest(siteDir, baseUrl, now, caller, external, allowAddresses, Optional.ofNullable(dir),
                cacheFor, timeout);
    }

    public CheckRequest withCacheFor(Duration d) {
        return new CheckRequest(siteDir, baseUrl, now, caller, external, allowAddresses, cacheDir, d, timeout);
    }

    public CheckRequest withTimeout(Duration t) {
        return new CheckRequest(siteDir, baseUrl, now, caller, external, allowAddresses, cacheDir, cacheFor, t);
    }

    public CheckRequest withBaseUrl(String url) {
        return new CheckRequest(siteDir, Optional.ofNullable(url), now, caller, external, allowAddresses, cacheDir,
                cacheFor, timeout);
    }

    public CheckRequest withNow(Instant t) {
        return new CheckRequest(siteDir, baseUrl, t, caller, external, allowAddresses, cacheDir, cacheFor, timeout);
    }

    public CheckRequest withCaller(Caller c) {
        return new CheckRequest(siteDir, baseUrl, now, c, external, allowAddresses, cacheDir, cacheFor, timeout);
    }

    /** The folder outside links' results are kept in. */
    public Path cacheFolder() {
        return cacheDir.orElse(siteDir.resolve(".lateral-cache"));
    }

    /** The build this check looks at: the site as published (no drafts, no scheduled posts). */
    public BuildRequest build() {
        return new BuildRequest(siteDir, Optional.empty(), false, false, baseUrl, now, caller);
    }
}
