package org.lateral.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache file is written as it goes (never whole in memory), read back in two passes, and refused when damaged. */
class CacheFileTest {

    @TempDir
    Path tmp;

    private static final String TEXT = "é".repeat(50_000); // 100,000 bytes of UTF-8: more than the write buffer

    private Path write(Path target, int texts) throws IOException {
        CacheFile.write(target, "work", o -> {
            o.str("id").i(texts).l(7L).b(true);
            for (int i = 0; i < texts; i++) {
                o.str(TEXT + i);
            }
        });
        return target;
    }

    @Test
    void whatIsWrittenIsReadBack() throws Exception {
        Path f = write(tmp.resolve("build/work.bin"), 30);
        try (CacheFile.In in = new CacheFile.In(f, "work")) {
            assertThat(in.str()).isEqualTo("id");
            int n = in.count();
            assertThat(n).isEqualTo(30);
            assertThat(in.l()).isEqualTo(7L);
            assertThat(in.b()).isTrue();
            for (int i = 0; i < n; i++) {
                assertThat(in.str()).isEqualTo(TEXT + i);
            }
            in.end();
        }
        try (Stream<Path> left = Files.list(f.getParent())) {
            assertThat(left).containsExactly(f); // no temporary file left beside it
        }
    }

    @Test
    void theBodyGoesToDiskAsItIsWrittenNotWhenTheFileIsCommitted() throws IOException {
        Path target = tmp.resolve("work.bin");
        long[] seen = {-1};
        CacheFile.write(target, "work", o -> {
            for (int i = 0; i < 20; i++) {
                o.str(TEXT);
            }
            try (Stream<Path> files = Files.list(tmp)) {
                Path partial = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).findFirst().orElseThrow();
                seen[0] = Files.size(partial);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(target).doesNotExist();
        });
        // 2 MB written: all but the last buffer's worth was in the temporary file before the end
        assertThat(seen[0]).isGreaterThan(1_900_000L);
        assertThat(Files.size(target)).isGreaterThan(2_000_000L);
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path f = write(tmp.resolve("work.bin"), 1);
        byte[] before = Files.readAllBytes(f);
        assertThatThrownBy(() -> CacheFile.write(f, "work", o -> {
            o.str("half");
            throw new UncheckedIOException(new IOException("disk full"));
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void aDamagedOrCutShortFileIsRefused() throws IOException {
        Path f = write(tmp.resolve("work.bin"), 3);
        byte[] good = Files.readAllBytes(f);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 1;
        Files.write(f, flipped);
        assertThatThrownBy(() -> new CacheFile.In(f, "work").close()).isInstanceOf(CacheFile.Unusable.class)
                .hasMessageContaining("checksum");
        Files.write(f, java.util.Arrays.copyOf(good, good.length - 10));
        assertThatThrownBy(() -> new CacheFile.In(f, "work").close()).isInstanceOf(CacheFile.Unusable.class);
        Files.write(f, good);
        assertThatThrownBy(() -> new CacheFile.In(f, "state").close()).isInstanceOf(CacheFile.Unusable.class)
                .hasMessageContaining("holds work, not state");
    }

    @Test
    void aReaderNeverReadsPastTheBodyIntoTheChecksum() throws Exception {
        Path f = tmp.resolve("small.bin");
        CacheFile.write(f, "state", o -> o.i(1));
        try (CacheFile.In in = new CacheFile.In(f, "state")) {
            assertThat(in.i()).isEqualTo(1);
            in.end();
            assertThatThrownBy(in::i).isInstanceOf(CacheFile.Unusable.class).hasMessageContaining("cut short");
        }
    }
}
