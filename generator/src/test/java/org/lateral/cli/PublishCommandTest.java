package org.lateral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.testing.Console;
import org.lateral.testing.TestSites;

/** {@code lateral publish} on the command line: options, output and exit codes. */
class PublishCommandTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final Console console = new Console();

    private Path site() {
        return TestSites.inline(tmp, """
                -- site.yaml --
                title: T
                baseUrl: https://example.org/
                -- content/posts/a.md --
                ---
                title: A
                date: 2024-03-05
                ---
                Hello.
                """);
    }

    @Test
    void publishesToABareRepositoryThenFindsNothingToPublish() throws Exception {
        Path site = site();
        Path bare = tmp.resolve("remote.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        String url = bare.toUri().toString();

        assertThat(Main.run("publish", site.toString(), "--to", url, "--branch", "pages", "--message", "First")).isZero();
        assertThat(console.out()).contains("Published to " + url + " (branch pages) as commit ");

        console.reset();
        assertThat(Main.run("publish", site.toString(), "--to", url, "--branch", "pages")).isZero();
        assertThat(console.out())
                .contains("Nothing to publish: " + url + " (branch pages) already holds this site.");
    }

    @Test
    void aDryRunIntoAFolderWritesNothing() {
        Path site = site();
        Path www = tmp.resolve("www");

        assertThat(Main.run("publish", site.toString(), "--to", www.toString(), "--dry-run")).isZero();

        assertThat(console.out()).contains("Dry run: publishing to " + www);
        assertThat(www).doesNotExist();
    }

    @Test
    void nowhereToPublishExitsOneWithTheFix() {
        assertThat(Main.run("publish", site().toString())).isEqualTo(ExitCodes.CONTENT_ERRORS);
        assertThat(console.err())
                .contains("site.yaml: error: there is nowhere to publish the site to — fix: add to site.yaml:")
                .doesNotContain("Exception");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(Main.run("publish", "--help")).isZero();
        assertThat(console.out()).contains("--to=TARGET", "--branch=NAME", "--message=TEXT",
                "--no-history", "--dry-run", "--force", "LATERAL_GIT_TOKEN");
    }
}
