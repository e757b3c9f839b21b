package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lateral.testing.EditedSite.append;
import static org.lateral.testing.EditedSite.pick;
import static org.lateral.testing.EditedSite.posts;
import static org.lateral.testing.EditedSite.replaceFrontMatterLine;
import static org.lateral.testing.EditedSite.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.BuildSession;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.testing.EditedSite.Clock;
import org.lateral.testing.TestSites;

/**
 * A property of rebuilds: after any sequence of edits, the output folder of a build session is
 * byte for byte what a clean build of the same files writes. Random sequences (fixed seeds) of
 * body edits (same size or not, summaries, {@code <!--more-->}, links to other posts' files),
 * front-matter edits, new and deleted posts, a template override, touched files, a broken post
 * and its fix, and the clock passing a scheduled post's date, on a site with tags, categories,
 * authors, a series, a draft, a scheduled post and a post written as a folder.
 *
 * <p>Files get distinct modification times in the past after each edit, so the session's
 * size-and-time fast path (a file whose stat did not change is not read again) is what is tested,
 * not only its re-reading of recent files.
 */
class RebuildEditsIT {

    @TempDir
    Path tmp;

    private static final String SITE = org.lateral.testing.EditedSite.SITE;

    private static final Instant START = Instant.parse("2024-06-01T12:00:00Z");

    @Test
    void afterAnySequenceOfEditsTheOutputIsWhatACleanBuildWrites() throws IOException {
        int incremental = 0;
        for (long seed : new long[] {20261202L, 7L}) {
            incremental += run(seed, 12, false);
        }
        assertThat(incremental).as("rebuilds that were incremental").isGreaterThan(4);
    }

    /**
     * The same property when each build is told which files changed, as a preview's watcher tells
     * it ({@link BuildSession#build(BuildRequest, java.util.Set)}): edits of one post are then a
     * one-file read, and new, deleted and renamed posts, {@code site.yaml} and templates look at
     * every file.
     */
    @Test
    void toldWhichFilesChangedTheOutputAfterAnySequenceOfEditsIsWhatACleanBuildWrites() throws IOException {
        int incremental = 0;
        for (long seed : new long[] {20261202L, 11L, 5L}) {
            incremental += run(seed, 14, true);
        }
        assertThat(incremental).as("rebuilds that were incremental").isGreaterThan(4);
        assertThat(plannedFew).as("rebuilds after body edits that planned only the outputs the edit affects")
                .isGreaterThan(4);
    }

    /** Rebuilds that planned only the outputs they rendered (those a body edit affects), not the whole site. */
    private int plannedFew;

    /**
     * One random sequence of {@code steps} edits; returns how many rebuilds were incremental.
     *
     * @param told whether each build is told the files that changed (else it looks at every file)
     */
    private int run(long seed, int steps, boolean told) throws IOException {
        Random random = new Random(seed);
        Path site = TestSites.inline(tmp.resolve("s" + seed + (told ? "-told" : "")), SITE);
        Clock files = new Clock(site);
        files.age();
        Instant now = START;
        BuildSession session = Lateral.session();
        session.build(request(site, now));
        int incremental = 0;
        boolean broken = false;
        for (int step = 0; step < steps; step++) {
            String what;
            if (broken) {
                what = "fix";
            } else {
                what = told ? pick(random, "body", "body", "body", "sameSize", "summary", "more", "link", "title",
                        "tags", "add", "delete", "rename", "siteYaml", "template", "touch", "break", "clock")
                        : pick(random, "body", "body", "body", "sameSize", "summary", "more", "link", "title", "tags",
                        "add", "delete", "template", "touch", "break", "clock");
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
                case "link" -> append(post, "\nSee [another](" + posts.get(random.nextInt(posts.size()))
                        .getFileName() + ").\n");
                case "title" -> replaceFrontMatterLine(post, "title: ", "title: Retitled " + step);
                case "tags" -> replaceFrontMatterLine(post, "tags: ", "tags: [x, t" + random.nextInt(3) + "]");
                case "add" -> Files.writeString(site.resolve("content/posts/2024-04-" + (10 + step) + "-new-" + step + ".md"),
                        "---\ntitle: New " + step + "\ntags: [z]\n---\nA new post.\n");
                case "delete" -> {
                    if (posts.size() > 4) {
                        Files.delete(post);
                    }
                }
                case "rename" -> {
                    String name = post.getFileName().toString();
                    if (name.equals("index.md")) { // a post written as a folder: the folder is renamed
                        Files.move(post.getParent(), post.getParent().resolveSibling("moved-" + step));
                    } else {
                        Files.move(post, post.resolveSibling(name.replace(".md", "-moved-" + step + ".md")));
                    }
                }
                case "siteYaml" -> {
                    Path yaml = site.resolve("site.yaml");
                    Files.writeString(yaml, Files.readString(yaml).replaceFirst("title: .*", "title: Edits " + step));
                }
                case "template" -> TestSites.write(site.resolve("templates/404.ftlh"),
                        "<!DOCTYPE html><html lang=\"en\"><head><title>Lost " + step + "</title></head><body>"
                                + "<p>Not here.</p></body></html>\n");
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
            java.util.Set<Path> changed = files.tick(what.equals("touch") ? post : null);
            BuildRequest request = request(site, now);
            if (broken) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> build(session, request, told ? changed : null))
                        .isInstanceOf(LateralException.class);
                continue;
            }
            BuildResult r = build(session, request, told ? changed : null);
            if (r.work().incremental()) {
                incremental++;
            }
            if (r.work().incremental() && r.work().planned() == r.work().rendered()) {
                plannedFew++;
            }
            Path fresh = tmp.resolve("fresh-" + seed + "-" + step);
            Lateral.build(request.withOutput(fresh));
            assertThat(tree(site.resolve("public")))
                    .as("seed %d, step %d (%s of %s): the session's output against a clean build's", seed, step, what,
                            site.relativize(post))
                    .isEqualTo(tree(fresh));
        }
        return incremental;
    }

    private static BuildResult build(BuildSession session, BuildRequest request, java.util.Set<Path> changed) {
        return changed == null ? session.build(request) : session.build(request, changed);
    }

    private static BuildRequest request(Path site, Instant now) {
        return BuildRequest.of(site).withNow(now);
    }
}
