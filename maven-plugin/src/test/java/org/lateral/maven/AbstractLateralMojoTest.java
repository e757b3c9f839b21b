package org.lateral.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.lateral.LateralException;
import org.lateral.Problem;

class AbstractLateralMojoTest {

    /** A goal whose work is whatever the test says. */
    static final class FakeMojo extends AbstractLateralMojo {
        final RecordingLog log = new RecordingLog();
        Runnable work = () -> { };
        int runs;

        FakeMojo() {
            siteDir = new File("site");
            setLog(log);
        }

        @Override
        protected void run(Path site) {
            runs++;
            work.run();
        }
    }

    /** Keeps what was logged, level first. */
    static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("INFO " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("WARN " + content);
        }

        @Override
        public void error(CharSequence content) {
            lines.add("ERROR " + content);
        }
    }

    private static final Problem BAD_DATE = Problem.error(Path.of("content/posts/teachmeet.md"), 3, 7,
            "the date \"31/02/2024\" cannot be read", "write it as 2024-02-29");
    private static final Problem NO_BASE_URL = Problem.warning(Path.of("site.yaml"), 0, 0,
            "site.yaml has no baseUrl", "add baseUrl: \"https://…\"");

    @Test
    void skipDoesNothingButSaySo() throws Exception {
        FakeMojo mojo = new FakeMojo();
        mojo.skip = true;

        mojo.execute();

        assertThat(mojo.runs).isZero();
        assertThat(mojo.log.lines).containsExactly("INFO Skipping Lateral (lateral.skip is true).");
    }

    @Test
    void problemsFailTheBuildNamingEveryProblemInTheMessage() {
        FakeMojo mojo = new FakeMojo();
        mojo.work = () -> {
            throw new LateralException(List.of(BAD_DATE, NO_BASE_URL));
        };

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("1 error; nothing was written.")
                .hasMessageContaining("content/posts/teachmeet.md:3:7: error: the date \"31/02/2024\" cannot be read"
                        + " — fix: write it as 2024-02-29")
                .hasMessageContaining("site.yaml: warning: site.yaml has no baseUrl");
    }

    @Test
    void problemsAreLoggedAtTheirOwnLevel() {
        FakeMojo mojo = new FakeMojo();
        mojo.work = () -> {
            throw new LateralException(List.of(BAD_DATE, NO_BASE_URL));
        };

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

        assertThat(mojo.log.lines).containsExactly(
                "ERROR " + BAD_DATE.format(),
                "WARN " + NO_BASE_URL.format(),
                "ERROR 1 error; nothing was written.");
    }

    @Test
    void aDiskErrorIsAFaultOfTheToolNamingThePath() {
        FakeMojo mojo = new FakeMojo();
        mojo.work = () -> {
            throw new UncheckedIOException("cannot write target/site-output/index.html", new IOException("No space left"));
        };

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("Lateral failed: cannot write target/site-output/index.html: No space left");
    }

    @Test
    void aBugIsAFaultOfTheTool() {
        FakeMojo mojo = new FakeMojo();
        mojo.work = () -> {
            throw new IllegalStateException("theme has no index.ftlh");
        };

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("theme has no index.ftlh")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
