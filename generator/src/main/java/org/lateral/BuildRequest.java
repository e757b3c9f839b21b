package org.lateral;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to build: a site folder, and how.
 *
 * @param siteDir  the folder holding site.yaml
 * @param output   where to write; {@code siteDir/public} when empty
 * @param drafts   include posts marked {@code draft: true}
 * @param future   include posts dated in the future (scheduled) and expired ones
 * @param baseUrl  overrides site.yaml's baseUrl (for previews and CI)
 * @param now      the time that decides what is scheduled; normally {@link Instant#now()}
 * @param caller   the tool the person is using, whose commands the fixes in messages name
 * @param cache    where resized pictures are kept between builds; {@code siteDir/.lateral-cache} when
 *                 empty (the Maven plugin uses {@code target/lateral-cache}); never inside the output;
 *                 the build cache (what the last build was made from and made) is in its {@code build/}
 * @param clean    ignore and remove the build cache: render and write every page ({@code lateral build --clean})
 */
public record BuildRequest(Path siteDir, Optional<Path> output, boolean drafts, boolean future,
        Optional<String> baseUrl, Instant now, Caller caller, Optional<Path> cache, boolean clean) {

    /** A request that uses the build cache. */
    public BuildRequest(Path siteDir, Optional<Path> output, boolean drafts, boolean future,
            Optional<String> baseUrl, Instant now, Caller caller, Optional<Path> cache) {
        this(siteDir, output, drafts, future, baseUrl, now, caller, cache, false);
    }

    /** A request with the default picture cache ({@code siteDir/.lateral-cache}). */
    public BuildRequest(Path siteDir, Optional<Path> output, boolean drafts, boolean future,
            Optional<String> baseUrl, Instant now, Caller caller) {
        this(siteDir, output, drafts, future, baseUrl, now, caller, Optional.empty());
    }

    public BuildRequest {
        Objects.requireNonNull(siteDir, "siteDir");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(cache, "cache");
    }

    /** Builds {@code siteDir} into {@code siteDir/public} as of now. */
    public static BuildRequest of(Path siteDir) {
        return new BuildRequest(siteDir, Optional.empty(), false, false, Optional.empty(), Instant.now(), Caller.COMMAND_LINE);
    }

    public BuildRequest withOutput(Path dir) {
        return new BuildRequest(siteDir, Optional.of(dir), drafts, future, baseUrl, now, caller, cache, clean);
    }

    public BuildRequest withDrafts(boolean d) {
        return new BuildRequest(siteDir, output, d, future, baseUrl, now, caller, cache, clean);
    }

    public BuildRequest withFuture(boolean f) {
        return new BuildRequest(siteDir, output, drafts, f, baseUrl, now, caller, cache, clean);
    }

    public BuildRequest withBaseUrl(String url) {
        return new BuildRequest(siteDir, output, drafts, future, Optional.ofNullable(url), now, caller, cache, clean);
    }

    public BuildRequest withNow(Instant t) {
        return new BuildRequest(siteDir, output, drafts, future, baseUrl, t, caller, cache, clean);
    }

    public BuildRequest withCaller(Caller c) {
        return new BuildRequest(siteDir, output, drafts, future, baseUrl, now, c, cache, clean);
    }

    /** The same request keeping resized pictures in {@code dir} (outside the output folder). */
    public BuildRequest withCache(Path dir) {
        return new BuildRequest(siteDir, output, drafts, future, baseUrl, now, caller, Optional.of(dir), clean);
    }

    /** The same request ignoring and removing the build cache: every page rendered and written again. */
    public BuildRequest withClean(boolean c) {
        return new BuildRequest(siteDir, output, drafts, future, baseUrl, now, caller, cache, c);
    }

    /** The folder of the caches kept between builds (pictures in its {@code images/}). */
    public Path cacheDir() {
        return cache.orElse(siteDir.resolve(".lateral-cache"));
    }

    /** The output folder this request writes to. */
    public Path outputDir() {
        return output.orElse(siteDir.resolve("public"));
    }
}
