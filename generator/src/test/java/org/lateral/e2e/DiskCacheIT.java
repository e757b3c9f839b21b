package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lateral.testing.EditedSite.append;
import static org.lateral.testing.EditedSite.pick;
import static org.lateral.testing.EditedSite.posts;
import static org.lateral.testing.EditedSite.replaceFrontMatterLine;
import static org.lateral.testing.EditedSite.tree;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.EditedSite.Clock;
import org.lateral.testing.TestSites;

/**
 * The build cache on disk: each {@link Lateral#build} here is a one-shot build in a session of its
 * own, as a new {@code lateral build} process is, so all it can reuse is what the last build left in
 * {@code .lateral-cache/build}. After any sequence of edits its output is byte for byte what a clean
 * build of the same files (with no cache) writes; an unchanged site is not built at all; a damaged
 * cache, or another Lateral's, is ignored with a note; a broken post leaves output and cache as they were.
 */
class DiskCacheIT {

    @TempDir
    Path tmp;

    private static final String SITE = org.lateral.testing.EditedSite.SITE;

    private static final Instant START = Instant.parse("2024-06-01T12:00:00Z");

    @Test
    void afterAnySequenceOfEditsInNewProcessesTheOutputIsWhatACleanBuildWrites() throws IOException {
        int[] counts = new int[2];
        for (long seed : new long[] {20261202L, 42L}) {
            int[] c = run(seed, 10);
            counts[0] += c[0];
            counts[1] += c[1];
        }
        assertThat(counts[0]).as("rebuilds that rendered only what the edit affected").isGreaterThan(3);
        assertThat(counts[1]).as("rebuilds that found nothing changed").isGreaterThan(0);
    }

    /** One random sequence of {@code steps} edits; returns how many rebuilds were incremental and up to date. */
    private int[] run(long seed, int steps) throws IOException {
        Random random = new Random(seed);
        Path site = TestSites.inline(tmp.resolve("s" + seed), SITE);
        Clock files = new Clock(site);
        files.age();
        Instant now = START;
        Lateral.build(request(site, now));
        int incremental = 0;
        int upToDate = 0;
        boolean broken = false;
        for (int step = 0; step < steps; step++) {
            String what;
            if (broken) {
                what = "fix";
            } else {
                what = pick(random, "body", "body", "body", "sameSize", "summary", "more", "title", "tags",
                        "add", "delete", "template", "touch", "touch", "break", "clock", "data");
            }
            List<Path> posts = posts(site);
            Path post = posts.get(random.nextInt(posts.size()));
            switch (what) {
                case "body" -> append(post, "\nEdited at step " + step + " with **" + random.nextInt(1000) + "** words.\n");
                case "sameSize" -> {
                    String text = Files.readString(post);
                    int at = text.lastIndexOf('.');
                    Files.writeString(post, text.substring(0, at) + "!" + text.substring(at + 1));
                }
                case "summary" -> replaceFrontMatterLine(post, "summary: ", "summary: Summary " + step);
                case "more" -> append(post, "\n<!--more-->\n\nAfter the fold " + step + ".\n");
                case "title" -> replaceFrontMatterLine(post, "title: ", "title: Retitled " + step);
                case "tags" -> replaceFrontMatterLine(post, "tags: ", "tags: [x, t" + random.nextInt(3) + "]");
                case "add" -> Files.writeString(site.resolve("content/posts/2024-04-" + (10 + step) + "-new-" + step + ".md"),
                        "---\ntitle: New " + step + "\ntags: [z]\n---\nA new post.\n");
                case "delete" -> {
                    if (posts.size() > 4) {
                        Files.delete(post);
                    }
                }
                case "template" -> TestSites.write(site.resolve("templates/404.ftlh"),
                        "<!DOCTYPE html><html lang=\"en\"><head><title>Lost " + step + "</title></head><body>"
                                + "<p>Not here.</p></body></html>\n");
                case "data" -> TestSites.write(site.resolve("data/links.yaml"), "step: " + step + "\n");
                case "touch" -> { } // only its time changes, below
                case "break" -> {
                    Files.writeString(site.resolve("content/posts/broken.md"), "---\ntitle: [unclosed\n---\nBroken.\n");
                    broken = true;
                }
                case "fix" -> {
                    Files.writeString(site.resolve("content/posts/broken.md"), "---\ntitle: Fixed\ndate: 2024-05-20\n---\nFixed.\n");
                    broken = false;
                }
                case "clock" -> now = now.plus(Duration.ofDays(20)); // past the scheduled post's date, in the end
                default -> throw new AssertionError(what);
            }
            files.tick(what.equals("touch") ? post : null);
            BuildRequest request = request(site, now);
            if (broken) {
                Map<String, String> output = tree(site.resolve("public"));
                Map<String, String> cache = tree(site.resolve(".lateral-cache/build"));
                assertThatThrownBy(() -> Lateral.build(request)).isInstanceOf(LateralException.class);
                assertThat(tree(site.resolve("public"))).as("the output after a failed build").isEqualTo(output);
                assertThat(tree(site.resolve(".lateral-cache/build"))).as("the cache after a failed build").isEqualTo(cache);
                continue;
            }
            BuildResult r = Lateral.build(request);
            assertThat(r.warnings()).as("no note on the cache").noneMatch(w -> w.message().contains("build cache"));
            if (r.work().upToDate()) {
                upToDate++;
            } else if (r.work().incremental()) {
                incremental++;
            }
            Path fresh = tmp.resolve("fresh-" + seed + "-" + step);
            Lateral.build(request.withOutput(fresh).withCache(tmp.resolve("fresh-cache-" + seed + "-" + step)));
            assertThat(tree(site.resolve("public")))
                    .as("seed %d, step %d (%s of %s): the output against a clean build's", seed, step, what,
                            site.relativize(post))
                    .isEqualTo(tree(fresh));
        }
        return new int[] {incremental, upToDate};
    }

    @Test
    void anUnchangedSiteIsNotBuiltAgainAndItsOutputIsNotTouched() throws IOException {
        Path site = TestSites.inline(tmp, SITE);
        BuildResult first = Lateral.build(request(site, START));
        Path output = site.resolve("public");
        Map<String, FileTime> times = times(output);

        BuildResult again = Lateral.build(request(site, START.plusSeconds(60)));

        assertThat(again.work().upToDate()).isTrue();
        assertThat(again.work().rendered()).isZero();
        assertThat(times(output)).as("no file of the output written again").isEqualTo(times);
        assertThat(again.htmlPages()).isEqualTo(first.htmlPages());
        assertThat(again.posts()).isEqualTo(first.posts());
        assertThat(again.skipped()).isEqualTo(first.skipped());
        assertThat(again.warnings()).isEqualTo(first.warnings());
        assertThat(again.summaryLines(site, "--drafts", "--future").get(1))
                .isEqualTo("Nothing changed: " + first.htmlPages() + " pages up to date in "
                        + again.elapsed().toMillis() + " ms");
        assertThat(site.resolve(".lateral-cache/build/state.bin")).isRegularFile();
        assertThat(site.resolve(".lateral-cache/build/work.bin")).isRegularFile();
        try (Stream<Path> s = Files.walk(output)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("nothing of the cache in the output")
                    .noneMatch(n -> n.endsWith(".bin"));
        }
    }

    @Test
    void anOutputFileRemovedOrChangedSinceIsWrittenAgain() throws IOException {
        Path site = TestSites.inline(tmp, SITE);
        Lateral.build(request(site, START));
        Path output = site.resolve("public");
        Path about = output.resolve("about/index.html");
        String page = Files.readString(about);
        Files.delete(output.resolve("index.html"));
        Files.writeString(about, "changed by hand");

        BuildResult r = Lateral.build(request(site, START));

        assertThat(r.work().upToDate()).isFalse();
        assertThat(Files.readString(about)).isEqualTo(page);
        assertThat(output.resolve("index.html")).isRegularFile();
        assertThat(Lateral.build(request(site, START)).work().upToDate()).isTrue();
    }

    @Test
    void aDamagedCacheIsIgnoredWithANoteAndTheBuildIsWhole() throws IOException {
        Path site = TestSites.inline(tmp, SITE);
        Lateral.build(request(site, START));
        Path state = site.resolve(".lateral-cache/build/state.bin");
        byte[] bytes = Files.readAllBytes(state);
        Files.write(state, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // cut short
        append(site.resolve("content/posts/2024-01-05-a.md"), "\nA new last line.\n");

        BuildResult r = Lateral.build(request(site, START));

        assertThat(r.work().upToDate()).isFalse();
        assertThat(r.work().incremental()).as("no last build to follow").isFalse();
        assertThat(r.warnings()).filteredOn(w -> w.message().contains("build cache"))
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.severity()).isEqualTo(Problem.Severity.WARNING);
                    assertThat(w.message()).contains("state.bin was ignored").contains("cut short");
                });
        assertThat(tree(site.resolve("public"))).isEqualTo(clean(site, START));
        BuildResult next = Lateral.build(request(site, START));
        assertThat(next.work().upToDate()).as("a good cache written again").isTrue();
        assertThat(next.warnings()).as("the note is not told again").noneMatch(w -> w.message().contains("build cache"));

        Path work = site.resolve(".lateral-cache/build/work.bin");
        byte[] w = Files.readAllBytes(work);
        w[w.length / 2] ^= 0x5a; // one flipped byte
        Files.write(work, w);
        append(site.resolve("content/posts/2024-01-05-a.md"), "\nAnother last line.\n");
        BuildResult afterFlip = Lateral.build(request(site, START));
        assertThat(afterFlip.warnings()).anySatisfy(x -> assertThat(x.message()).contains("work.bin was ignored")
                .contains("checksum"));
        assertThat(tree(site.resolve("public"))).isEqualTo(clean(site, START));
    }

    @Test
    void aTemplateChangeIsWrittenAndMatchesACleanBuild() throws IOException {
        Path site = TestSites.inline(tmp, SITE);
        Lateral.build(request(site, START));
        TestSites.write(site.resolve("templates/404.ftlh"), "<!DOCTYPE html><html lang=\"en\"><head><title>Lost"
                + "</title></head><body><p>Not here.</p></body></html>\n");

        BuildResult r = Lateral.build(request(site, START));

        assertThat(r.work().upToDate()).isFalse();
        assertThat(Jsoup.parse(site.resolve("public/404.html").toFile(), "UTF-8").title()).isEqualTo("Lost");
        assertThat(tree(site.resolve("public"))).isEqualTo(clean(site, START));
    }

    @Test
    void otherOptionsOrTheCleanOptionBuildEverything() throws IOException {
        Path site = TestSites.inline(tmp, SITE);
        BuildResult first = Lateral.build(request(site, START));

        BuildResult drafts = Lateral.build(request(site, START).withDrafts(true));
        assertThat(drafts.work().upToDate()).isFalse();
        assertThat(drafts.posts()).isEqualTo(first.posts() + 1);
        assertThat(Lateral.build(request(site, START)).work().upToDate()).as("the cache holds the drafts build").isFalse();
        assertThat(Lateral.build(request(site, START).withBaseUrl("https://other.example/")).work().upToDate()).isFalse();
        assertThat(Lateral.build(request(site, START)).work().upToDate()).isFalse();
        BuildResult clean = Lateral.build(request(site, START).withClean(true));
        assertThat(clean.work().upToDate()).isFalse();
        assertThat(clean.work().incremental()).isFalse();
        assertThat(Lateral.build(request(site, START)).work().upToDate()).isTrue();
        assertThat(tree(site.resolve("public"))).isEqualTo(clean(site, START));
    }

    @Test
    void aScheduledPostGoesLiveWhenItsTimeComesThoughNoFileChanged() throws IOException {
        Path site = TestSites.inline(tmp, SITE);
        BuildResult first = Lateral.build(request(site, START));
        assertThat(first.scheduled()).isEqualTo(1);
        assertThat(Lateral.build(request(site, START.plus(Duration.ofDays(1)))).work().upToDate())
                .as("on another day").isFalse();
        assertThat(Lateral.build(request(site, START.plus(Duration.ofDays(1)).plusSeconds(60))).work().upToDate())
                .isTrue();

        BuildResult r = Lateral.build(request(site, Instant.parse("2024-07-02T12:00:00Z")));

        assertThat(r.work().upToDate()).isFalse();
        assertThat(r.scheduled()).isZero();
        assertThat(r.posts()).isEqualTo(first.posts() + 1);
        assertThat(tree(site.resolve("public"))).isEqualTo(clean(site, Instant.parse("2024-07-02T12:00:00Z")));
    }

    private Map<String, String> clean(Path site, Instant now) throws IOException {
        Path fresh = Files.createTempDirectory(tmp, "clean");
        Path out = fresh.resolve("out");
        Lateral.build(request(site, now).withOutput(out).withCache(fresh.resolve("cache")));
        return tree(out);
    }

    private static Map<String, FileTime> times(Path dir) throws IOException {
        Map<String, FileTime> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString(), Files.getLastModifiedTime(f));
            }
        }
        return out;
    }

    private static BuildRequest request(Path site, Instant now) {
        return BuildRequest.of(site).withNow(now);
    }
}
