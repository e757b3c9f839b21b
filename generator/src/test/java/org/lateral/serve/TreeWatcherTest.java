package org.lateral.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.Caller;

/**
 * The watcher with the system's file events: each editor's way of saving is reported, a new
 * folder's files are reported, and debris never is. A sentinel file written last marks the end of
 * each step, so no step waits on time.
 */
class TreeWatcherTest {

    @TempDir
    Path site;

    Set<Path> until(Debouncer d, Path sentinel) throws InterruptedException {
        Set<Path> seen = new HashSet<>();
        Thread timeout = new Thread(() -> {
            try {
                Thread.sleep(60_000);
                d.close();
            } catch (InterruptedException e) {
                // done in time
            }
        });
        timeout.start();
        try {
            while (!seen.contains(sentinel)) {
                Set<Path> batch = d.take();
                if (batch.isEmpty()) {
                    throw new AssertionError("the sentinel " + sentinel + " was never reported; saw " + seen);
                }
                seen.addAll(batch);
            }
        } finally {
            timeout.interrupt();
        }
        return seen;
    }

    @Test
    void everySaveStyleAndNewFoldersAreSeenAndDebrisIsNot() throws Exception {
        Path posts = Files.createDirectories(site.resolve("content/posts"));
        Path post = Files.writeString(posts.resolve("a.md"), "one");
        Files.writeString(site.resolve("site.yaml"), "title: T\n");
        Debouncer d = new Debouncer(Duration.ofMillis(10), Duration.ofMillis(200));
        try (TreeWatcher w = new TreeWatcher(site, new Ignored(site, site.resolve("target/serve")), d)) {
            assertThat(w.how()).isEqualTo("file events");
            // in place
            Files.writeString(post, "two");
            assertThat(until(d, post)).containsOnly(post);

            // atomic save: a temporary renamed over the post
            Path tmp = posts.resolve(".a.md.tmp");
            Files.writeString(tmp, "three");
            Files.move(tmp, post, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Path s1 = Files.writeString(posts.resolve("s1.md"), "sentinel");
            assertThat(until(d, s1)).containsOnly(post, s1);

            // vim: 4913, rename to backup, write anew, delete backup, swap file
            Files.writeString(posts.resolve("4913"), "");
            Files.delete(posts.resolve("4913"));
            Files.writeString(posts.resolve(".a.md.swp"), "swap");
            Files.move(post, posts.resolve("a.md~"));
            Files.writeString(post, "four");
            Files.delete(posts.resolve("a.md~"));
            Path s2 = Files.writeString(posts.resolve("s2.md"), "sentinel");
            Set<Path> vim = until(d, s2);
            vim.remove(s1); // a late event of the last step's own write (a busy machine splits a write's events)
            assertThat(vim).containsOnly(post, s2);

            // a new folder with a file, and output folders that are never watched
            Path bundle = posts.resolve("b");
            Files.createDirectories(bundle);
            Path index = Files.writeString(bundle.resolve("index.md"), "bundled");
            Files.createDirectories(site.resolve("public/x"));
            Files.writeString(site.resolve("public/x/index.html"), "out");
            Files.createDirectories(site.resolve("target/serve"));
            Files.writeString(site.resolve("target/serve/index.html"), "out");
            Files.writeString(site.resolve("build.log"), "log");
            Path s3 = Files.writeString(site.resolve("site.yaml"), "title: U\n");
            Set<Path> seen = until(d, s3);
            assertThat(seen).contains(index, s3);
            assertThat(seen).allMatch(p -> p.startsWith(posts) || p.equals(s3));
        }
    }

    @Test
    void runningOutOfWatchesIsToldWithTheFix() {
        IOException e = TreeWatcher.outOfWatches(new FileSystemException("User limit of inotify watches reached"));
        assertThat(e).isInstanceOf(TreeWatcher.OutOfWatches.class);
        assertThat(TreeWatcher.outOfWatches(new IOException("permission denied"))).isNotInstanceOf(TreeWatcher.OutOfWatches.class);
        String line = PreviewServer.outOfWatches(e.getMessage(), Caller.COMMAND_LINE);
        assertThat(line).startsWith("warning: the system has no file watches left (User limit of inotify watches reached)")
                .contains("sudo sysctl fs.inotify.max_user_watches=524288").contains("--poll");
        assertThat(PreviewServer.outOfWatches("x", Caller.MAVEN)).contains("-Dlateral.poll=500");
    }
}
