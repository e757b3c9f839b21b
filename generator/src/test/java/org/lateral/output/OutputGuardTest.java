package org.lateral.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.testing.TestSites;

class OutputGuardTest {

    @TempDir
    Path tmp;

    @Test
    void refusesTheSiteFolderItsParentsAndTheRoot() {
        Path site = tmp.resolve("blog");
        assertThat(OutputGuard.check(site, site)).get().extracting(p -> p.message()).asString().contains("site folder itself");
        assertThat(OutputGuard.check(tmp, site)).get().extracting(p -> p.message()).asString().contains("contains the site");
        assertThat(OutputGuard.check(Path.of("/"), site)).get().extracting(p -> p.message()).asString().contains("root");
        assertThat(OutputGuard.check(site.resolve("content/out"), site)).isPresent();
    }

    @Test
    void refusesAFolderOfSomeoneElsesFilesButAcceptsItsOwnAndEmptyOnes() throws Exception {
        Path site = tmp.resolve("blog");
        Path docs = tmp.resolve("docs");
        TestSites.write(docs.resolve("report.docx"), "precious");
        assertThat(OutputGuard.check(docs, site)).get().extracting(p -> p.message()).asString()
                .contains("did not write");
        Path own = tmp.resolve("public");
        TestSites.write(own.resolve(OutputGuard.MARKER), "");
        TestSites.write(own.resolve("index.html"), "");
        assertThat(OutputGuard.check(own, site)).isEmpty();
        Files.createDirectories(tmp.resolve("empty"));
        assertThat(OutputGuard.check(tmp.resolve("empty"), site)).isEmpty();
        assertThat(OutputGuard.check(site.resolve("public"), site)).isEmpty();
    }

    @Test
    void refusesAFileAndLeavesItAsItWas() throws Exception {
        Path site = TestSites.inline(tmp, "-- site.yaml --\ntitle: T\n");
        Path file = tmp.resolve("notes.txt");
        Files.writeString(file, "precious");
        LateralException e = catchThrowableOfType(LateralException.class,
                () -> Lateral.build(BuildRequest.of(site).withOutput(file)));
        assertThat(e.getMessage()).contains("is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("precious");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void refusesAPipeOrADeviceAndDeletesNothing() throws Exception {
        Path site = TestSites.inline(tmp, "-- site.yaml --\ntitle: T\n");
        Path fifo = tmp.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        LateralException e = catchThrowableOfType(LateralException.class,
                () -> Lateral.build(BuildRequest.of(site).withOutput(fifo)));
        assertThat(e.getMessage()).contains("special file");
        assertThat(Files.isDirectory(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(OutputGuard.check(Path.of("/dev/null"), site)).get().extracting(p -> p.message()).asString()
                .contains("special file");
    }
}
