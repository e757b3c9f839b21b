package org.lateral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildResultTest {

    private static final Path SITE = Path.of("/sites/cpd").toAbsolutePath();

    private static BuildResult result(List<BuildResult.SkippedPost> skipped) {
        return new BuildResult(SITE.resolve("public"), 12, 9, 1, 2, 3, skipped, List.of(),
                Duration.ofMillis(42), Map.of());
    }

    @Test
    void summaryCountsPagesPostsAndTagsInTheReadersWords() {
        assertThat(result(List.of()).summaryLines(SITE, "--drafts", "--future"))
                .containsExactly("Built 9 pages (1 post, 2 pages), 3 tags in 42 ms",
                        "Open public/index.html in a browser.");
    }

    @Test
    void summaryNamesTheOptionThatIncludesDraftsAndScheduledPosts() {
        ZonedDateTime live = ZonedDateTime.of(2030, 9, 2, 8, 0, 0, 0, ZoneId.of("Europe/London"));
        List<BuildResult.SkippedPost> skipped = List.of(
                new BuildResult.SkippedPost(Path.of("content/posts/a.md"), "A", "draft", Optional.empty()),
                new BuildResult.SkippedPost(Path.of("content/posts/b.md"), "B", "scheduled", Optional.of(live)));

        List<String> lines = result(skipped).summaryLines(SITE, "-Dlateral.drafts", "-Dlateral.future");

        assertThat(lines.get(0)).startsWith("scheduled: content/posts/b.md (\"B\") goes live Mon 2 ")
                .endsWith("; build with -Dlateral.future to preview it");
        assertThat(lines.get(1)).contains("1 draft skipped (-Dlateral.drafts to include), 1 scheduled");
    }

    @Test
    void summaryShowsAnOutputOutsideTheWorkingFolderAsAnAbsolutePath() {
        assertThat(result(List.of()).summaryLines(Path.of("/elsewhere").toAbsolutePath(), "--drafts", "--future"))
                .last().isEqualTo("Open " + SITE.resolve("public/index.html") + " in a browser.");
    }
}
