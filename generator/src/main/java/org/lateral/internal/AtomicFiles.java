package org.lateral.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Files replaced whole: the new bytes are written beside the target under a temporary hidden name
 * ({@code .<name>.<random>.tmp}), then renamed over it. A reader, or a process killed half-way,
 * sees the old file or the new one, never a part of either; two processes writing the same file
 * never share a temporary file, and a failed write leaves no temporary file behind.
 *
 * <p>The temporary file is created with the folder's default permissions (not the owner-only ones
 * of {@link Files#createTempFile}), so a published page or an imported post stays readable by a web
 * server or a colleague as any other file there. Callers choose what a failure means for them (the
 * hub's caches forget, a publish stops): every method throws the {@link IOException}.
 */
public final class AtomicFiles {

    private static final Random NAMES = new SecureRandom();

    /** What fills the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces (or creates) {@code target} with {@code bytes}; its folder is created if need be. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Replaces (or creates) {@code target} with what {@code content} writes (streamed, not held twice). */
    public static void write(Path target, Content content) throws IOException {
        replace(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
        });
    }

    /** Replaces (or creates) {@code target} with a copy of the file {@code from}. */
    public static void copy(Path from, Path target) throws IOException {
        replace(target, tmp -> Files.copy(from, tmp));
    }

    /**
     * Renames {@code from} over {@code to} atomically where the file system can, else as a plain
     * replacing move (some network and FUSE file systems have no atomic rename).
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @FunctionalInterface
    private interface Fill {
        void into(Path tmp) throws IOException;
    }

    private static void replace(Path target, Fill fill) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path tmp = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(NAMES.nextLong(), 36)
                + ".tmp");
        try {
            fill.into(tmp);
            move(tmp, target);
        } finally {
            try {
                Files.deleteIfExists(tmp); // only after a failure: a moved file is no longer there
            } catch (IOException ignored) {
                // the failure itself is what the caller hears about; a hidden .tmp file may stay
            }
        }
    }
}
