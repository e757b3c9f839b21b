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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.lateral.Problem;

/**
 * Writes a build atomically: everything goes into a staging folder beside the output folder
 * ({@code .public.lateral-staging-…}), and only {@link #commit()} swaps it in. A build that fails
 * or is killed leaves the previous output exactly as it was.
 *
 * <p>Only three things are ever deleted: a staging folder this class created (also one left by a
 * killed build), and, after a successful swap, the previous output folder (what cannot be deleted
 * is left, with a {@linkplain #warnings() warning}). One build at a time writes to one output
 * folder ({@link OutputLock}). Writes are thread-safe; once {@link #close()} has returned no
 * write runs any more, so threads of a failed build left writing cannot recreate the staging.
 *
 * <p>A file {@linkplain #write written} with exactly the bytes the previous output holds at the
 * same place is hard-linked from it rather than written again (where the file system can): a
 * rebuild that changes little writes little, removing the previous output then frees little, and
 * an unchanged file keeps its modification time. Nothing ever writes through such a link: a second
 * write to the same place replaces the link, and the previous output is only ever read.
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
    private final OutputLock lock;
    /** Writes hold it shared; close holds it alone, so no write runs during or after it. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final List<Problem> warnings = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private boolean committed;
    /** The previous output, whose unchanged files are linked rather than written; null when there is none. */
    private final Path previous;
    /** The staging's files that are links to the previous output's. */
    private final java.util.Set<Path> linked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private StagedOutput(Path output, Path staging, OutputLock lock, List<Problem> warnings) {
        this.output = output;
        this.staging = staging;
        this.lock = lock;
        this.warnings.addAll(warnings);
        this.previous = Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(output.resolve(OutputGuard.MARKER), LinkOption.NOFOLLOW_LINKS) ? output : null;
    }

    /**
     * Waits for any other build into {@code output} to finish ({@link OutputLock}), then prepares
     * a staging folder for it; the caller must have run {@link OutputGuard#check}.
     *
     * @throws org.lateral.LateralException when another build keeps writing there too long
     */
    public static StagedOutput begin(Path output) {
        Path out = OutputGuard.real(output);
        Path parent = out.getParent();
        String name = out.getFileName().toString();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + parent, e);
        }
        OutputLock lock = OutputLock.acquire(out);
        try {
            List<Problem> warnings = new ArrayList<>();
            recoverInterruptedSwap(parent, name, out, warnings);
            removeStale(parent, "." + name + STAGING, warnings);
            Path staging = parent.resolve("." + name + STAGING + UUID.randomUUID().toString().substring(0, 8));
            Files.createDirectory(staging);
            Files.writeString(staging.resolve(OutputGuard.MARKER),
                    "Written by Lateral. This folder is replaced as a whole at each build.\n");
            return new StagedOutput(out, staging, lock, warnings);
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("cannot prepare the output folder " + out, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Things left behind that the build could not tidy (a previous output holding a file that
     * cannot be deleted, say): warnings, as the new site is complete.
     */
    public List<Problem> warnings() {
        return List.copyOf(warnings);
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
        gate.readLock().lock();
        try {
            ensureOpen();
            Files.createDirectories(target.getParent());
            if (linked.remove(target)) {
                Files.delete(target); // a link to the previous output's file: never written through
            }
            if (previous != null && linkUnchanged(relativePath, target, content)) {
                return;
            }
            try (OutputStream o = Files.newOutputStream(target)) {
                o.write(content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relativePath, e);
        } finally {
            gate.readLock().unlock();
        }
    }

    /**
     * Links {@code target} to the previous output's file at the same place when that holds exactly
     * {@code content}; false (nothing done) when it does not, or the file system cannot link.
     */
    private boolean linkUnchanged(String relativePath, Path target, byte[] content) {
        Path old = previous.resolve(relativePath).normalize();
        if (!old.startsWith(previous)) {
            return false;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(old, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() != content.length
                    || !java.util.Arrays.equals(Files.readAllBytes(old), content)) {
                return false;
            }
            Files.createLink(target, old);
            linked.add(target);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // not there, changed, or no hard links here: written as usual
        }
    }

    /** Refuses writes after close: a failed build's remaining threads must not recreate the staging. */
    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the build into " + output + " has stopped; nothing more is written");
        }
    }

    /** Copies a file into the output at {@code relativePath}. */
    public void copy(Path source, String relativePath) {
        Path target = resolve(relativePath);
        gate.readLock().lock();
        try {
            ensureOpen();
            Files.createDirectories(target.getParent());
            if (linked.remove(target)) {
                Files.delete(target);
            }
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + relativePath, e);
        } finally {
            gate.readLock().unlock();
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
        gate.writeLock().lock();
        try {
            ensureOpen();
            boolean hadOutput = Files.exists(output, LinkOption.NOFOLLOW_LINKS);
            if (hadOutput) {
                move(output, old);
            }
            move(staging, output);
            committed = true;
            if (hadOutput) {
                tidy(old, warnings);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot swap the new output into " + output, e);
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** Deletes a leftover folder; what cannot be deleted is left with a warning naming it. */
    private static void tidy(Path dir, List<Problem> warnings) {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            String what = e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile()
                    : dir.toString();
            warnings.add(Problem.warning(dir, 0, 0, "the previous build's files in " + dir
                    + " could not all be removed (" + what + ": " + reason(e) + ")",
                    "delete that folder yourself (check who owns " + what + " and whether it is read-only);"
                            + " the new site is complete and the next build will try again"));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.DirectoryNotEmptyException) {
            return "a folder that could not be emptied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Removes the staging folder unless the build was committed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        gate.writeLock().lock(); // waits for writes still running on other threads
        try {
            if (!committed) {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the staging folder " + staging, e);
        } finally {
            gate.writeLock().unlock();
            lock.close();
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
    private static void recoverInterruptedSwap(Path parent, String name, Path out, List<Problem> warnings)
            throws IOException {
        if (Files.exists(out)) {
            removeStale(parent, "." + name + OLD, warnings);
            return;
        }
        try (Stream<Path> s = Files.list(parent)) {
            Path old = s.filter(p -> p.getFileName().toString().startsWith("." + name + OLD)).findFirst().orElse(null);
            if (old != null) {
                move(old, out);
            }
        }
    }

    private static void removeStale(Path parent, String prefix, List<Problem> warnings) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                tidy(p, warnings);
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
