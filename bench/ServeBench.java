import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lateral.Lateral;
import org.lateral.Preview;
import org.lateral.ServeRequest;

/**
 * The preview benchmark (issue 22), in one JVM: Lateral.serve on 127.0.0.1 (any free port), an
 * event-stream reader as a page would hold, then EDITS saves of one post each (appending a
 * sentence to its body; the newest posts first, then further back). Each save is timed from just
 * before the file is written until the page, fetched after the build's "ok" event, holds the new
 * sentence: save-to-served latency. The live heap (after two full GCs) is taken after 50 edits and
 * after the last.
 *
 *   java -cp generator/target/lateral.jar bench/ServeBench.java SITE_DIR [EDITS]
 */
public class ServeBench {
    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]).toAbsolutePath();
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Path staging = Files.createTempDirectory("lateral-serve-bench");
        List<String> log = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Preview p = Lateral.serve(ServeRequest.of(site).withPort(0).withStaging(staging)
                .withClock(() -> Instant.parse("2030-01-01T00:00:00Z")).withOutput(log::add, log::add))) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            HttpClient http = HttpClient.newHttpClient();
            LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
            HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(p.address().resolve("_lateral/events"))
                    .build(), HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> {
                try {
                    Iterator<String> it = stream.body().iterator();
                    while (it.hasNext()) {
                        String line = it.next();
                        if (line.startsWith("event: ")) {
                            events.add(line.substring(7));
                        }
                    }
                } catch (RuntimeException e) {
                    // the stream closed at the end
                }
            });
            reader.setDaemon(true);
            reader.start();
            if (!"hello".equals(events.poll(60, TimeUnit.SECONDS))) {
                throw new IllegalStateException("no hello from the preview");
            }
            List<Path> posts;
            try (Stream<Path> s = Files.list(site.resolve("content/posts"))) {
                posts = s.filter(f -> f.toString().endsWith(".md")).sorted().toList();
            }
            List<Long> times = new ArrayList<>();
            long heap50 = -1;
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime(); // user + system of this JVM: the preview and this client
            for (int i = 0; i < edits; i++) {
                Path post = posts.get(posts.size() - 1 - (i * 7) % posts.size());
                String marker = "Edited for the preview benchmark, number " + i + ".";
                String before = Files.readString(post);
                URI page = pageOf(p, staging, post);
                long s = System.nanoTime();
                Files.writeString(post, before + "\n" + marker + "\n");
                while (true) {
                    String e = events.poll(10, TimeUnit.MINUTES);
                    if (e == null) {
                        throw new IllegalStateException("no build after edit " + i + ": " + log);
                    }
                    if (e.equals("error")) {
                        throw new IllegalStateException("edit " + i + " broke the build: " + log);
                    }
                    if (e.equals("ok")) {
                        String body = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).body();
                        if (body.contains(marker)) {
                            break;
                        }
                    }
                }
                times.add(System.nanoTime() - s);
                if (i + 1 == 50) {
                    long c = os.getProcessCpuTime();
                    heap50 = liveHeap();
                    cpu0 += os.getProcessCpuTime() - c; // the full GCs are not the preview's work
                }
            }
            long cpuPerEdit = (os.getProcessCpuTime() - cpu0) / edits / 1_000_000;
            long heapEnd = liveHeap();
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            System.out.printf("posts=%d start_ms=%d edits=%d save_to_served_median_ms=%d min_ms=%d max_ms=%d "
                            + "live_heap_after_50_mb=%s live_heap_after_%d_mb=%.1f threads=%d cpu_ms_per_edit=%d%n",
                    posts.size(), startMs, edits, sorted.get(sorted.size() / 2) / 1_000_000, sorted.get(0) / 1_000_000,
                    sorted.get(sorted.size() - 1) / 1_000_000, heap50 < 0 ? "-" : String.format("%.1f", heap50 / 1e6),
                    edits, heapEnd / 1e6, Thread.activeCount(), cpuPerEdit);
            System.out.println("first lines of the preview's log: " + log.subList(0, Math.min(4, log.size())));
            stream.body().close();
        }
    }

    /** The served address of a post's page: found in the staging output by the post's title line. */
    static URI pageOf(Preview p, Path staging, Path post) throws Exception {
        String name = post.getFileName().toString().replace(".md", "");
        String slug = name.replaceFirst("^\\d{4}-\\d{2}-\\d{2}-", "");
        if (pageFolders == null) { // walked once, not per save: the walk is not the preview's work
            try (Stream<Path> s = Files.walk(staging.resolve("site"))) {
                pageFolders = s.filter(f -> f.getFileName().toString().equals("index.html")).map(Path::getParent).toList();
            }
        }
        Path page = pageFolders.stream().filter(f -> f.getFileName().toString().equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no page for " + post));
        String rel = staging.resolve("site").relativize(page).toString().replace('\\', '/');
        return p.address().resolve(rel + "/");
    }

    private static List<Path> pageFolders;

    static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
