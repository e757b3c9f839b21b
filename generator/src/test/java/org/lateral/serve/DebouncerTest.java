package org.lateral.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DebouncerTest {

    @Test
    void changesBeforeTheFilesAreStillAreOneBatchWithEachPathOnce() throws InterruptedException {
        Debouncer d = new Debouncer(Duration.ofMillis(20), Duration.ofSeconds(1));
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20; i++) {
                d.offer(Path.of("content/posts/p" + i + ".md"));
            }
        }
        Set<Path> batch = d.take();
        assertThat(batch).hasSize(20).contains(Path.of("content/posts/p0.md"), Path.of("content/posts/p19.md"));
        d.offer(Path.of("site.yaml"));
        assertThat(d.take()).containsExactly(Path.of("site.yaml"));
    }

    /**
     * An editor that moves the old file aside before writing the new one (vim) leaves a moment
     * with no file: the batch waits the longer quiet period for it, so the rebuild sees the new
     * file rather than a deleted post.
     */
    @Test
    void aBatchWithAMissingFileWaitsForTheEditorsNewFile(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Debouncer d = new Debouncer(Duration.ofMillis(1), Duration.ofSeconds(60), Duration.ofSeconds(30));
        Path post = tmp.resolve("post.md");
        d.offer(post); // moved aside: gone for now
        Thread editor = new Thread(() -> {
            try {
                Thread.sleep(200);
                java.nio.file.Files.writeString(post, "new text");
                d.offer(post);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        editor.start();
        Set<Path> batch = d.take();
        boolean back = java.nio.file.Files.exists(post);
        editor.join();
        assertThat(batch).containsExactly(post);
        assertThat(back).as("the batch was handed over only once the file was back").isTrue();
    }

    /** A save in place truncates the file before writing its text: an empty file is waited for too. */
    @Test
    void aBatchWithAnEmptyFileWaitsForItsText(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Debouncer d = new Debouncer(Duration.ofMillis(1), Duration.ofSeconds(60), Duration.ofSeconds(30));
        Path post = tmp.resolve("post.md");
        java.nio.file.Files.writeString(post, "");
        d.offer(post); // opened for writing and truncated
        Thread editor = new Thread(() -> {
            try {
                Thread.sleep(200);
                java.nio.file.Files.writeString(post, "---\ntitle: T\n---\nText.\n");
                d.offer(post);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        editor.start();
        Set<Path> batch = d.take();
        long size = java.nio.file.Files.size(post);
        editor.join();
        assertThat(batch).containsExactly(post);
        assertThat(size).as("the batch was handed over only once the text was written").isPositive();
    }

    @Test
    void closingReleasesAWaitingBuilderWithNothing() throws InterruptedException {
        Debouncer d = new Debouncer(Duration.ofMillis(20), Duration.ofSeconds(1));
        Thread closer = new Thread(d::close);
        closer.start();
        assertThat(d.take()).isEmpty();
        closer.join();
    }
}
