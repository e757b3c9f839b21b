package org.lateral.aggregate.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.aggregate.FeedLocation;

class FeedCacheTest {

    private static final FeedLocation FEED = new FeedLocation.Remote(URI.create("https://ann.example/feed.xml"));
    private static final Instant WHEN = Instant.parse("2025-03-01T07:00:00Z");

    @TempDir
    Path dir;

    @Test
    void remembersValidatorsBodyAndFirstSeenTimes() {
        FeedCache cache = new FeedCache(dir);
        Validators validators = new Validators(Optional.of("\"abc\""), Optional.of("Sat, 01 Mar 2025 07:00:00 GMT"));
        byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);

        cache.storeGood(FEED, body, validators, Optional.of("utf-8"), WHEN, Map.of("guid-1", WHEN.minusSeconds(60)));
        CachedFeed loaded = new FeedCache(dir).load(FEED).orElseThrow();

        assertThat(loaded.validators()).isEqualTo(validators);
        assertThat(loaded.lastGoodFetch()).isEqualTo(WHEN);
        assertThat(loaded.charset()).contains("utf-8");
        assertThat(loaded.firstSeen()).containsEntry("guid-1", WHEN.minusSeconds(60));
        assertThat(cache.body(FEED, loaded)).hasValueSatisfying(b -> assertThat(b).isEqualTo(body));
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws IOException {
        FeedCache cache = new FeedCache(dir);
        cache.storeGood(FEED, new byte[10], Validators.NONE, Optional.empty(), WHEN, Map.of());
        cache.storeGood(FEED, new byte[20], Validators.NONE, Optional.empty(), WHEN, Map.of());

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(2).allMatch(n -> n.endsWith(".json")
                    || n.endsWith(".body"));
        }
    }

    @Test
    void aDamagedRecordCountsAsAbsent() throws IOException {
        FeedCache cache = new FeedCache(dir);
        cache.storeGood(FEED, new byte[10], Validators.NONE, Optional.empty(), WHEN, Map.of());
        try (Stream<Path> files = Files.list(dir)) {
            Path json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            Files.writeString(json, "{ not json");
        }

        assertThat(cache.load(FEED)).isEmpty();
    }

    @Test
    void aBodyThatNoLongerMatchesItsHashIsIgnored() throws IOException {
        FeedCache cache = new FeedCache(dir);
        CachedFeed cached = cache.storeGood(FEED, "<rss/>".getBytes(StandardCharsets.UTF_8), Validators.NONE,
                Optional.empty(), WHEN, Map.of());
        try (Stream<Path> files = Files.list(dir)) {
            Path body = files.filter(p -> p.toString().endsWith(".body")).findFirst().orElseThrow();
            Files.writeString(body, "<rss>tampered</rss>");
        }

        assertThat(cache.body(FEED, cached)).isEmpty();
    }

    @Test
    void differentFeedsNeverShareFiles() {
        FeedLocation other = new FeedLocation.Remote(URI.create("https://bob.example/feed.xml"));

        assertThat(FeedCache.key(FEED)).isNotEqualTo(FeedCache.key(other)).matches("[0-9a-f]{32}");
    }

    @Test
    void theCachesDatesAreReadAsInstantParseReadsThem() {
        for (String text : java.util.List.of("2025-03-12T09:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "2024-02-29T12:30:45Z", "2016-12-31T23:59:60Z", "2025-03-12T24:00:00Z", "2025-03-12T09:00:00.123456Z")) {
            assertThat(FeedCache.instant(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String bad : java.util.List.of("2025-02-30T09:00:00Z", "2025-13-01T09:00:00Z", "2025-03-12T25:00:00Z",
                "2025-03-12T09:61:00Z", "2025-0a-12T09:00:00Z", "+025-03-12T09:00:00Z", "2025-03-12 09:00:00Z",
                "2025-03-12T09:00Z", "")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Instant.parse(bad)).as(bad)
                    .isInstanceOf(java.time.format.DateTimeParseException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FeedCache.instant(bad)).as(bad)
                    .isInstanceOf(java.time.format.DateTimeParseException.class);
        }
    }
}
