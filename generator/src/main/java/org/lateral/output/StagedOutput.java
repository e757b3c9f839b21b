package org.lateral.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a build atomically: everything goes into a staging folder beside the output folder
 * ({@code .public.lateral-staging-…}), and only {@link #commit()} swaps it in. A build that fails
 * or is killed leaves the previous output exactly as it was.
 *
 * <p>Only three things are ever deleted: a staging folder this class created (also one left by a
 * killed build), and, after a successful swap, the previous output folder. Writes are
 * thread-safe; commit and close are not meant to race with writes.
 *
 * <pre>{@code
 * try (StagedOutput out = StagedOutput.begin(Path.of("public"))) {
 *     out.write("index.html", bytes);
 *     out.commit();
 * }
 * }</pre>
 */
public final class StagedOutput implements AutoCloseable {

    private static final String STAGING = ".lateral-staging-";
    private static final String OLD = ".lateral-old-";

    private final Path output;
    private final Path staging;
    private boolean committed;

    private StagedOutput(Path output, Path staging) {
        this.output = output;
        this.staging = staging;
    }

    /** Prepares a staging folder for {@code output}; the caller must have run {@link OutputGuard#check}. */
    public static StagedOutput begin(Path output) {
        Path out = OutputGuard.real(output);
        Path parent = out.getParent();
        String name = out.getFileName().toString();
        try {
            Files.createDirectories(parent);
            recoverInterruptedSwap(parent, name, out);
            removeStale(parent, "." + name + STAGING);
            Path staging = parent.resolve("." + name + STAGING + UUID.randomUUID().toString().substring(0, 8));
            Files.createDirectory(staging);
            Files.writeString(staging.resolve(OutputGuard.MARKER),
                    "Written by Lateral. This folder is replaced as a whole at each build.\n");
            return new StagedOutput(out, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output folder " + out, e);
        }
    }

    public Path output() {
        return output;
    }

    /** The folder being written; becomes {@link #output()} at commit. */
    public Path staging() {
        return staging;
    }

    /** Writes a file at {@code relativePath} (forward slashes), creating folders as needed. */
    public void write(String relativePath, byte[] content) {
        Path target = resolve(relativePath);
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream o = Files.newOutputStream(target)) {
                o.write(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relativePath, e);
        }
    }

    /** Copies a file into the output at {@code relativePath}. */
    public void copy(Path source, String relativePath) {
        Path target = resolve(relativePath);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + relativePath, e);
        }
    }

    /** Copies a folder's files (not following links) under {@code relativeDir} ("" for the root). */
    public void copyTree(Path sourceDir, String relativeDir) {
        try (Stream<Path> files = Files.walk(sourceDir)) {
            files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                String rel = sourceDir.relativize(p).toString().replace('\\', '/');
                copy(p, relativeDir.isEmpty() ? rel : relativeDir + "/" + rel);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + sourceDir, e);
        }
    }

    public boolean exists(String relativePath) {
        return Files.exists(resolve(relativePath));
    }

    private Path resolve(String relativePath) {
        Path target = staging.resolve(relativePath).normalize();
        if (!target.startsWith(staging) || target.equals(staging)) {
            throw new IllegalArgumentException("refusing to write outside the output folder: " + relativePath);
        }
        return target;
    }

    /** Swaps the staging folder in as the output folder; the previous output is removed after. */
    public void commit() {
        Path parent = output.getParent();
        Path old = parent.resolve("." + output.getFileName() + OLD + UUID.randomUUID().toString().substring(0, 8));
        try {
            boolean hadOutput = Files.exists(output, LinkOption.NOFOLLOW_LINKS);
            if (hadOutput) {
                move(output, old);
            }
            move(staging, output);
            committed = true;
            if (hadOutput) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot swap the new output into " + output, e);
        }
    }

    /** Removes the staging folder unless the build was committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the staging folder " + staging, e);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** A build killed between the two renames of a commit left the old output aside: put it back. */
    private static void recoverInterruptedSwap(Path parent, String name, Path out) throws IOException {
        if (Files.exists(out)) {
            removeStale(parent, "." + name + OLD);
            return;
        }
        try (Stream<Path> s = Files.list(parent)) {
            Path old = s.filter(p -> p.getFileName().toString().startsWith("." + name + OLD)).findFirst().orElse(null);
            if (old != null) {
                move(old, out);
            }
        }
    }

    private static void removeStale(Path parent, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                deleteTree(p);
            }
        }
    }

    /** Deletes a folder this class created; symbolic links inside are removed, never followed. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
