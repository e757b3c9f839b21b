package org.lateral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lateral.testing.EditedSite.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.BuildSession;
import org.lateral.Lateral;
import org.lateral.testing.TestSites;

/**
 * A body edit told by path (a preview's save) plans only the outputs that show the post, from
 * the last full plan's inputs, instead of every output of the site; a front-matter edit plans
 * the whole site again. Either way the output is what a clean build writes.
 */
class BodyEditPlanTest {

    @TempDir
    Path tmp;

    private static final String SITE = """
            -- site.yaml --
            title: Plans
            baseUrl: https://example.org/
            paginate: 2
            paginateTerms: 1
            -- content/posts/2024-01-05-a.md --
            ---
            title: A
            tags: [x]
            series: Oracy
            part: 1
            ---
            First post.
            -- content/posts/2024-02-05-b.md --
            ---
            title: B
            tags: [x, y]
            series: Oracy
            part: 2
            ---
            Second post.
            -- content/posts/2024-03-05-c.md --
            ---
            title: C
            tags: [y]
            ---
            Third post.
            -- content/posts/2024-04-05-d.md --
            ---
            title: D
            tags: [z]
            ---
            Fourth post.
            -- content/pages/about.md --
            ---
            title: About
            ---
            About us.
            """;

    @Test
    void aBodyEditPlansOnlyTheOutputsShowingThePost() throws IOException {
        Path site = TestSites.inline(tmp.resolve("site"), SITE);
        BuildRequest request = BuildRequest.of(site).withNow(Instant.parse("2024-06-01T12:00:00Z"));
        BuildSession session = Lateral.session();
        int all = session.build(request).work().planned();

        Path a = site.resolve("content/posts/2024-01-05-a.md");
        Files.writeString(a, Files.readString(a) + "\nA sentence more.\n");
        BuildResult r = session.build(request, Set.of(a));

        assertThat(r.work().incremental()).isTrue();
        assertThat(r.work().planned()).as("planned of %d", all).isEqualTo(r.work().rendered()).isLessThan(all / 2);
        assertThat(r.work().renderedOutputs())
                .contains("2024/01/a/index.html", "search-index.json", "feed.xml", "tags/x/page/2/index.html",
                        "tags/x/feed.xml", "series/oracy/index.html")
                .doesNotContain("sitemap.xml", "tags/x/index.html", "tags/z/index.html", "2024/04/d/index.html",
                        "about/index.html");
        assertThat(tree(site.resolve("public"))).isEqualTo(tree(clean(request)));

        // post B, newer, is on the first page of tag x and on page 2 of tag y (one post a page)
        Path b = site.resolve("content/posts/2024-02-05-b.md");
        Files.writeString(b, Files.readString(b) + "\nB grows.\n");
        BuildResult rb = session.build(request, Set.of(b));
        assertThat(rb.work().planned()).isEqualTo(rb.work().rendered()).isLessThan(all / 2);
        assertThat(rb.work().renderedOutputs()).contains("tags/x/index.html", "tags/y/page/2/index.html",
                "series/oracy/page/2/index.html").doesNotContain("tags/x/page/2/index.html", "tags/y/index.html");
        assertThat(tree(site.resolve("public"))).isEqualTo(tree(clean(request)));
    }

    @Test
    void aFrontMatterEditPlansTheWholeSite() throws IOException {
        Path site = TestSites.inline(tmp.resolve("site"), SITE);
        BuildRequest request = BuildRequest.of(site).withNow(Instant.parse("2024-06-01T12:00:00Z"));
        BuildSession session = Lateral.session();
        int all = session.build(request).work().planned();

        Path c = site.resolve("content/posts/2024-03-05-c.md");
        Files.writeString(c, Files.readString(c).replace("title: C", "title: C again"));
        BuildResult r = session.build(request, Set.of(c));

        assertThat(r.work().planned()).isEqualTo(all);
        assertThat(tree(site.resolve("public"))).isEqualTo(tree(clean(request)));
    }

    /** The output folder was emptied meanwhile: the body edit's build writes the whole site, not the outputs showing the post. */
    @Test
    void aBodyEditIntoAnEmptiedOutputFolderBuildsTheWholeSite() throws IOException {
        Path site = TestSites.inline(tmp.resolve("site"), SITE);
        BuildRequest request = BuildRequest.of(site).withNow(Instant.parse("2024-06-01T12:00:00Z"));
        BuildSession session = Lateral.session();
        int all = session.build(request).work().planned();
        try (Stream<Path> files = Files.walk(site.resolve("public"))) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }

        Path a = site.resolve("content/posts/2024-01-05-a.md");
        Files.writeString(a, Files.readString(a) + "\nA sentence more.\n");
        BuildResult r = session.build(request, Set.of(a));

        assertThat(r.work().incremental()).isFalse();
        assertThat(r.work().planned()).isEqualTo(all);
        assertThat(tree(site.resolve("public"))).isEqualTo(tree(clean(request)));
    }

    /**
     * Edits of one post, then of others whose feeds and lists do not show it, then of it again: the
     * feed entries a session keeps (by page object, across builds) and the lists a filtered plan
     * leaves out never serve an old version. Each build's page, the feeds of the post's tags, the
     * search index and the whole folder hold the newest text, as a clean build does.
     */
    @Test
    void editsOfOnePostBetweenEditsOfOthersNeverServeAnOldPageListFeedOrSearchEntry() throws IOException {
        Path site = TestSites.inline(tmp.resolve("site"), SITE);
        BuildRequest request = BuildRequest.of(site).withNow(Instant.parse("2024-06-01T12:00:00Z"));
        BuildSession session = Lateral.session();
        session.build(request);
        Path a = site.resolve("content/posts/2024-01-05-a.md");
        Path b = site.resolve("content/posts/2024-02-05-b.md");
        Path d = site.resolve("content/posts/2024-04-05-d.md");
        Path out = site.resolve("public");
        String[] steps = {"a", "d", "b", "a", "d", "a"};
        for (int i = 0; i < steps.length; i++) {
            Path post = steps[i].equals("a") ? a : steps[i].equals("b") ? b : d;
            String word = "zebra" + "abcdefghij".charAt(i) + "quill";
            Files.writeString(post, Files.readString(post) + "\n" + word + " appears.\n");
            BuildResult r = session.build(request, Set.of(post));
            assertThat(r.work().incremental()).as("step %d", i).isTrue();
            assertThat(r.work().planned()).as("step %d", i).isEqualTo(r.work().rendered());
            assertThat(Files.readString(out.resolve("search-index.json"))).as("step %d", i).contains(word);
            assertThat(Files.readString(out.resolve("feed.xml"))).as("step %d", i).contains(word);
            if (post == a) { // post A is on page 2 of tag x (one post a page); its feed shows it
                assertThat(Files.readString(out.resolve("2024/01/a/index.html"))).contains(word);
                assertThat(Files.readString(out.resolve("tags/x/feed.xml"))).as("step %d", i).contains(word);
            }
            if (post == d) {
                assertThat(Files.readString(out.resolve("tags/z/feed.xml"))).as("step %d", i).contains(word);
            }
            assertThat(tree(out)).as("step %d", i).isEqualTo(tree(clean(request)));
        }
        // B's edit re-wrote tag x's feed, which shows A: with A's text of the step before, not the first
        assertThat(Files.readString(out.resolve("tags/x/feed.xml"))).contains("zebraaquill", "zebradquill",
                "zebrafquill");
    }

    private Path clean(BuildRequest request) {
        Path fresh = tmp.resolve("fresh-" + System.nanoTime());
        Lateral.build(request.withOutput(fresh));
        return fresh;
    }
}
