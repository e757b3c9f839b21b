package org.lateral.cache;

import org.lateral.internal.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * One file of the build cache: {@code LATERAL-CACHE} and a newline, the format number, what the
 * file holds ({@code state} or {@code work}), then the body, then a CRC-32C of all that. Strings
 * are a length (int) and UTF-8 bytes; a file that is short, has another format or kind, or whose
 * checksum does not match is refused as a whole. Written to a temporary file beside it and
 * renamed over it, so a reader sees the old file or the new one, never half of one.
 */
final class CacheFile {

    static final byte[] MAGIC = "LATERAL-CACHE\n".getBytes(StandardCharsets.US_ASCII);
    /** Raised when the layout of either file changes: an older or newer cache is then ignored. */
    static final int FORMAT = 1;

    /** Why a cache file cannot be used, in a few plain words. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String why) {
            super(why);
        }
    }

    private CacheFile() {
    }

    /** What writes a file's body. */
    @FunctionalInterface
    interface Body {
        void writeTo(Out o);
    }

    /**
     * Writes a file through {@link AtomicFiles} (a temporary file renamed over {@code target}), its
     * body streamed straight into the temporary file and the checksum taken on the way, so that a
     * large cache (the converted posts of a 100,000-post site are about 800 MB) is never held in
     * memory. A body that throws leaves the old file as it was and no temporary file.
     */
    static void write(Path target, String kind, Body body) throws IOException {
        try {
            AtomicFiles.write(target, file -> {
                Out o = new Out(file, kind);
                body.writeTo(o);
                o.end();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Writes a body: strings are a length and UTF-8 bytes, numbers big-endian. */
    static final class Out {
        private final CRC32C crc = new CRC32C();
        private final OutputStream file;
        private final DataOutputStream out;

        private Out(OutputStream file, String kind) throws IOException {
            this.file = file;
            out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(file, crc), 1 << 16));
            out.write(MAGIC);
            out.writeInt(FORMAT);
            str(kind);
        }

        Out str(String s) {
            try {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Out i(int v) {
            try {
                out.writeInt(v);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Out l(long v) {
            try {
                out.writeLong(v);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Out b(boolean v) {
            return i(v ? 1 : 0);
        }

        /** Ends the body with its checksum (not part of what it sums). */
        private void end() throws IOException {
            out.flush();
            long sum = crc.getValue();
            file.write(new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum});
            file.flush();
        }
    }

    /** Reads a body written by {@link Out}; every read past its end or out of shape is {@link Unusable}. */
    static final class In implements AutoCloseable {
        private final FileChannel channel;
        private final DataInputStream in;
        /** Bytes of the body not read yet. */
        private long left;

        /**
         * Checks the file's checksum in one pass over it, then reads it in a second, both from the
         * same open file (a build that renames a new file over it meanwhile is not seen): a large
         * cache is never held in memory as a whole.
         */
        In(Path file, String kind) throws Unusable {
            try {
                channel = FileChannel.open(file, java.nio.file.StandardOpenOption.READ);
            } catch (IOException e) {
                throw new Unusable("it cannot be read (" + e.getMessage() + ")");
            }
            try {
                long size = channel.size();
                if (size < MAGIC.length + 8 + 4) {
                    throw new Unusable("it is not a Lateral build cache file, or it is cut short");
                }
                long length = size - 4;
                CRC32C crc = new CRC32C();
                byte[] head = new byte[MAGIC.length];
                byte[] tail = new byte[4];
                InputStream all = new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16);
                DataInputStream check = new DataInputStream(new CheckedInputStream(all, crc));
                check.readFully(head);
                if (!Arrays.equals(head, MAGIC)) {
                    throw new Unusable("it is not a Lateral build cache file, or it is cut short");
                }
                byte[] buffer = new byte[1 << 16];
                for (long rest = length - MAGIC.length; rest > 0; ) {
                    int n = check.read(buffer, 0, (int) Math.min(buffer.length, rest));
                    if (n < 0) {
                        throw new Unusable("it is cut short");
                    }
                    rest -= n;
                }
                long sum = crc.getValue();
                new DataInputStream(all).readFully(tail);
                long said = ((tail[0] & 0xffL) << 24) | ((tail[1] & 0xffL) << 16) | ((tail[2] & 0xffL) << 8)
                        | (tail[3] & 0xffL);
                if (sum != said) {
                    throw new Unusable("it is damaged or cut short (its checksum does not match)");
                }
                in = new DataInputStream(new BufferedInputStream(
                        Channels.newInputStream(channel.position(MAGIC.length)), 1 << 16));
                left = length - MAGIC.length;
            } catch (EOFException e) {
                close();
                throw new Unusable("it is cut short");
            } catch (IOException e) {
                close();
                throw new Unusable("it cannot be read (" + e.getMessage() + ")");
            } catch (Unusable e) {
                close();
                throw e;
            }
            int format = i();
            if (format != FORMAT) {
                close();
                throw new Unusable("it was written in format " + format + " and this Lateral reads format " + FORMAT);
            }
            String k = str();
            if (!k.equals(kind)) {
                close();
                throw new Unusable("it holds " + k + ", not " + kind);
            }
        }

        /** Counts {@code n} bytes of the body as read; refuses to read past its end (into the checksum). */
        private void take(long n) throws Unusable {
            if (n > left) {
                throw new Unusable("it is cut short");
            }
            left -= n;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // read only: nothing is lost
            }
        }

        String str() throws Unusable {
            int n = i();
            if (n < 0 || n > left) {
                throw new Unusable("it is damaged (a text of " + n + " bytes)");
            }
            take(n);
            byte[] b = new byte[n];
            try {
                in.readFully(b);
            } catch (IOException e) {
                throw new Unusable("it is cut short");
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        int i() throws Unusable {
            take(4);
            try {
                return in.readInt();
            } catch (EOFException e) {
                throw new Unusable("it is cut short");
            } catch (IOException e) {
                throw new Unusable("it cannot be read (" + e.getMessage() + ")");
            }
        }

        /** A count of items, each at least one byte long: refuses a count larger than the file. */
        int count() throws Unusable {
            int n = i();
            if (n < 0 || n > left) {
                throw new Unusable("it is damaged (a list of " + n + " items)");
            }
            return n;
        }

        long l() throws Unusable {
            take(8);
            try {
                return in.readLong();
            } catch (EOFException e) {
                throw new Unusable("it is cut short");
            } catch (IOException e) {
                throw new Unusable("it cannot be read (" + e.getMessage() + ")");
            }
        }

        boolean b() throws Unusable {
            return i() != 0;
        }

        /** Refuses bytes left over after the body: the file is not what its writer wrote. */
        void end() throws Unusable {
            if (left != 0) {
                throw new Unusable("it is damaged (bytes after its end)");
            }
        }
    }
}
