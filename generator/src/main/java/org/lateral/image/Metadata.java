package org.lateral.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * What a picture says about itself besides its pixels. Reading (orientation, whether it still says
 * where it was taken) is metadata-extractor's; removing is Lateral's own, by keeping only what is
 * needed to show the picture (an allow-list, so a camera's next idea of where to put the location
 * is removed too): a JPEG keeps its frame, tables, scans, JFIF header, colour profile and Adobe
 * colour marker, and loses EXIF (GPS, camera serial numbers, its thumbnail), XMP, IPTC, comments and
 * anything after the picture's end (phones append second pictures there, each with its own EXIF);
 * a PNG loses its text, time and {@code eXIf} chunks; a WebP its {@code EXIF} and {@code XMP }
 * chunks. The image data is copied byte for byte (no quality is lost). When the picture was turned
 * by its orientation (a phone held upright), a new EXIF block holding only that one value is
 * written, so the original still shows the right way up.
 */
final class Metadata {

    private Metadata() {
    }

    /** Thrown when a file's structure cannot be read (it is damaged or not what its name says). */
    static final class Damaged extends Exception {
        Damaged(String message) {
            super(message);
        }
    }

    /** The EXIF orientation (1 to 8; 1 is "as stored"), 1 when the picture has none. */
    static int orientation(byte[] bytes) {
        try {
            com.drew.metadata.Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            for (ExifIFD0Directory d : m.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (d.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    int o = d.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                    return o >= 1 && o <= 8 ? o : 1;
                }
            }
        } catch (ImageProcessingException | IOException | com.drew.metadata.MetadataException | RuntimeException e) {
            return 1; // unreadable metadata: the picture as stored
        }
        return 1;
    }

    /**
     * Whether the picture still says where it was taken, or carries XMP (which may): read by
     * metadata-extractor, independently of how it was removed. Unreadable metadata counts as "yes".
     */
    static boolean mayLocate(byte[] bytes) {
        try {
            com.drew.metadata.Metadata m = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            for (Directory d : m.getDirectories()) {
                if (d instanceof GpsDirectory || d instanceof XmpDirectory) {
                    return true;
                }
            }
            return false;
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return true;
        }
    }

    /** The picture without its metadata (see the class comment), its orientation kept. */
    static byte[] strip(byte[] bytes, PictureFormat format, int orientation) throws Damaged {
        try {
            return switch (format) {
                case JPEG -> jpeg(bytes, orientation);
                case PNG -> png(bytes, orientation);
                case WEBP -> webp(bytes, orientation);
                case GIF -> bytes;
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new Damaged("it ends in the middle of its data");
        }
    }

    /** A TIFF structure (big-endian) whose only entry is the orientation. */
    private static byte[] tiffWithOrientation(int orientation) {
        return new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, // header, first directory at 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0}; // no next directory
    }

    private static byte[] jpeg(byte[] in, int orientation) throws Damaged {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        if ((in[0] & 0xff) != 0xFF || (in[1] & 0xff) != 0xD8) {
            throw new Damaged("it does not start as a JPEG picture does");
        }
        out.write(0xFF);
        out.write(0xD8);
        if (orientation != 1) {
            byte[] tiff = tiffWithOrientation(orientation);
            byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
            int length = 2 + exif.length + tiff.length;
            out.write(0xFF);
            out.write(0xE1);
            out.write(length >> 8);
            out.write(length & 0xff);
            out.writeBytes(exif);
            out.writeBytes(tiff);
        }
        int i = 2;
        boolean frame = false;
        while (true) {
            if (i >= in.length) {
                throw new Damaged("it ends before the picture does (the file may be only partly copied)");
            }
            if ((in[i] & 0xff) != 0xFF) {
                throw new Damaged("its structure is broken at byte " + i);
            }
            while (i < in.length && (in[i] & 0xff) == 0xFF) {
                i++; // fill bytes
            }
            int marker = in[i++] & 0xff;
            if (marker == 0xD9) { // end of image: whatever follows is dropped
                out.write(0xFF);
                out.write(0xD9);
                if (!frame) {
                    throw new Damaged("it holds no picture");
                }
                return out.toByteArray();
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                out.write(0xFF);
                out.write(marker);
                continue;
            }
            int length = ((in[i] & 0xff) << 8) | (in[i + 1] & 0xff);
            if (length < 2 || i + length > in.length) {
                throw new Damaged("it ends before the picture does (the file may be only partly copied)");
            }
            boolean keep = switch (marker) {
                case 0xE0 -> startsWith(in, i + 2, "JFIF\0");
                case 0xE2 -> startsWith(in, i + 2, "ICC_PROFILE\0");
                case 0xEE -> startsWith(in, i + 2, "Adobe");
                case 0xFE -> false; // comments
                default -> marker < 0xE0 || marker > 0xEF; // APPn other than the above: EXIF, XMP, IPTC…
            };
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                frame = true;
            }
            if (keep) {
                out.write(0xFF);
                out.write(marker);
                out.write(in, i, length);
            }
            i += length;
            if (marker == 0xDA) { // a scan: its entropy-coded data runs to the next marker that is not a restart
                int start = i;
                while (true) {
                    if (i + 1 >= in.length) {
                        throw new Damaged("it ends in the middle of the picture (the file may be only partly copied)");
                    }
                    if ((in[i] & 0xff) == 0xFF) {
                        int next = in[i + 1] & 0xff;
                        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                            break;
                        }
                    }
                    i++;
                }
                out.write(in, start, i - start);
            }
        }
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != (byte) s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** PNG chunks a picture needs to be shown as it was (colour, transparency, animation). */
    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM",
            "sRGB", "iCCP", "sBIT", "pHYs", "bKGD", "cICP", "acTL", "fcTL", "fdAT");

    private static byte[] png(byte[] in, int orientation) throws Damaged {
        if (in.length < 8 || PictureFormat.sniff(in).orElse(null) != PictureFormat.PNG) {
            throw new Damaged("it does not start as a PNG picture does");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        out.write(in, 0, 8);
        int i = 8;
        boolean end = false;
        boolean exif = orientation == 1;
        while (i + 8 <= in.length && !end) {
            long length = readInt(in, i) & 0xffffffffL;
            String type = new String(in, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (length > in.length - i - 12) {
                throw new Damaged("it ends in the middle of a chunk (the file may be only partly copied)");
            }
            int total = (int) length + 12;
            if (PNG_KEPT.contains(type)) {
                if (type.equals("IDAT") && !exif) {
                    writePngChunk(out, "eXIf", tiffWithOrientation(orientation));
                    exif = true;
                }
                out.write(in, i, total);
            }
            end = type.equals("IEND");
            i += total;
        }
        if (!end) {
            throw new Damaged("it ends before the picture does (the file may be only partly copied)");
        }
        return out.toByteArray();
    }

    private static void writePngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        writeInt(out, data.length);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    private static byte[] webp(byte[] in, int orientation) throws Damaged {
        if (in.length < 12 || PictureFormat.sniff(in).orElse(null) != PictureFormat.WEBP) {
            throw new Damaged("it does not start as a WebP picture does");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(in.length);
        body.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        int i = 12;
        int vp8x = -1;
        while (i + 8 <= in.length) {
            String type = new String(in, i, 4, StandardCharsets.ISO_8859_1);
            long size = readIntLittle(in, i + 4) & 0xffffffffL;
            long padded = size + (size & 1);
            if (size > in.length - i - 8) {
                throw new Damaged("it ends in the middle of a chunk (the file may be only partly copied)");
            }
            int total = (int) Math.min(8 + padded, in.length - i);
            if (!type.equals("EXIF") && !type.equals("XMP ")) {
                if (type.equals("VP8X")) {
                    vp8x = body.size();
                }
                body.write(in, i, total);
            }
            i += total;
        }
        byte[] b = body.toByteArray();
        if (vp8x >= 0) {
            b[vp8x + 8] &= (byte) ~0x0C; // no EXIF (0x08), no XMP (0x04)
            if (orientation != 1) {
                b[vp8x + 8] |= 0x08;
                ByteArrayOutputStream with = new ByteArrayOutputStream(b.length + 40);
                with.writeBytes(b);
                byte[] tiff = tiffWithOrientation(orientation);
                with.writeBytes("EXIF".getBytes(StandardCharsets.ISO_8859_1));
                writeIntLittle(with, tiff.length);
                with.writeBytes(tiff);
                if ((tiff.length & 1) == 1) {
                    with.write(0);
                }
                b = with.toByteArray();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 8);
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        writeIntLittle(out, b.length);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static int readInt(byte[] b, int i) {
        return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    private static int readIntLittle(byte[] b, int i) {
        return (b[i] & 0xff) | ((b[i + 1] & 0xff) << 8) | ((b[i + 2] & 0xff) << 16) | ((b[i + 3] & 0xff) << 24);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write((v >>> 16) & 0xff);
        out.write((v >>> 8) & 0xff);
        out.write(v & 0xff);
    }

    private static void writeIntLittle(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >>> 8) & 0xff);
        out.write((v >>> 16) & 0xff);
        out.write(v >>> 24);
    }
}
