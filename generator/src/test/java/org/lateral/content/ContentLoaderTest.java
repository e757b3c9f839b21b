package org.lateral.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Problem;
import org.lateral.testing.TestSites;

class ContentLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void findsPostsBundlesAndPagesAndSkipsHiddenFiles() {
        Path site = TestSites.inline(tmp, """
                -- content/posts/a.md --
                ---
                title: A
                ---
                -- content/posts/b/index.md --
                ---
                title: B
                ---
                -- content/posts/b/photo.jpg --
                x
                -- content/posts/_notes.md --
                ignored
                -- content/pages/about.md --
                ---
                title: About
                ---
                """);
        ContentLoader.Loaded loaded = new ContentLoader(site, ZoneId.of("UTC")).load();
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.sources()).extracting(s -> s.section() + ":" + s.name())
                .containsExactlyInAnyOrder("posts:a", "posts:b", "pages:about");
        assertThat(loaded.sources()).filteredOn(s -> s.name().equals("b")).singleElement()
                .satisfies(s -> assertThat(s.resources()).extracting(p -> p.getFileName().toString()).containsExactly("photo.jpg"));
    }

    @Test
    void controlCharactersAreRemovedWithAWarningAtTheirPosition() {
        Path site = TestSites.inline(tmp, "-- content/posts/a.md --\n---\ntitle: A\u0008 title\n---\nBody\u000B text.\n");
        ContentLoader.Loaded loaded = new ContentLoader(site, ZoneId.of("UTC")).load();
        assertThat(loaded.sources()).singleElement().satisfies(s -> {
            assertThat(s.frontMatter().title()).contains("A title");
            assertThat(s.body()).startsWith("Body text.\n");
        });
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.format()).startsWith("content/posts/a.md:2:9: warning: an invisible control character (U+0008)");
        });
    }

    @Test
    void aFileThatIsNotUtf8IsAnError() throws Exception {
        Path file = tmp.resolve("site/content/posts/latin1.md");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, "---\ntitle: Caf\u00e9\n---\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        ContentLoader.Loaded loaded = new ContentLoader(tmp.resolve("site"), ZoneId.of("UTC")).load();
        assertThat(loaded.problems()).singleElement().extracting(Problem::message).asString().contains("UTF-8");
    }

    @Test
    void frontMatterWarningsAreKept() {
        Path site = TestSites.inline(tmp, "-- content/posts/a.md --\n---\ntitle: A   # note\n---\nBody\n");
        ContentLoader.Loaded loaded = new ContentLoader(site, ZoneId.of("UTC")).load();
        assertThat(loaded.sources()).singleElement().satisfies(s -> assertThat(s.frontMatter().title()).contains("A"));
        assertThat(loaded.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("comment");
        });
    }
}
