package org.lateral.image;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes pictures ready to publish, each once: a JPEG, PNG or WebP is read (TwelveMonkeys ImageIO),
 * turned the right way up by its EXIF orientation, scaled down to each of {@link #WIDTHS} narrower
 * than itself (Java2D, {@link #scale progressive bilinear}) and written as JPEG (a PNG, or a WebP with
 * transparency, as PNG), and its original is copied without its metadata ({@link Metadata}); every
 * file written is read back to check it says nothing about where it was taken. A GIF is published
 * as it is.
 *
 * <p>Everything made is kept in a cache folder (outside the output) under the SHA-256 of the
 * picture's bytes, so a picture is made once, whatever it is called and however often the site is
 * built. Entries are written into a temporary folder and renamed into place, so builds running at
 * the same time (in one process or several) never see half an entry, and whichever finishes second
 * keeps the first one's. Thread-safe: one instance serves every thread of a build.
 */
public final class Pictures {

    /** The widths written, in pixels: a phone, a laptop's column at 2×, a large screen at 2×. */
    public static final List<Integer> WIDTHS = List.of(480, 960, 1600);
    /** JPEG quality of the smaller copies: no visible loss at the sizes shown. */
    static final float QUALITY = 0.82f;
    /** Larger pictures are not decoded (about 256 MB of memory). */
    static final long MAX_PIXELS = 64_000_000L;
    /** Larger files are not read. */
    static final long MAX_BYTES = 60_000_000L;
    /** Changes when what is written changes, so old entries are not used. */
    private static final String VERSION = "v1";

    private final Path root;
    private final AtomicInteger encoded = new AtomicInteger();
    /** At most a few pictures decoded at once: a phone photo takes 50 MB as pixels. */
    private final Semaphore decoding;

    /** What became of one file. */
    public sealed interface Result permits Ready, Unusable {
    }

    /** A picture ready to publish. */
    public record Ready(ImageFile picture) implements Result {
        public Ready {
            Objects.requireNonNull(picture, "picture");
        }
    }

    /**
     * A file that cannot be published as a picture (damaged, too large, not what its name says):
     * it is not published at all, since its metadata could not be removed.
     *
     * @param reason why, in plain words ("it ends in the middle of the picture")
     */
    public record Unusable(String reason) implements Result {
        public Unusable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** @param cacheDir the site's cache folder; pictures go into its {@code images/} folder */
    public Pictures(Path cacheDir) {
        this.root = cacheDir.resolve("images").resolve(VERSION);
        long heap = Runtime.getRuntime().maxMemory();
        int byMemory = (int) Math.max(1, heap / (320L * 1024 * 1024));
        this.decoding = new Semaphore(Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), byMemory)));
    }

    /** Whether Lateral publishes this file as a picture (by its name): JPEG, PNG, WebP, GIF. */
    public static boolean isPicture(Path file) {
        return PictureFormat.byName(file.getFileName().toString()).isPresent();
    }

    /** How many pictures this instance has read and written (the others came from the cache). */
    public int encoded() {
        return encoded.get();
    }

    /** The folder holding the cache's entries. */
    public Path folder() {
        return root;
    }

    /**
     * The picture ready to publish, from the cache or made now.
     *
     * @throws UncheckedIOException when the file cannot be read or the cache not written (the disk, not the picture)
     */
    public Result prepare(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return new Unusable(String.format(Locale.ROOT, "it is %.0f MB, more than Lateral reads for a picture",
                        size / 1e6));
            }
            byte[] bytes = Files.readAllBytes(file);
            Optional<PictureFormat> format = PictureFormat.sniff(bytes);
            if (format.isEmpty()) {
                return new Unusable("it is not a JPEG, PNG, WebP or GIF picture inside, whatever its name says");
            }
            if (format.get() == PictureFormat.GIF) {
                return gif(file, bytes);
            }
            String hash = sha256(bytes);
            Path entry = root.resolve(hash.substring(0, 2)).resolve(hash);
            Optional<ImageFile> cached = read(entry, hash);
            if (cached.isPresent()) {
                return new Ready(cached.get());
            }
            return make(bytes, format.get(), hash, entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " or write the picture cache in " + root, e);
        }
    }

    private Result gif(Path file, byte[] bytes) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("gif");
        if (!readers.hasNext()) {
            return new Ready(new ImageFile(PictureFormat.GIF, 0, 0, file, List.of(), ""));
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in);
            return new Ready(new ImageFile(PictureFormat.GIF, reader.getWidth(0), reader.getHeight(0), file, List.of(),
                    ""));
        } catch (IOException | RuntimeException e) {
            return new Ready(new ImageFile(PictureFormat.GIF, 0, 0, file, List.of(), "")); // copied as it is, unsized
        } finally {
            reader.dispose();
        }
    }

    /** A complete cache entry: its {@code info} file lists what it holds, and each file is there. */
    private static Optional<ImageFile> read(Path entry, String hash) throws IOException {
        Path info = entry.resolve("info");
        if (!Files.isRegularFile(info)) {
            return Optional.empty();
        }
        PictureFormat format = null;
        int width = 0;
        int height = 0;
        Path original = null;
        List<ImageFile.Variant> variants = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "picture" -> {
                        format = PictureFormat.valueOf(f[1]);
                        width = Integer.parseInt(f[2]);
                        height = Integer.parseInt(f[3]);
                        original = entry.resolve(f[4]);
                    }
                    case "variant" -> variants.add(new ImageFile.Variant(Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                            PictureFormat.valueOf(f[3]), entry.resolve(f[4])));
                    default -> {
                    }
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // not an entry this version wrote: made again
        }
        if (format == null || !Files.isRegularFile(original)
                || variants.stream().anyMatch(v -> !Files.isRegularFile(v.file()))) {
            return Optional.empty();
        }
        return Optional.of(new ImageFile(format, width, height, original, variants, hash));
    }

    private Result make(byte[] bytes, PictureFormat format, String hash, Path entry) throws IOException {
        int orientation = Metadata.orientation(bytes);
        byte[] original;
        try {
            original = Metadata.strip(bytes, format, orientation);
        } catch (Metadata.Damaged e) {
            return new Unusable(e.getMessage());
        }
        if (Metadata.mayLocate(original)) {
            return new Unusable("its location could not be removed");
        }
        List<Made> made = new ArrayList<>();
        int width;
        int height;
        boolean alpha;
        try {
            decoding.acquireUninterruptibly();
            try {
                BufferedImage image = decode(bytes, format);
                if (image == null) {
                    return new Unusable("it could not be read as a " + format.name() + " picture (the file may be damaged)");
                }
                boolean turned = orientation >= 5;
                width = turned ? image.getHeight() : image.getWidth();
                height = turned ? image.getWidth() : image.getHeight();
                alpha = image.getColorModel().hasAlpha();
                PictureFormat out = format == PictureFormat.JPEG || format == PictureFormat.WEBP && !alpha
                        ? PictureFormat.JPEG : PictureFormat.PNG;
                BufferedImage from = standard(image, alpha);
                image = null;
                List<Integer> widths = new ArrayList<>(WIDTHS);
                widths.sort(Comparator.reverseOrder());
                for (int w : widths) {
                    if (w >= width) {
                        continue;
                    }
                    int h = Math.max(1, (int) Math.round((double) height * w / width));
                    // scaled as stored (the turn is cheaper on the smaller picture), each from the last
                    BufferedImage scaled = turned ? scale(from, h, w) : scale(from, w, h);
                    from = scaled;
                    byte[] encodedBytes = encode(orient(scaled, orientation), out);
                    if (Metadata.mayLocate(encodedBytes)) {
                        return new Unusable("its location could not be removed");
                    }
                    made.add(new Made(new ImageFile.Variant(w, h, out, entry.resolve(w + "." + out.extension())),
                            encodedBytes));
                }
            } finally {
                decoding.release();
            }
        } catch (IOException | RuntimeException e) {
            return new Unusable("it could not be read as a " + format.name() + " picture (the file may be damaged or"
                    + " only partly copied)");
        } catch (OutOfMemoryError e) {
            return new Unusable("it is too large for the memory Lateral has");
        }
        encoded.incrementAndGet();
        made.sort(Comparator.comparingInt(m -> m.variant().width()));
        String originalName = "original." + format.extension();
        StringBuilder info = new StringBuilder();
        info.append("picture ").append(format.name()).append(' ').append(width).append(' ').append(height).append(' ')
                .append(originalName).append('\n');
        for (Made m : made) {
            ImageFile.Variant v = m.variant();
            info.append("variant ").append(v.width()).append(' ').append(v.height()).append(' ')
                    .append(v.format().name()).append(' ').append(v.file().getFileName()).append('\n');
        }
        publish(entry, originalName, original, made, info.toString());
        return new Ready(new ImageFile(format, width, height, entry.resolve(originalName),
                made.stream().map(Made::variant).toList(), hash));
    }

    private record Made(ImageFile.Variant variant, byte[] bytes) {
    }

    /** Writes an entry into a temporary folder, then renames it into place (or keeps one a parallel build put there). */
    private static void publish(Path entry, String originalName, byte[] original, List<Made> made, String info)
            throws IOException {
        Files.createDirectories(entry.getParent());
        Path tmp = entry.resolveSibling(".tmp-" + entry.getFileName() + "-" + UUID.randomUUID());
        Files.createDirectory(tmp);
        try {
            Files.write(tmp.resolve(originalName), original);
            for (Made m : made) {
                Files.write(tmp.resolve(m.variant().file().getFileName().toString()), m.bytes());
            }
            Files.writeString(tmp.resolve("info"), info, StandardCharsets.UTF_8); // last: an entry with info is whole
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileSystemException e) {
                // another thread or build made the same entry meanwhile (the rename over a full
                // folder fails: "Directory not empty"): the same bytes, keep theirs
                if (!Files.isRegularFile(entry.resolve("info"))) {
                    throw e;
                }
            }
        } finally {
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static BufferedImage decode(byte[] bytes, PictureFormat format) throws IOException {
        ImageReader reader = switch (format) {
            case JPEG -> provider(JPEGImageReaderSpi.class).createReaderInstance(null);
            case WEBP -> provider(WebPImageReaderSpi.class).createReaderInstance(null);
            case PNG -> ImageIO.getImageReadersByFormatName("png").next();
            case GIF -> throw new IllegalArgumentException("a GIF is published as it is");
        };
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > MAX_PIXELS) {
                throw new IOException("too many pixels");
            }
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    /**
     * TwelveMonkeys' reader, registered with ImageIO if it is not yet (in a Maven plugin's class
     * loader the registry may have been filled before it was seen): registering is what finds the
     * JDK reader it builds on.
     */
    private static <T extends javax.imageio.spi.ImageReaderSpi> T provider(Class<T> type) {
        javax.imageio.spi.IIORegistry registry = javax.imageio.spi.IIORegistry.getDefaultInstance();
        synchronized (Pictures.class) {
            T spi = registry.getServiceProviderByClass(type);
            if (spi == null) {
                try {
                    spi = type.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot make " + type.getName(), e);
                }
                registry.registerServiceProvider(spi);
            }
            return spi;
        }
    }

    /** The picture as 8-bit RGB (or ARGB) integers, which the scaler, the turn and the writers all take. */
    private static BufferedImage standard(BufferedImage image, boolean alpha) {
        int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(image, 0, 0, null); // converts colour spaces (CMYK, a camera's profile) to sRGB
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Scaled down with Java2D's bilinear filter in steps of at most a half (the "progressive
     * bilinear" way of Thumbnailator and imgscalr): each step averages every pixel it drops, so
     * fine patterns (a jumper's knit, text on a whiteboard) do not shimmer, at a fraction of a
     * Lanczos filter's time.
     */
    static BufferedImage scale(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        while (current.getWidth() != width || current.getHeight() != height) {
            int w = Math.max(width, (current.getWidth() + 1) / 2);
            int h = Math.max(height, (current.getHeight() + 1) / 2);
            BufferedImage next = new BufferedImage(w, h, image.getType());
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.setComposite(java.awt.AlphaComposite.Src);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        }
        return current;
    }

    /** The picture turned and flipped as its EXIF orientation (1–8) says it should be shown. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        BufferedImage src = standard(image, image.getColorModel().hasAlpha());
        int w = src.getWidth();
        int h = src.getHeight();
        boolean turned = orientation >= 5;
        BufferedImage out = new BufferedImage(turned ? h : w, turned ? w : h, src.getType());
        int[] in = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
        int[] to = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int ow = out.getWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; } // 8
                }
                to[dy * ow + dx] = in[y * w + x];
            }
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, PictureFormat format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (format == PictureFormat.PNG) {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IOException("no PNG writer");
            }
            return bytes.toByteArray();
        }
        ImageWriter writer = jpegWriter();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            JPEGImageWriteParam param = new JPEGImageWriteParam(Locale.ROOT);
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            param.setOptimizeHuffmanTables(true); // as small as progressive here, in half the time
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JDK's own JPEG writer (the same bytes wherever Lateral runs), else any. */
    private static ImageWriter jpegWriter() {
        ImageWriter any = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio")) {
                return w;
            }
            any = any == null ? w : any;
        }
        if (any == null) {
            throw new IllegalStateException("this Java has no JPEG writer");
        }
        return any;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
