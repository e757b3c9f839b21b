package org.lateral.cache;

import org.lateral.internal.AtomicFiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

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

    /** Writes a body. */
    static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        private final DataOutputStream out = new DataOutputStream(bytes);

        Out(String kind) {
            try {
                out.write(MAGIC);
                out.writeInt(FORMAT);
                str(kind);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

        /** Writes the file atomically (a temporary file renamed over it). */
        void writeTo(Path file) throws IOException {
            out.flush();
            byte[] body = bytes.toByteArray();
            CRC32C crc = new CRC32C();
            crc.update(body);
            long sum = crc.getValue();
            AtomicFiles.write(file, o -> {
                o.write(body);
                o.write(new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum});
            });
        }
    }

    /** Reads a body written by {@link Out}; every read past its end or out of shape is {@link Unusable}. */
    static final class In {
        private final DataInputStream in;
        private final int length;

        In(Path file, String kind) throws Unusable {
            byte[] all;
            try {
                all = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new Unusable("it cannot be read (" + e.getMessage() + ")");
            }
            if (all.length < MAGIC.length + 8 + 4 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new Unusable("it is not a Lateral build cache file, or it is cut short");
            }
            length = all.length - 4;
            CRC32C crc = new CRC32C();
            crc.update(all, 0, length);
            long sum = ((all[length] & 0xffL) << 24) | ((all[length + 1] & 0xffL) << 16)
                    | ((all[length + 2] & 0xffL) << 8) | (all[length + 3] & 0xffL);
            if (crc.getValue() != sum) {
                throw new Unusable("it is damaged or cut short (its checksum does not match)");
            }
            in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, length - MAGIC.length));
            int format = i();
            if (format != FORMAT) {
                throw new Unusable("it was written in format " + format + " and this Lateral reads format " + FORMAT);
            }
            String k = str();
            if (!k.equals(kind)) {
                throw new Unusable("it holds " + k + ", not " + kind);
            }
        }

        String str() throws Unusable {
            int n = i();
            if (n < 0 || n > length) {
                throw new Unusable("it is damaged (a text of " + n + " bytes)");
            }
            byte[] b = new byte[n];
            try {
                in.readFully(b);
            } catch (IOException e) {
                throw new Unusable("it is cut short");
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        int i() throws Unusable {
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
            if (n < 0 || n > length) {
                throw new Unusable("it is damaged (a list of " + n + " items)");
            }
            return n;
        }

        long l() throws Unusable {
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
            try {
                if (in.available() != 0) {
                    throw new Unusable("it is damaged (bytes after its end)");
                }
            } catch (IOException e) {
                throw new Unusable("it cannot be read");
            }
        }
    }
}
