package org.lateral.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsCreatedWithItsFoldersAndReplacedWholeLeavingNoTemporaryFile() throws IOException {
        Path file = dir.resolve("cache/hub/river-state.json");
        AtomicFiles.write(file, "first".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file, "second, longer".getBytes(StandardCharsets.UTF_8));

        assertThat(file).hasContent("second, longer");
        assertThat(names(file.getParent())).containsExactly("river-state.json");
    }

    @Test
    void aWriteThatFailsHalfWayKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("sent-weeks.json");
        AtomicFiles.write(file, "kept".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(file).hasContent("kept");
        assertThat(names(dir)).containsExactly("sent-weeks.json");
    }

    @Test
    void aCopyReplacesTheTargetAndTheSourceStays() throws IOException {
        Path from = Files.writeString(dir.resolve("site-index.html"), "<p>new</p>");
        Path to = dir.resolve("published/index.html");
        AtomicFiles.write(to, "<p>old</p>".getBytes(StandardCharsets.UTF_8));

        AtomicFiles.copy(from, to);

        assertThat(to).hasContent("<p>new</p>");
        assertThat(from).hasContent("<p>new</p>");
        assertThat(names(to.getParent())).containsExactly("index.html");
    }

    @Test
    void aCopyOfAMissingFileFailsAndKeepsTheTarget() throws IOException {
        Path to = dir.resolve("index.html");
        AtomicFiles.write(to, "<p>old</p>".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AtomicFiles.copy(dir.resolve("gone.html"), to)).isInstanceOf(IOException.class);

        assertThat(to).hasContent("<p>old</p>");
        assertThat(names(dir)).containsExactly("index.html");
    }

    @Test
    void aWrittenFileIsReadableByOthersAsAnyFileThere() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return; // Windows: no owner-only temporary files to guard against
        }
        Path plain = Files.writeString(dir.resolve("plain.html"), "x");
        Path written = dir.resolve("published.html");
        AtomicFiles.write(written, "x".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    private static Stream<String> namesStream(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static java.util.List<String> names(Path folder) throws IOException {
        return namesStream(folder).toList();
    }
}
