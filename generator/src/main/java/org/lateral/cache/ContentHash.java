package org.lateral.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * The build cache's fingerprint of some content: the 128 bits of MurmurHash3 (its x64 variant,
 * seed 0) as 32 hex digits. A source file's, a post's body's, a page's: equal fingerprints mean
 * equal content, so the cache reuses what it kept.
 *
 * <p>Not SHA-256: nothing here has to resist a forger (the cache compares a site's own files, and
 * what Lateral made of them, with the last build's), and with the quick JIT only that
 * {@code bin/lateral} runs, the JDK's SHA-256 gets no help from the processor's instructions: at
 * 15–40 MB/s it took about 5 % of a clean build's CPU (issue 20). MurmurHash3 runs at 300–600 MB/s
 * there; an accidental collision of 128 bits between two versions of a file is not a concern.
 * Stateless and thread-safe.
 */
public final class ContentHash {

    /** Files are read in pieces of this size, so that a large picture is never held whole. */
    static final int PIECE = 1 << 16;

    private ContentHash() {
    }

    /** The fingerprint of these bytes. */
    public static String of(byte[] bytes) {
        long[] h = MurmurHash3.hash128x64(bytes);
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(h[0]) + hex.toHexDigits(h[1]);
    }

    /** The fingerprint of a text's UTF-8 bytes. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A file's fingerprint: of its bytes when it fits in one piece of {@value #PIECE} bytes;
     * otherwise of its pieces' fingerprints, in order, and its length.
     */
    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] piece = in.readNBytes(PIECE);
            byte[] next = in.readNBytes(PIECE);
            if (next.length == 0) {
                return of(piece);
            }
            StringBuilder pieces = new StringBuilder("pieces:").append(of(piece));
            long length = piece.length;
            while (next.length > 0) {
                pieces.append(of(next));
                length += next.length;
                next = in.readNBytes(PIECE);
            }
            return of(pieces.append(':').append(length).toString());
        }
    }
}
