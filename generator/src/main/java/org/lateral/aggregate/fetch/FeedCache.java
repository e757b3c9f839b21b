package org.lateral.aggregate.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.lateral.aggregate.FeedLocation;
import org.lateral.internal.AtomicFiles;

/**
 * The hub's memory between runs, one pair of files per feed in a folder outside the output:
 * {@code <key>.json} (validators, last good fetch, first-seen times, the body's hash) and
 * {@code <key>.body} (the last body that was read successfully), and {@code <key>.read} (that body as
 * read: its sanitised entries, so an unchanged feed is not parsed again). The key is a hash of the feed's
 * location. Every file is written to a temporary file and moved into place, so a run that stops
 * half-way never leaves a torn file.
 *
 * <p>The cache is disposable: a file that cannot be read back (damaged, from another version, or
 * whose body no longer matches its hash) counts as absent and the feed is simply fetched afresh.
 * Failing to write the cache is a fault of the machine and is thrown as {@link UncheckedIOException}.
 *
 * <pre>{@code
 * FeedCache cache = new FeedCache(hubDir.resolve(".lateral-cache"));
 * Optional<CachedFeed> last = cache.load(feed);
 * }</pre>
 *
 * <p>Thread-safe for different feeds; one feed is handled by one thread at a time in a run.
 */
public final class FeedCache {

    private static final int FORMAT = 1;

    /** The JSON shape on disk; plain types only so no Jackson modules are needed. */
    private record Stored(int format, String feed, String etag, String lastModified, String lastGoodFetch,
                          String charset, String bodySha256, Map<String, String> firstSeen,
                          Map<String, String> links) {
    }

    private final Path dir;
    private final ObjectMapper json;

    public FeedCache(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
        this.json = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public Path dir() {
        return dir;
    }

    /** What is remembered about a feed, if anything usable is. */
    public Optional<CachedFeed> load(FeedLocation feed) {
        Path file = dir.resolve(key(feed) + ".json");
        try {
            Stored s = json.readValue(Files.readAllBytes(file), Stored.class);
            if (s == null || s.format() != FORMAT || s.lastGoodFetch() == null || s.bodySha256() == null) {
                return Optional.empty();
            }
            Map<String, Instant> firstSeen = new LinkedHashMap<>();
            if (s.firstSeen() != null) {
                s.firstSeen().forEach((id, when) -> {
                    if (id != null && when != null) {
                        firstSeen.put(id, Instant.parse(when));
                    }
                });
            }
            return Optional.of(new CachedFeed(feed.display(),
                    new Validators(Optional.ofNullable(s.etag()), Optional.ofNullable(s.lastModified())),
                    Instant.parse(s.lastGoodFetch()), Optional.ofNullable(s.charset()), s.bodySha256(), firstSeen,
                    Optional.ofNullable(s.links()).map(FeedCache::withoutNulls)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The last good body, when it is still there and matches its hash. */
    public Optional<byte[]> body(FeedLocation feed, CachedFeed cached) {
        try {
            byte[] body = Files.readAllBytes(dir.resolve(key(feed) + ".body"));
            return sha256(body).equals(cached.bodySha256()) ? Optional.of(body) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a body is kept for the feed (not read nor checked: {@link #body} does that). */
    public boolean hasBody(FeedLocation feed) {
        return Files.isRegularFile(dir.resolve(key(feed) + ".body"));
    }

    /** The size of the body kept for the feed, 0 when there is none. */
    public long bodySize(FeedLocation feed) {
        try {
            return Files.size(dir.resolve(key(feed) + ".body"));
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The feed as last read, kept beside its body ({@code <key>.read}; its format and checks are
     * the reader's, see {@code org.lateral.aggregate.parse.ReadFeedFile}), if there is one.
     */
    public Optional<byte[]> read(FeedLocation feed) {
        try {
            return Optional.of(Files.readAllBytes(dir.resolve(key(feed) + ".read")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Keeps the feed as read from its last good body (written atomically, like every file here). */
    public void storeRead(FeedLocation feed, byte[] read) {
        writeAtomically(dir.resolve(key(feed) + ".read"), read);
    }

    /** Remembers a body that was just read successfully, with its validators and first-seen times. */
    public CachedFeed storeGood(FeedLocation feed, byte[] body, Validators validators, Optional<String> charset,
                                Instant when, Map<String, Instant> firstSeen) {
        return storeGood(feed, body, validators, charset, when, firstSeen, Optional.empty());
    }

    /** As above, with what the body links besides its posts (see {@link CachedFeed#links()}). */
    public CachedFeed storeGood(FeedLocation feed, byte[] body, Validators validators, Optional<String> charset,
                                Instant when, Map<String, Instant> firstSeen, Optional<Map<String, String>> links) {
        CachedFeed cached = new CachedFeed(feed.display(), validators, when, charset, sha256(body), firstSeen, links);
        writeAtomically(dir.resolve(key(feed) + ".body"), body);
        writeMeta(feed, cached);
        return cached;
    }

    /** Rewrites the record alone (after a 304, to note the fetch time and first-seen times). */
    public void writeMeta(FeedLocation feed, CachedFeed cached) {
        Map<String, String> firstSeen = new LinkedHashMap<>();
        cached.firstSeen().forEach((id, when) -> firstSeen.put(id, when.toString()));
        Stored stored = new Stored(FORMAT, cached.feed(), cached.validators().etag().orElse(null),
                cached.validators().lastModified().orElse(null), cached.lastGoodFetch().toString(),
                cached.charset().orElse(null), cached.bodySha256(), firstSeen, cached.links().orElse(null));
        try {
            writeAtomically(dir.resolve(key(feed) + ".json"), json.writeValueAsBytes(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cache record could not be written as JSON", e);
        }
    }

    /** The file name stem for a feed: a hash of its location, so any address maps to a safe name. */
    static String key(FeedLocation feed) {
        return sha256(feed.uri().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    private void writeAtomically(Path target, byte[] bytes) {
        try {
            AtomicFiles.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the hub cache file " + target, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
