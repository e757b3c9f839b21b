package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.Problem;
import org.lateral.testing.TestSites;

/**
 * Links (shortcuts) that leave the site folder, or point at nothing, are skipped with a warning
 * at their path in every folder Lateral reads: nothing outside the site is read or published.
 */
class SymlinksIT {

    @TempDir
    Path tmp;

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system cannot make symbolic links: " + e);
        }
    }

    @Test
    void linksOutOfTheSiteAreSkippedWithAWarningAndNothingOutsideIsPublished() throws Exception {
        Path outside = tmp.resolve("outside");
        TestSites.write(outside.resolve("secret.md"), "---\ntitle: SECRET post\ndate: 2024-03-05\n---\nSECRET\n");
        TestSites.write(outside.resolve("secret.txt"), "SECRET");
        TestSites.write(outside.resolve("posts/other.md"), "---\ntitle: SECRET other\ndate: 2024-03-05\n---\nSECRET\n");
        TestSites.write(outside.resolve("broken.yaml"), "a: [SECRET\n"); // reading it would fail the build
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                -- content/posts/fine.md --
                ---
                title: Fine
                date: 2024-03-05
                ---
                Fine.
                -- content/posts/bundle/index.md --
                ---
                title: Bundle
                date: 2024-03-06
                ---
                Bundle.
                -- drafts/inside.md --
                ---
                title: Linked from inside
                date: 2024-03-07
                ---
                Inside.
                """);
        link(site.resolve("content/posts/secret.md"), outside.resolve("secret.md"));
        link(site.resolve("content/posts/bundle/leak.txt"), outside.resolve("secret.txt"));
        link(site.resolve("content/posts/elsewhere"), outside.resolve("posts"));
        link(site.resolve("content/posts/dangling.md"), tmp.resolve("missing.md"));
        link(site.resolve("content/posts/inside.md"), site.resolve("drafts/inside.md"));
        link(site.resolve("static/leak.txt"), outside.resolve("secret.txt"));
        link(site.resolve("data/leak.yaml"), outside.resolve("broken.yaml"));
        link(site.resolve("i18n/en.yaml"), outside.resolve("broken.yaml"));

        BuildResult result = Lateral.build(BuildRequest.of(site));

        assertThat(result.posts()).isEqualTo(3); // fine, bundle, and the link inside the site
        List<String> warned = result.warnings().stream().filter(p -> p.message().contains("link (shortcut)"))
                .map(p -> p.file().toString().replace('\\', '/')).toList();
        assertThat(warned).containsExactlyInAnyOrder("content/posts/bundle/leak.txt", "content/posts/dangling.md",
                "content/posts/elsewhere", "content/posts/secret.md", "data/leak.yaml", "i18n/en.yaml",
                "static/leak.txt");
        assertThat(result.warnings()).filteredOn(p -> p.file() != null && p.file().endsWith("dangling.md"))
                .extracting(Problem::message).allMatch(m -> m.contains("does not exist"));
        Path out = site.resolve("public");
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(TestSites.read(f)).as(f.toString()).doesNotContain("SECRET");
            }
        }
        assertThat(out.resolve("leak.txt")).doesNotExist();
        assertThat(out.resolve("2024/03/bundle/leak.txt")).doesNotExist();
    }
}
