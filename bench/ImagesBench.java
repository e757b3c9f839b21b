import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;

/**
 * The picture benchmark (issue 17): for each site, ROUNDS clean one-shot builds with an empty
 * picture cache (cold) and ROUNDS with the cache filled (warm), in one JVM after a warm-up build;
 * prints the median build time, the median "pictures" phase and how many pictures were resized.
 * Then, for PHOTO, a post holding only that photo: what a reader downloads for it before (the
 * file as it is) and after (the width a browser picks from srcset).
 *
 * <pre>java -cp lateral.jar ImagesBench.java ROUNDS PHOTO SITE...</pre>
 */
public class ImagesBench {
    public static void main(String[] a) throws Exception {
        int rounds = Integer.parseInt(a[0]);
        Path photo = Path.of(a[1]);
        Path work = Files.createTempDirectory("lateral-images-bench");
        for (int i = 2; i < a.length; i++) {
            Path site = Path.of(a[i]).toAbsolutePath();
            Path out = work.resolve("out-" + i);
            Path cache = work.resolve("cache-" + i);
            BuildRequest request = BuildRequest.of(site).withOutput(out).withCache(cache);
            Lateral.build(request); // warm-up (JIT), fills the cache
            List<long[]> cold = new ArrayList<>();
            List<long[]> warm = new ArrayList<>();
            int resized = 0;
            for (int r = 0; r < rounds; r++) {
                delete(cache);
                BuildResult c = Lateral.build(request);
                resized = c.work().pictures();
                cold.add(new long[] {c.elapsed().toMillis(), phase(c, "pictures")});
                BuildResult w = Lateral.build(request);
                warm.add(new long[] {w.elapsed().toMillis(), phase(w, "pictures"), w.work().pictures()});
            }
            System.out.printf(Locale.ROOT, "%-14s pictures resized %2d | cold cache: build %5d ms, pictures %5d ms"
                    + " | warm cache: build %5d ms, pictures %4d ms, resized %d%n", site.getFileName(), resized,
                    median(cold, 0), median(cold, 1), median(warm, 0), median(warm, 1), warm.get(0)[2]);
        }
        Path site = work.resolve("weight");
        Files.createDirectories(site.resolve("content/posts/photo"));
        Files.writeString(site.resolve("site.yaml"), "title: Weight\nbaseUrl: https://example.org/\n");
        Files.writeString(site.resolve("content/posts/photo/index.md"),
                "---\ntitle: A phone photo\ndate: 2026-06-24\n---\nOne photo.\n\n![Pupils at the bench](photo.jpg)\n");
        Files.copy(photo, site.resolve("content/posts/photo/photo.jpg"));
        Path out = work.resolve("weight-out");
        Lateral.build(BuildRequest.of(site).withOutput(out).withCache(work.resolve("weight-cache")));
        Path post = out.resolve("2026/06/photo");
        long html = Files.size(post.resolve("index.html"));
        long original = Files.size(photo);
        System.out.printf(Locale.ROOT, "page weight of a %.1f MB phone photo (%s): HTML %d KB;"
                + " before (the file as it is) %.0f KB; after: 480w %.0f KB, 960w %.0f KB, 1600w %.0f KB,"
                + " the original as published %.0f KB%n", original / 1e6, photo.getFileName(), html / 1024,
                original / 1024.0, kb(post.resolve("photo-480w.jpg")), kb(post.resolve("photo-960w.jpg")),
                kb(post.resolve("photo-1600w.jpg")), kb(post.resolve("photo.jpg")));
        delete(work);
    }

    private static double kb(Path p) throws Exception {
        return Files.size(p) / 1024.0;
    }

    private static long phase(BuildResult r, String name) {
        return r.phases().containsKey(name) ? r.phases().get(name).toMillis() : 0;
    }

    private static long median(List<long[]> runs, int i) {
        List<Long> v = new ArrayList<>();
        runs.forEach(r -> v.add(r[i]));
        v.sort(Comparator.naturalOrder());
        return v.get(v.size() / 2);
    }

    private static void delete(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
