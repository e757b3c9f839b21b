import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * A phone-like photo for the sample network and the benchmark: a drawn classroom scene (benches,
 * beakers, a whiteboard) with sensor grain, as JPEG, with the EXIF a phone writes: make and model,
 * the time, GPS to the metre and, for a photo taken upright, orientation 6 (stored sideways).
 *
 * <pre>java -cp COMMONS_IMAGING:COMMONS_IO MakePhoto.java OUT.jpg WIDTH HEIGHT ORIENTATION GRAIN QUALITY SEED "TEXT"</pre>
 *
 * WIDTH×HEIGHT is the photo as shown; ORIENTATION 1 or 6; GRAIN 0–60; QUALITY 0–1.
 */
public class MakePhoto {
    public static void main(String[] a) throws Exception {
        Path out = Path.of(a[0]);
        int width = Integer.parseInt(a[1]);
        int height = Integer.parseInt(a[2]);
        int orientation = Integer.parseInt(a[3]);
        int grain = Integer.parseInt(a[4]);
        float quality = Float.parseFloat(a[5]);
        long seed = Long.parseLong(a[6]);
        String text = a.length > 7 ? a[7] : "Year 9 practical";
        Random random = new Random(seed);

        BufferedImage shown = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = shown.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0xe8e2d0), 0, height * 0.6f, new Color(0xc9c2ad)));
        g.fillRect(0, 0, width, height); // the wall
        g.setColor(Color.WHITE);
        g.fillRect(width / 8, height / 10, width * 3 / 4, height / 4); // the whiteboard
        g.setColor(new Color(0x1f3a93));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 18)));
        g.drawString(text, width / 8 + width / 30, height / 10 + height / 7);
        g.setPaint(new GradientPaint(0, height * 0.55f, new Color(0x5b4632), 0, height, new Color(0x3b2d20)));
        g.fillRect(0, (int) (height * 0.55), width, height); // the bench
        for (int i = 0; i < 7; i++) { // beakers and bottles
            int w = width / 14 + random.nextInt(width / 14);
            int h = height / 8 + random.nextInt(height / 6);
            int x = random.nextInt(Math.max(1, width - w));
            int y = (int) (height * 0.62) + random.nextInt(height / 6);
            g.setColor(new Color(180 + random.nextInt(60), 200 + random.nextInt(50), 220 + random.nextInt(35), 170));
            g.fillRoundRect(x, y - h, w, h, w / 4, w / 4);
            g.setColor(new Color(random.nextInt(200), 80 + random.nextInt(150), random.nextInt(200), 200));
            g.fillRect(x + 2, y - h / 3, w - 4, h / 3);
            g.setStroke(new BasicStroke(Math.max(1, width / 600f)));
            g.setColor(new Color(0x555555));
            g.drawRoundRect(x, y - h, w, h, w / 4, w / 4);
        }
        g.dispose();
        int[] px = ((DataBufferInt) shown.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) { // sensor grain
            int n = grain == 0 ? 0 : random.nextInt(grain * 2 + 1) - grain;
            int r = clamp((px[i] >> 16 & 0xff) + n);
            int gr = clamp((px[i] >> 8 & 0xff) + n);
            int b = clamp((px[i] & 0xff) + n);
            px[i] = r << 16 | gr << 8 | b;
        }
        BufferedImage stored = shown;
        if (orientation == 6) { // a phone stores an upright photo sideways: turned a quarter anticlockwise
            stored = new BufferedImage(height, width, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    stored.setRGB(y, width - 1 - x, shown.getRGB(x, y));
                }
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(jpeg)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(stored, null, null), p);
        }
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "Sample Phone");
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MODEL, "SP 12");
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "2026:06:24 10:41:07");
        exif.setGpsInDegrees(-3.2489 + random.nextDouble() / 1000, 51.6605 + random.nextDouble() / 1000);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg.toByteArray(), withExif, exif);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, withExif.toByteArray());
        System.out.printf(Locale.ROOT, "%s: %d×%d shown, orientation %d, %.0f KB, with GPS%n", out, width, height,
                orientation, withExif.size() / 1024.0);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
