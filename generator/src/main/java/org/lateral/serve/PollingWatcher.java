package org.lateral.serve;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks at every file's size and time every so often ({@code --poll}): for network drives,
 * virtual machines' shared folders and containers' mounts, where file events do not arrive, and
 * when the system has no file watches left.
 */
final class PollingWatcher implements Watcher {

    private record Stamp(long size, long modified) {
    }

    private final Path root;
    private final Ignored ignored;
    private final Debouncer sink;
    private final Duration every;
    private final ScheduledExecutorService timer;
    private Map<Path, Stamp> last;

    PollingWatcher(Path root, Ignored ignored, Debouncer sink, Duration every) {
        this.root = root;
        this.ignored = ignored;
        this.sink = sink;
        this.every = every;
        this.last = scan();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lateral-poll");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(10, every.toMillis());
        timer.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public String how() {
        return "looking for changes every " + every.toMillis() + " ms";
    }

    private void poll() {
        try {
            Map<Path, Stamp> now = scan();
            Set<Path> changed = new HashSet<>();
            now.forEach((p, s) -> {
                if (!s.equals(last.get(p))) {
                    changed.add(p);
                }
            });
            for (Path p : last.keySet()) {
                if (!now.containsKey(p)) {
                    changed.add(p);
                }
            }
            last = now;
            changed.forEach(sink::offer);
        } catch (RuntimeException e) {
            sink.offer(root);
        }
    }

    private Map<Path, Stamp> scan() {
        Map<Path, Stamp> files = new HashMap<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(root) && ignored.folder(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !ignored.file(f)) {
                        files.put(f, new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            sink.offer(root);
        }
        return files;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
