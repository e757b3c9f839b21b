package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.output.OutputGuard;
import org.lateral.testing.TestSites;

/** Builds into one folder at the same time take turns: each one's output is whole. */
class ConcurrentBuildsIT {

    @TempDir
    Path tmp;

    @Test
    @Timeout(300)
    void twoBuildsIntoOneFolderAtOnceBothSucceedAndLeaveAWholeSite() throws Exception {
        StringBuilder spec = new StringBuilder("-- site.yaml --\ntitle: Busy\nbaseUrl: https://example.org/\n");
        for (int i = 0; i < 40; i++) {
            spec.append("-- content/posts/post-").append(i).append(".md --\n---\ntitle: Post ").append(i)
                    .append("\ndate: 2024-03-").append(String.format("%02d", i % 28 + 1)).append("\n---\nText ")
                    .append(i).append(".\n");
        }
        Path site = TestSites.inline(tmp, spec.toString());
        Path out = site.resolve("public");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<BuildResult>> builds = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    builds.add(pool.submit(() -> {
                        start.await();
                        return Lateral.build(BuildRequest.of(site));
                    }));
                }
                for (Future<BuildResult> b : builds) {
                    assertThat(b.get().posts()).isEqualTo(40);
                }
                assertThat(out.resolve(OutputGuard.MARKER)).exists();
                assertThat(out.resolve("css")).isDirectory();
                assertThat(out.resolve("js")).isDirectory();
                for (int i = 0; i < 40; i++) {
                    Path page = out.resolve("2024/03/post-" + i + "/index.html");
                    assertThat(Jsoup.parse(TestSites.read(page)).select("h1").text()).isEqualTo("Post " + i);
                }
                try (Stream<Path> s = Files.list(site)) {
                    assertThat(s.map(p -> p.getFileName().toString()))
                            .noneMatch(n -> n.contains("lateral-staging") || n.contains("lateral-old"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
