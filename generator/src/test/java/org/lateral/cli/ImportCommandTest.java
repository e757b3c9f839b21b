package org.lateral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.testing.Console;

/** {@code lateral import} on the command line: options, output and exit codes. */
class ImportCommandTest {

    @TempDir
    Path tmp;

    @RegisterExtension
    final Console console = new Console();

    @Test
    void aDryRunPrintsTheReportAndWritesNothing() {
        Path site = tmp.resolve("blog");
        int code = Main.run("import", "wordpress", "src/test/resources/import/wxr-1.0.xml", site.toString(), "--dry-run",
                "--media", "link");
        assertThat(code).isZero();
        assertThat(console.out()).contains("# Import report", "Would import 1 post and 0 pages",
                "Nothing was written (dry run).");
        assertThat(site).doesNotExist();
    }

    @Test
    void aBrokenExportIsExitCodeOneWithItsLine() {
        int code = Main.run("import", "wordpress", "src/test/resources/import/wxr-malformed.xml", tmp.resolve("b").toString());
        assertThat(code).isEqualTo(ExitCodes.CONTENT_ERRORS);
        assertThat(console.err()).contains("wxr-malformed.xml:12:", "error:", "fix:");
    }

    @Test
    void anUnknownMediaChoiceIsAUsageError() {
        int code = Main.run("import", "feed", "feed.xml", "--media", "copy");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(console.err()).contains("--media copy is not a choice", "fix:");
    }
}
