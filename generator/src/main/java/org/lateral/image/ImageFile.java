package org.lateral.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A picture ready to publish: its size as shown (after its EXIF orientation), the file to publish
 * as its original (without location metadata), and its smaller widths, narrowest first.
 *
 * @param format   what the original is
 * @param width    its width in pixels, the right way up
 * @param height   its height in pixels, the right way up
 * @param original the file published under the picture's own name: a copy without metadata in the
 *                 cache, or the file itself (a GIF, copied as it is)
 * @param variants the smaller copies (480, 960, 1600 pixels wide, those narrower than the picture)
 * @param hash     the SHA-256 of the file's bytes (empty for a GIF)
 */
public record ImageFile(PictureFormat format, int width, int height, Path original, List<Variant> variants,
        String hash) {

    public ImageFile {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(original, "original");
        variants = List.copyOf(variants);
        Objects.requireNonNull(hash, "hash");
    }

    /** One smaller copy: its width and height and the file in the cache. */
    public record Variant(int width, int height, PictureFormat format, Path file) {
        public Variant {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(file, "file");
        }

        /** The published name beside the original: {@code photo.jpg} → {@code photo-480w.jpg}. */
        public String nameFor(String original) {
            int dot = original.lastIndexOf('.');
            int slash = original.lastIndexOf('/');
            String base = dot > slash ? original.substring(0, dot) : original;
            return base + "-" + width + "w." + format.extension();
        }
    }

    /** The widest copy no wider than {@code max} pixels, if there is one. */
    public Optional<Variant> widest(int max) {
        Variant best = null;
        for (Variant v : variants) {
            if (v.width() <= max && (best == null || v.width() > best.width())) {
                best = v;
            }
        }
        return Optional.ofNullable(best);
    }
}
