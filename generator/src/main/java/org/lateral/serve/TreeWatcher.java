package org.lateral.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Watches the site's folders with the system's file events (the JDK's {@link WatchService}:
 * inotify on Linux), registering every folder, and each new one as it appears, with the files
 * already in it reported (they may have been written before the folder was registered). Folders,
 * not files, are watched, so an editor that replaces a file (write a temporary, rename it over)
 * or deletes and writes it again is seen. An overflow of events reports the site folder itself:
 * a rebuild looks at everything anyway.
 */
final class TreeWatcher implements Watcher {

    /** Thrown when the system has no watches left (Linux's {@code fs.inotify.max_user_watches}). */
    static final class OutOfWatches extends IOException {
        OutOfWatches(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path root;
    private final Ignored ignored;
    private final Debouncer sink;
    private final WatchService service;
    private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
    private final Thread thread;

    TreeWatcher(Path root, Ignored ignored, Debouncer sink) throws IOException {
        this.root = root;
        this.ignored = ignored;
        this.sink = sink;
        this.service = FileSystems.getDefault().newWatchService();
        try {
            register(root);
        } catch (IOException | RuntimeException e) {
            service.close();
            throw e;
        }
        thread = new Thread(this::run, "lateral-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String how() {
        return "file events";
    }

    private void register(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(root) && ignored.folder(d)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                try {
                    keys.put(d.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), d);
                } catch (IOException e) {
                    throw outOfWatches(e);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The system's "no more watches" error as {@link OutOfWatches}; other errors as they are. */
    static IOException outOfWatches(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("inotify") || m.contains("user limit") || m.contains("no space left on device")
                || m.contains("too many open files")) {
            return new OutOfWatches(e.getMessage(), e);
        }
        return e;
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = keys.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == OVERFLOW || dir == null) {
                        sink.offer(root);
                        continue;
                    }
                    Path changed = dir.resolve((Path) event.context());
                    if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed, LinkOption.NOFOLLOW_LINKS)
                            && !ignored.folder(changed)) {
                        newFolder(changed);
                    } else if (!ignored.file(changed)) {
                        sink.offer(changed);
                    }
                }
                if (!key.reset()) {
                    keys.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void newFolder(Path dir) {
        try {
            register(dir);
        } catch (IOException e) {
            sink.offer(root);
        }
        sink.offer(dir);
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> Files.isRegularFile(f) && !ignored.file(f)).forEach(sink::offer);
        } catch (IOException | UncheckedIOException e) {
            sink.offer(root);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing more to release
        }
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
