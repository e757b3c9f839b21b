package org.lateral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.testing.TestSites;

/** The build cache ({@code .lateral-cache/build/}) that every build writes is never part of what is published. */
class BuildCacheFolderTest {

    @TempDir
    Path tmp;

    private Path site() {
        return TestSites.inline(tmp, """
                -- site.yaml --
                title: Cache folder
                baseUrl: https://cache.example/
                -- content/posts/first.md --
                ---
                title: First
                date: 2025-03-01
                ---
                Hello.
                """);
    }

    @Test
    void aBuildKeepsItsCacheBesideTheOutputNeverInIt() throws IOException {
        Path site = site();
        Lateral.build(BuildRequest.of(site));

        assertThat(site.resolve(".lateral-cache/build")).isDirectory();
        try (Stream<Path> published = Files.walk(site.resolve("public"))) {
            assertThat(published.map(p -> site.resolve("public").relativize(p).toString()))
                    .isNotEmpty().noneMatch(p -> p.contains("lateral-cache") || p.endsWith(".bin"));
        }
    }

    @Test
    void aCacheFolderInsideTheOutputOrAroundItIsRefusedWithTheFix() {
        Path site = site();
        for (Path cache : new Path[] {site.resolve("public/.lateral-cache"), site}) {
            LateralException e = catchThrowableOfType(LateralException.class,
                    () -> Lateral.build(BuildRequest.of(site).withCache(cache)));
            assertThat(e).as(cache.toString()).isNotNull();
            assertThat(e.problems().get(0).message()).contains("overlap");
            assertThat(e.problems().get(0).hint()).contains("outside the output");
        }
        assertThat(site.resolve("public/.lateral-cache")).doesNotExist();
    }
}
