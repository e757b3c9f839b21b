package org.lateral.testing;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Phone-like photos for tests: JPEGs made with ImageIO, with EXIF written by Apache Commons Imaging
 * (GPS and orientation, as a phone writes them), and read back with metadata-extractor.
 */
public final class Photos {

    /** A school's whereabouts, to the metre. */
    public static final double LATITUDE = 51.481583;
    public static final double LONGITUDE = -3.179090;

    private Photos() {
    }

    /**
     * A JPEG of {@code width}×{@code height} pixels as stored (grain, so it compresses as a photo does),
     * whose top-left corner is red, with EXIF GPS and the orientation given (1: none written).
     */
    public static byte[] jpeg(int width, int height, int orientation, boolean gps) {
        BufferedImage image = picture(width, height, false);
        byte[] plain = encode(image, "jpg");
        if (orientation == 1 && !gps) {
            return plain;
        }
        try {
            TiffOutputSet exif = new TiffOutputSet();
            if (gps) {
                exif.setGpsInDegrees(LONGITUDE, LATITUDE);
            }
            if (orientation != 1) {
                exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            }
            exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "Phone");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(plain, out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG (with transparency when {@code alpha}), top-left corner red. */
    public static byte[] png(int width, int height, boolean alpha) {
        return encode(picture(width, height, alpha), "png");
    }

    private static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        int[] pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int grain = random.nextInt(40);
                int r = (x * 200 / width + grain) & 0xff;
                int g = (y * 200 / height + grain) & 0xff;
                int b = ((x + y) * 100 / (width + height) + (grain >> 1)) & 0xff;
                pixels[y * width + x] = (alpha ? (x < width / 2 ? 0x80 : 0xff) : 0xff) << 24 | r << 16 | g << 8 | b;
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 5, height / 5);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether metadata-extractor finds a GPS directory in the file. */
    public static boolean hasGps(byte[] bytes) {
        return metadata(bytes).getFirstDirectoryOfType(GpsDirectory.class) != null;
    }

    public static boolean hasGps(Path file) {
        return hasGps(bytes(file));
    }

    /** The EXIF orientation, 1 when there is none. */
    public static int orientation(Path file) {
        ExifIFD0Directory d = metadata(bytes(file)).getFirstDirectoryOfType(ExifIFD0Directory.class);
        try {
            return d == null || !d.containsTag(ExifIFD0Directory.TAG_ORIENTATION) ? 1
                    : d.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        } catch (com.drew.metadata.MetadataException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Metadata metadata(byte[] bytes) {
        try {
            return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (Exception e) {
            throw new IllegalStateException("metadata-extractor cannot read the picture", e);
        }
    }

    /** The picture's pixels, as ImageIO reads them (without applying any orientation). */
    public static BufferedImage read(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalStateException("not a picture: " + file);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the pixel at (x, y) is clearly red. */
    public static boolean red(BufferedImage image, int x, int y) {
        int rgb = image.getRGB(x, y);
        return (rgb >> 16 & 0xff) > 200 && (rgb >> 8 & 0xff) < 60 && (rgb & 0xff) < 60;
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
