import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.BuildSession;
import org.lateral.Lateral;

/**
 * The rebuild benchmark (issue 12), in one JVM: a clean build of a site, a second clean build
 * (warm), then EDITS edits of one post's body each followed by a rebuild in the same session.
 * Prints one line of figures: posts, clean (cold, warm) ms, median rebuild ms, rebuild/clean,
 * outputs rendered by a clean build and by the median rebuild, files written by it.
 *
 *   java -cp generator/target/lateral.jar bench/RebuildBench.java SITE_DIR [EDITS]
 */
public class RebuildBench {
    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        BuildRequest request = BuildRequest.of(site).withNow(now);

        long t0 = System.nanoTime();
        Lateral.session().build(request.withOutput(site.resolve("public-cold")));
        long cold = System.nanoTime() - t0;

        BuildSession session = Lateral.session();
        t0 = System.nanoTime();
        BuildResult clean = session.build(request);
        long warm = System.nanoTime() - t0;

        List<Path> posts;
        try (Stream<Path> s = Files.list(site.resolve("content/posts"))) {
            posts = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        List<Long> times = new ArrayList<>();
        List<BuildResult> results = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            // the newest posts first (on every first page), then posts further back
            Path post = posts.get(posts.size() - 1 - (i * 7) % posts.size());
            Files.writeString(post, Files.readString(post) + "\nEdited for the rebuild benchmark (" + i + ").\n");
            t0 = System.nanoTime();
            BuildResult r = session.build(request);
            times.add(System.nanoTime() - t0);
            results.add(r);
            if (!r.work().incremental()) {
                throw new IllegalStateException("rebuild " + i + " was not incremental");
            }
        }
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        BuildResult m = results.get(times.indexOf(median));
        System.out.printf("posts=%d clean_cold_ms=%d clean_warm_ms=%d rebuild_median_ms=%d ratio=%.3f "
                        + "rendered_clean=%d rendered_rebuild=%d written_rebuild=%d converted_rebuild=%d rebuild_ms=%s%n",
                clean.posts(), cold / 1_000_000, warm / 1_000_000, median / 1_000_000, (double) median / warm,
                clean.work().rendered(), m.work().rendered(), m.work().written(), m.work().converted(),
                times.stream().map(t -> Long.toString(t / 1_000_000)).toList());
        System.out.println("phases of the median rebuild: " + m.phases().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms").toList());
        System.out.println("phases of the warm clean build: " + clean.phases().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms").toList());
    }
}
