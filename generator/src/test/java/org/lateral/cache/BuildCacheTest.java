package org.lateral.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.Problem;
import org.lateral.markdown.FileLink;
import org.lateral.markdown.Picture;
import org.lateral.markdown.Rendered;
import org.lateral.testing.TestSites;

/** The cache's files: what is written is read back; another Lateral's, or a pair from two builds, is not used. */
class BuildCacheTest {

    @TempDir
    Path tmp;

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private static final String SITE = """
            -- site.yaml --
            title: Cached
            baseUrl: https://example.org/
            -- content/posts/2024-01-05-a.md --
            ---
            title: A
            tags: [x]
            ---
            First post.
            -- content/posts/2024-02-05-b.md --
            ---
            title: B
            ---
            Second post.
            """;

    @Test
    void whatIsWrittenIsReadBack() throws Exception {
        BuildCache cache = BuildCache.in(tmp);
        BuildCache.State state = new BuildCache.State("Lateral x\nkey", "id-1", 1, 0, 5, "Europe/London", "2024-06-01",
                "fp", 7, List.of("/themes/t"),
                Map.of("a.md", new FileStamps.Stamp("a.md", 3, 4, "h")), Map.of("index.html",
                        new FileStamps.Stamp("index.html", 10, 11, "")), Set.of("index.html"),
                new BuildCache.Summary(2, 1, 1, 0, 1, List.of(new BuildResult.SkippedPost(Path.of("d.md"), "D", "draft",
                        Optional.empty())), List.of(Problem.warning(Path.of("a.md"), 2, 3, "m é", "h"),
                                new Problem(null, 0, 0, Problem.Severity.WARNING, "general", null))));
        Rendered r = new Rendered("<p>x</p>", "<p>x</p>", "x", false, "", 1, List.of(new FileLink("b.md", 1, 2)),
                List.of(new Picture("p.jpg", "a view", 3, false)));
        BuildCache.Work work = new BuildCache.Work(Map.of("k", r), Map.of("w", List.of("one", "two")),
                Map.of("a.md", new BuildCache.Digest("b", "f", "l", "p")), true);
        cache.writeWork("id-1", work);
        cache.writeState(state);

        assertThat(cache.readState()).isEqualTo(state);
        List<String> notes = new ArrayList<>();
        assertThat(cache.work(state, notes)).contains(work);
        assertThat(notes).isEmpty();
    }

    @Test
    void aWorkFileOfAnotherBuildIsNotUsedWithTheState() throws Exception {
        BuildCache cache = BuildCache.in(tmp);
        cache.writeWork("id-2", new BuildCache.Work(Map.of(), Map.of(), Map.of(), true));
        BuildCache.State state = new BuildCache.State("k", "id-1", 1, 0, 5, "UTC", "2024-06-01", "fp", 7, List.of(),
                Map.of(), Map.of(), Set.of(), new BuildCache.Summary(0, 0, 0, 0, 0, List.of(), List.of()));
        List<String> notes = new ArrayList<>();

        assertThat(cache.work(state, notes)).isEmpty();
        assertThat(notes).singleElement().asString().contains("another build");
    }

    @Test
    void aCacheWrittenByAnotherLateralIsIgnoredWithANote() throws Exception {
        Path site = TestSites.inline(tmp, SITE);
        BuildRequest request = BuildRequest.of(site).withNow(NOW);
        Lateral.build(request);
        BuildCache cache = BuildCache.in(site.resolve(".lateral-cache"));
        BuildCache.State s = cache.readState();
        String other = "Lateral 0.0.1 (commit 0000000)" + s.key().substring(s.key().indexOf('\n'));
        cache.writeState(new BuildCache.State(other, s.buildId(), s.now(), s.validFrom(), s.validUntil(), s.zone(),
                s.date(), s.fingerprint(), s.scanned(), s.roots(), s.inputs(), s.outputs(), s.planned(), s.summary()));

        BuildResult r = Lateral.build(request);

        assertThat(r.work().upToDate()).isFalse();
        assertThat(r.work().incremental()).isFalse();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.message())
                .contains("was written by Lateral 0.0.1 (commit 0000000), not this Lateral"));
        assertThat(cache.readState().key()).isEqualTo(s.key());
        assertThat(Lateral.build(request).work().upToDate()).isTrue();
    }

    @Test
    void aFileEditedWithinTheSameSecondAsTheLastScanIsHashedAgain() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("s"));
        Path f = dir.resolve("a.md");
        Files.writeString(f, "one");
        long scanned = System.currentTimeMillis();
        Map<String, FileStamps.Stamp> first = FileStamps.inputs(dir, List.of(), List.of(), Map.of(), scanned);
        Files.writeString(f, "two"); // same size; the time may well be the same
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(first.get("a.md").modified()));

        Map<String, FileStamps.Stamp> again = FileStamps.inputs(dir, List.of(), List.of(), first, scanned);

        assertThat(again.get("a.md").hash()).isNotEqualTo(first.get("a.md").hash());
    }
}
