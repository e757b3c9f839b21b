package org.lateral.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.testing.TestSites;

class StagedOutputTest {

    @TempDir
    Path tmp;

    @Test
    void commitReplacesThePreviousOutputAsAWhole() throws Exception {
        Path out = tmp.resolve("public");
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("old.html", "old".getBytes());
            s.commit();
        }
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("a/b/new.html", "new".getBytes());
            assertThat(out.resolve("old.html")).exists(); // untouched until commit
            s.commit();
        }
        assertThat(out.resolve("a/b/new.html")).hasContent("new");
        assertThat(out.resolve("old.html")).doesNotExist();
        assertThat(out.resolve(OutputGuard.MARKER)).exists();
        try (var files = Files.list(tmp)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("public");
        }
    }

    @Test
    void closingWithoutCommitLeavesThePreviousOutputAndRemovesTheStaging() throws Exception {
        Path out = tmp.resolve("public");
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("index.html", "v1".getBytes());
            s.commit();
        }
        try (StagedOutput s = StagedOutput.begin(out)) {
            s.write("index.html", "v2".getBytes());
        }
        assertThat(out.resolve("index.html")).hasContent("v1");
        try (var files = Files.list(tmp)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aKilledBuildsLeftoversAreCleanedUpAndAnInterruptedSwapRestored() throws Exception {
        Path out = tmp.resolve("public");
        Files.createDirectories(tmp.resolve(".public.lateral-staging-dead"));
        TestSites.write(tmp.resolve(".public.lateral-old-12345678/index.html"), "previous");
        try (StagedOutput s = StagedOutput.begin(out)) {
            assertThat(out.resolve("index.html")).hasContent("previous");
            assertThat(tmp.resolve(".public.lateral-staging-dead")).doesNotExist();
        }
    }

    @Test
    void refusesToWriteOutsideTheOutputFolder() {
        try (StagedOutput s = StagedOutput.begin(tmp.resolve("public"))) {
            assertThatThrownBy(() -> s.write("../escape.html", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(tmp.resolve("escape.html")).doesNotExist();
    }
}
