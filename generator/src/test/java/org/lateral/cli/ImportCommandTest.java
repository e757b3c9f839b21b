package org.lateral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lateral import} on the command line: options, output and exit codes. */
class ImportCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void aDryRunPrintsTheReportAndWritesNothing() {
        Path site = tmp.resolve("blog");
        int code = Main.run("import", "wordpress", "src/test/resources/import/wxr-1.0.xml", site.toString(), "--dry-run",
                "--media", "link");
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("# Import report", "Would import 1 post and 0 pages",
                "Nothing was written (dry run).");
        assertThat(site).doesNotExist();
    }

    @Test
    void aBrokenExportIsExitCodeOneWithItsLine() {
        int code = Main.run("import", "wordpress", "src/test/resources/import/wxr-malformed.xml", tmp.resolve("b").toString());
        assertThat(code).isEqualTo(ExitCodes.CONTENT_ERRORS);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("wxr-malformed.xml:12:", "error:", "fix:");
    }

    @Test
    void anUnknownMediaChoiceIsAUsageError() {
        int code = Main.run("import", "feed", "feed.xml", "--media", "copy");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--media copy is not a choice", "fix:");
    }
}
