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

    @Test
    void closingReleasesAWaitingBuilderWithNothing() throws InterruptedException {
        Debouncer d = new Debouncer(Duration.ofMillis(20), Duration.ofSeconds(1));
        Thread closer = new Thread(d::close);
        closer.start();
        assertThat(d.take()).isEmpty();
        closer.join();
    }
}
