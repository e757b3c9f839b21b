package org.lateral.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.lateral.LateralException;
import org.lateral.Problem;

/**
 * One build at a time into one output folder: a lock file beside it ({@code .public.lateral-lock},
 * left in place between builds) locked with the operating system's file lock (released by the system if the build is killed),
 * and, for builds in the same JVM (threads, a Maven build), a semaphore per folder. A second build
 * waits for the first to finish — at most {@link #maxWait()}, then it stops with a clear message.
 *
 * <pre>{@code
 * try (OutputLock lock = OutputLock.acquire(Path.of("public"))) {
 *     // stage, write, swap
 * }
 * }</pre>
 */
public final class OutputLock implements AutoCloseable {

    /** How long a build waits for another one into the same folder: {@code -Dlateral.lockWait=SECONDS}. */
    public static final String WAIT_PROPERTY = "lateral.lockWait";

    static final String SUFFIX = ".lateral-lock";
    private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 100;

    private final Path file;
    private final Semaphore local;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, Semaphore local, FileChannel channel, FileLock lock) {
        this.file = file;
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    static Duration maxWait() {
        return Duration.ofSeconds(Long.getLong(WAIT_PROPERTY, 600));
    }

    /** The lock file for an output folder: beside it, named after it. */
    static Path fileFor(Path output) {
        return output.getParent().resolve("." + output.getFileName() + SUFFIX);
    }

    /**
     * Waits until no other build writes to {@code output} (absolute, normalised; its parent must
     * exist), then holds it until {@link #close()}.
     *
     * @throws LateralException when another build still holds it after {@link #maxWait()}
     */
    public static OutputLock acquire(Path output) {
        Path file = fileFor(output);
        long deadline = System.nanoTime() + maxWait().toNanos();
        Semaphore local = IN_THIS_JVM.computeIfAbsent(file, f -> new Semaphore(1, true));
        try {
            if (!local.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw busy(output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(output);
        }
        try {
            while (true) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = null;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    return new OutputLock(file, local, channel, lock);
                }
                channel.close();
                if (System.nanoTime() > deadline) {
                    throw busy(output);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            local.release();
            throw new UncheckedIOException("cannot lock the output folder " + output + " (with " + file + ")", e);
        } catch (InterruptedException e) {
            local.release();
            Thread.currentThread().interrupt();
            throw busy(output);
        } catch (RuntimeException e) {
            local.release();
            throw e;
        }
    }

    private static LateralException busy(Path output) {
        return new LateralException(Problem.general("another build is writing to " + output
                + " — wait for it to finish (waited " + maxWait().toSeconds() + " seconds)",
                "run one build at a time into this folder, or build into another folder with -o"));
    }

    /**
     * Lets the next build in. The lock file stays: removing it would let a build that opened it
     * before the removal and one that makes it again both think they hold the lock.
     */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + file, e);
        } finally {
            local.release();
        }
    }
}
