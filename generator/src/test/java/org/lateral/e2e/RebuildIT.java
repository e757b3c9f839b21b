package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.BuildSession;
import org.lateral.Lateral;
import org.lateral.testing.TestSites;

/**
 * Rebuilds in one session, as Hugo's rebuild tests count renders: after one post's body is edited,
 * only that post's page, the first page of each list showing it, its feeds, the search index and
 * the sitemap are rendered again, and the output is byte for byte what a clean build writes.
 */
class RebuildIT {

    @TempDir
    Path tmp;

    private static final String SITE = """
            -- site.yaml --
            title: T
            baseUrl: https://example.org/
            paginate: 2
            paginateTerms: 2
            authors:
              ana: { name: Ana }
            -- content/posts/2024-01-05-a.md --
            ---
            title: A
            tags: [x]
            ---
            First.
            -- content/posts/2024-02-05-b.md --
            ---
            title: B
            tags: [y]
            ---
            Second.
            -- content/posts/2024-03-05-c.md --
            ---
            title: C
            tags: [x, y]
            ---
            Third.
            -- content/posts/2024-04-05-d.md --
            ---
            title: D
            tags: [x, z]
            authors: [ana]
            ---
            Fourth, the newest.
            -- content/pages/about.md --
            ---
            title: About
            ---
            About us.
            """;

    private BuildRequest request(Path site) {
        return BuildRequest.of(site).withNow(Instant.parse("2024-06-01T12:00:00Z"));
    }

    @Test
    void anEditedBodyReRendersOnlyWhatShowsItAndTheOutputIsAsAfterACleanBuild() throws IOException {
        Path site = TestSites.inline(tmp, SITE);
        BuildSession session = Lateral.session();
        BuildResult clean = session.build(request(site));
        assertThat(clean.work().incremental()).isFalse();
        assertThat(clean.work().converted()).isEqualTo(5);

        BuildResult same = session.build(request(site));
        assertThat(same.work().incremental()).isTrue();
        assertThat(same.work().rendered()).isZero();
        assertThat(same.work().converted()).isZero(); // unchanged posts are not converted again
        assertThat(same.files()).isEqualTo(clean.files());

        Path d = site.resolve("content/posts/2024-04-05-d.md");
        Files.writeString(d, Files.readString(d).replace("Fourth, the newest.", "Fourth, now **rewritten**."));
        BuildResult edited = session.build(request(site));
        assertThat(edited.work().incremental()).isTrue();
        assertThat(edited.work().converted()).isEqualTo(1);
        assertThat(edited.work().renderedOutputs()).containsExactlyInAnyOrder(
                "2024/04/d/index.html",
                "index.html", "tags/x/index.html", "tags/z/index.html", "authors/ana/index.html",
                "archive/2024/index.html", "archive/2024/04/index.html", "archive/academic/2023-24/index.html",
                "feed.xml", "rss.xml", "feed.json",
                "tags/x/feed.xml", "tags/x/rss.xml", "tags/x/feed.json",
                "tags/z/feed.xml", "tags/z/rss.xml", "tags/z/feed.json",
                "authors/ana/feed.xml", "authors/ana/rss.xml", "authors/ana/feed.json",
                "search-index.json", "search-index.js"); // not the sitemap: no address or date changed
        assertThat(TestSites.read(site.resolve("public/2024/04/d/index.html"))).contains("<strong>rewritten</strong>");

        Path fresh = tmp.resolve("fresh");
        Lateral.build(request(site).withOutput(fresh));
        assertThat(tree(site.resolve("public"))).isEqualTo(tree(fresh));
    }

    @Test
    void anEditInARebuildThatFailedIsWrittenByTheNextGoodOne() throws IOException {
        Path site = TestSites.inline(tmp, SITE);
        BuildSession session = Lateral.session();
        session.build(request(site));
        Path d = site.resolve("content/posts/2024-04-05-d.md");
        Files.writeString(d, Files.readString(d).replace("Fourth, the newest.", "Fourth, edited while broken."));
        Path broken = site.resolve("content/posts/broken.md");
        Files.writeString(broken, "---\ntitle: [unclosed\n---\nBroken.\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.build(request(site)))
                .isInstanceOf(org.lateral.LateralException.class);
        assertThat(TestSites.read(site.resolve("public/2024/04/d/index.html"))).doesNotContain("edited while broken");

        Files.delete(broken);
        BuildResult fixed = session.build(request(site));
        assertThat(fixed.work().incremental()).isTrue();
        assertThat(TestSites.read(site.resolve("public/2024/04/d/index.html"))).contains("edited while broken");
        Path fresh = tmp.resolve("fresh");
        Lateral.build(request(site).withOutput(fresh));
        assertThat(tree(site.resolve("public"))).isEqualTo(tree(fresh));
    }

    @Test
    void rebuiltFilesAreWrittenWhileHoldingTheOutputLockAndLeaveNoTemporaryFiles() throws IOException {
        Path site = TestSites.inline(tmp, SITE);
        BuildSession session = Lateral.session();
        session.build(request(site));
        Path d = site.resolve("content/posts/2024-04-05-d.md");
        Files.writeString(d, Files.readString(d).replace("Fourth, the newest.", "Fourth, locked."));
        System.setProperty(org.lateral.output.OutputLock.WAIT_PROPERTY, "0");
        try (org.lateral.output.OutputLock held = org.lateral.output.OutputLock.acquire(site.resolve("public"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> session.build(request(site)))
                    .isInstanceOf(org.lateral.LateralException.class);
            assertThat(TestSites.read(site.resolve("public/2024/04/d/index.html"))).doesNotContain("locked");
        } finally {
            System.clearProperty(org.lateral.output.OutputLock.WAIT_PROPERTY);
        }
        BuildResult after = session.build(request(site));
        assertThat(after.work().incremental()).isTrue();
        assertThat(TestSites.read(site.resolve("public/2024/04/d/index.html"))).contains("Fourth, locked.");
        try (Stream<Path> files = Files.walk(site.resolve("public"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aChangedTemplateOrFrontMatterMakesACleanBuild() throws IOException {
        Path site = TestSites.inline(tmp, SITE);
        BuildSession session = Lateral.session();
        session.build(request(site));
        Path d = site.resolve("content/posts/2024-04-05-d.md");
        Files.writeString(d, Files.readString(d).replace("title: D", "title: D, retitled"));
        BuildResult retitled = session.build(request(site));
        assertThat(retitled.work().incremental()).isFalse(); // its title shows on many pages
        assertThat(TestSites.read(site.resolve("public/tags/x/index.html"))).contains("D, retitled");

        TestSites.write(site.resolve("templates/partials/footer-extra.ftlh"), "<p>extra</p>\n");
        assertThat(session.build(request(site)).work().incremental()).isFalse();
    }

    /**
     * Told which files changed (as a preview's watcher tells it), a build reads only those: a
     * change it was not told of is not seen until a build that looks at every file, while a
     * front-matter change it was told of still re-groups the lists, and a new file or
     * {@code site.yaml} makes it look at every file.
     */
    @Test
    void toldWhichFilesChangedABuildReadsOnlyThoseUnlessOneIsNewOrNotAPost() throws IOException {
        Path site = TestSites.inline(tmp, SITE);
        BuildSession session = Lateral.session();
        session.build(request(site));
        Path b = site.resolve("content/posts/2024-02-05-b.md");
        Path d = site.resolve("content/posts/2024-04-05-d.md");
        Files.writeString(b, Files.readString(b).replace("Second.", "Second, not told."));
        Files.writeString(d, Files.readString(d).replace("Fourth, the newest.", "Fourth, told."));
        BuildResult told = session.build(request(site), java.util.Set.of(d));
        assertThat(told.work().incremental()).isTrue();
        assertThat(told.work().converted()).isEqualTo(1);
        assertThat(TestSites.read(site.resolve("public/2024/04/d/index.html"))).contains("Fourth, told.");
        assertThat(TestSites.read(site.resolve("public/2024/02/b/index.html"))).doesNotContain("not told");

        Files.writeString(d, Files.readString(d).replace("title: D", "title: D, retitled"));
        BuildResult retitled = session.build(request(site), java.util.Set.of(d));
        assertThat(retitled.work().incremental()).isFalse();
        assertThat(TestSites.read(site.resolve("public/tags/x/index.html"))).contains("D, retitled");
        assertThat(TestSites.read(site.resolve("public/2024/02/b/index.html"))).doesNotContain("not told");

        Path e = site.resolve("content/posts/2024-05-05-e.md");
        Files.writeString(e, "---\ntitle: E\n---\nFifth.\n");
        session.build(request(site), java.util.Set.of(e)); // a new file: every file is looked at
        assertThat(TestSites.read(site.resolve("public/2024/02/b/index.html"))).contains("Second, not told.");
        assertThat(site.resolve("public/2024/05/e/index.html")).exists();

        Path yaml = site.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("title: T", "title: Renamed"));
        Files.writeString(b, Files.readString(b).replace("not told", "untold again"));
        session.build(request(site), java.util.Set.of(yaml));
        assertThat(TestSites.read(site.resolve("public/index.html"))).contains("Renamed");
        assertThat(TestSites.read(site.resolve("public/2024/02/b/index.html"))).contains("untold again");

        Path fresh = tmp.resolve("fresh");
        Lateral.build(request(site).withOutput(fresh));
        assertThat(tree(site.resolve("public"))).isEqualTo(tree(fresh));
    }

    /** Every file of a folder by path, with its bytes as text (the marker file's time left out). */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
