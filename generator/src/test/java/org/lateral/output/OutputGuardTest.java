package org.lateral.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}
