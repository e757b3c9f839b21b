package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.Preview;
import org.lateral.ServeRequest;
import org.lateral.testing.EventStream;
import org.lateral.testing.TestSites;

/**
 * The preview after random edits (a fixed seed: the same edits every run) holds exactly what a clean
 * build of the edited site writes, byte for byte, deleted files included; and a long run of edits
 * and page visits leaves no threads or connections behind.
 */
class ServeEditsIT {

    static final long SEED = 20261202L;

    @TempDir
    Path tmp;

    final HttpClient http = HttpClient.newHttpClient();

    ServeRequest request(Path site) {
        return ServeRequest.of(site).withPort(0).withStaging(tmp.resolve("staging")).withClock(() -> ServeIT.NOW)
                .withOutput(line -> { }, line -> { });
    }

    static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return files;
    }

    /** Whether two trees hold the same files with the same bytes. */
    static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    static String differences(Map<String, byte[]> served, Map<String, byte[]> clean) {
        List<String> diff = new ArrayList<>();
        clean.keySet().stream().filter(k -> !served.containsKey(k)).forEach(k -> diff.add("missing " + k));
        served.keySet().stream().filter(k -> !clean.containsKey(k)).forEach(k -> diff.add("extra " + k));
        clean.forEach((k, v) -> {
            if (served.containsKey(k) && !Arrays.equals(v, served.get(k))) {
                diff.add("differs " + k);
            }
        });
        return String.join(", ", diff);
    }

    /** Saves the way one of the editors does, chosen by the random source. */
    static void save(Random random, Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        switch (random.nextInt(3)) {
            case 0 -> Files.writeString(file, text);
            case 1 -> {
                Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
                Files.writeString(temp, text);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            default -> {
                Path backup = file.resolveSibling(file.getFileName() + "~");
                if (Files.exists(file)) {
                    Files.move(file, backup, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.writeString(file, text);
                Files.deleteIfExists(backup);
            }
        }
    }

    static String post(String title, List<String> tags, boolean draft, String body) {
        return "---\ntitle: " + title + "\ntags: " + tags + (draft ? "\ndraft: true" : "") + "\n---\n" + body + "\n";
    }

    @Test
    void afterRandomEditsThePreviewHoldsWhatACleanBuildWrites() throws Exception {
        Path site = TestSites.inline(tmp, ServeIT.SITE);
        Random random = new Random(SEED);
        List<String> tags = List.of("feedback", "reading", "questioning");
        try (Preview p = Lateral.serve(request(site));
                EventStream events = EventStream.open(http, p.address().resolve("_lateral/events"))) {
            Path posts = site.resolve("content/posts");
            for (int step = 0; step < 14; step++) {
                List<Path> existing;
                try (Stream<Path> s = Files.list(posts)) {
                    existing = s.filter(f -> f.toString().endsWith(".md")).sorted().toList();
                }
                Path some = existing.get(random.nextInt(existing.size()));
                String name = "p" + step;
                String what;
                switch (random.nextInt(8)) {
                    case 0 -> {
                        what = "new post";
                        save(random, posts.resolve("2024-0" + (1 + random.nextInt(8)) + "-1" + random.nextInt(9) + "-" + name
                                + ".md"), post("New " + name, List.of(tags.get(random.nextInt(3))), false, "Fresh."));
                    }
                    case 1 -> {
                        what = "delete " + some.getFileName();
                        if (existing.size() > 2) {
                            Files.delete(some);
                        }
                    }
                    case 2 -> {
                        what = "rename " + some.getFileName();
                        Files.move(some, some.resolveSibling(some.getFileName().toString().replace(".md", "-" + name + ".md")));
                    }
                    case 3 -> {
                        what = "retitle and retag " + some.getFileName();
                        save(random, some, post("Retitled " + name, List.of(tags.get(random.nextInt(3))),
                                random.nextBoolean(), "Body of " + name));
                    }
                    case 4 -> {
                        what = "site.yaml";
                        Path yaml = site.resolve("site.yaml");
                        save(random, yaml, Files.readString(yaml).replaceFirst("title: .*", "title: Journal " + name));
                    }
                    case 5 -> {
                        what = "stylesheet";
                        save(random, site.resolve("static/css/extra.css"), "p { margin: " + step + "px; }");
                    }
                    default -> {
                        what = "body of " + some.getFileName();
                        String text = Files.readString(some);
                        save(random, some, text.substring(0, text.lastIndexOf("---") + 4) + "Edited at step " + step
                                + ", *with emphasis*.\n");
                    }
                }
                Path clean = tmp.resolve("clean-" + step);
                Lateral.build(BuildRequest.of(site).withOutput(clean).withDrafts(true).withFuture(true)
                        .withBaseUrl(p.address().toString()).withNow(ServeIT.NOW));
                Map<String, byte[]> expected = tree(clean);
                Map<String, byte[]> served = null;
                for (int builds = 0; builds < 3; builds++) {
                    EventStream.Event e = events.nextBuild();
                    assertThat(e.type()).as("step %d (%s): %s", step, what, e.data()).isEqualTo("ok");
                    served = tree(tmp.resolve("staging/site"));
                    if (same(served, expected)) {
                        break;
                    }
                }
                assertThat(same(served, expected)).as("step %d (%s): %s", step, what, differences(served, expected))
                        .isTrue();
            }
        }
    }

    @Test
    void manyEditsAndPageVisitsLeaveNoThreadsOrConnectionsBehind() throws Exception {
        Path site = TestSites.inline(tmp, ServeIT.SITE);
        Path post = site.resolve("content/posts/2024-01-05-first.md");
        try (Preview p = Lateral.serve(request(site))) {
            int threadsAfterWarmUp = 0;
            long lateralAfterWarmUp = 0;
            for (int i = 0; i < 40; i++) {
                // a page opens, listens, hears of one save, and closes (as a reload does)
                try (EventStream events = EventStream.open(http, p.address().resolve("_lateral/events"))) {
                    Files.writeString(post, ServeIT.post("First steps", "Edit number " + i));
                    assertThat(events.nextBuild().type()).isEqualTo("ok");
                    HttpResponse<String> page = http.send(HttpRequest.newBuilder(p.address().resolve("2024/01/first/"))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(page.statusCode()).isEqualTo(200);
                }
                if (i == 9) {
                    threadsAfterWarmUp = ManagementFactory.getThreadMXBean().getThreadCount();
                    lateralAfterWarmUp = lateralThreads();
                }
            }
            // the HTTP client's own threads come and go; the preview's are a fixed set
            assertThat(lateralThreads()).isLessThanOrEqualTo(lateralAfterWarmUp);
            assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(threadsAfterWarmUp + 8);
        }
        assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("lateral-http") || n.startsWith("lateral-watch") || n.startsWith("lateral-rebuild")
                        || n.startsWith("lateral-live"))).isEmpty();
    }

    static long lateralThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("lateral-")).count();
    }
}
