package org.lateral.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.testing.Photos;

class PicturesTest {

    @TempDir
    Path tmp;

    private ImageFile ready(Pictures.Result r) {
        assertThat(r).isInstanceOf(Pictures.Ready.class);
        return ((Pictures.Ready) r).picture();
    }

    @Test
    void aPhoneJpegIsTurnedUprightResizedAndPublishedWithoutItsLocation() throws Exception {
        Path photo = tmp.resolve("photo.jpg");
        // stored 2000×1500 (landscape), orientation 6: shown 1500×2000 (a phone held upright)
        Photos.write(photo, Photos.jpeg(2000, 1500, 6, true));
        assertThat(Photos.hasGps(photo)).isTrue();

        ImageFile p = ready(new Pictures(tmp.resolve("cache")).prepare(photo));

        assertThat(p.width()).isEqualTo(1500);
        assertThat(p.height()).isEqualTo(2000);
        assertThat(p.variants()).extracting(ImageFile.Variant::width).containsExactly(480, 960); // never wider than 1500
        for (ImageFile.Variant v : p.variants()) {
            BufferedImage image = Photos.read(v.file());
            assertThat(image.getWidth()).isEqualTo(v.width());
            assertThat(image.getHeight()).isEqualTo(v.height()).isEqualTo(v.width() * 4 / 3);
            // the stored top-left corner is red; turned a quarter clockwise it is the shown top-right
            assertThat(Photos.red(image, image.getWidth() - 5, 5)).isTrue();
            assertThat(Photos.red(image, 5, 5)).isFalse();
            assertThat(Photos.hasGps(v.file())).isFalse();
            assertThat(Files.size(v.file())).isLessThan(Files.size(photo));
        }
        // the original: the same pixels (copied, not re-encoded), the orientation kept, no location
        assertThat(Photos.hasGps(p.original())).isFalse();
        assertThat(Photos.orientation(p.original())).isEqualTo(6);
        assertThat(pixels(Photos.read(p.original()))).isEqualTo(pixels(Photos.read(photo)));
        assertThat(p.original()).startsWith(tmp.resolve("cache"));
    }

    @Test
    void theCacheServesASecondBuildWithoutResizingAgain() throws Exception {
        Path photo = tmp.resolve("a.jpg");
        Photos.write(photo, Photos.jpeg(1700, 1000, 1, true));
        Pictures first = new Pictures(tmp.resolve("cache"));
        ImageFile made = ready(first.prepare(photo));
        assertThat(first.encoded()).isEqualTo(1);
        FileTime then = Files.getLastModifiedTime(made.variants().get(0).file());

        Path renamed = tmp.resolve("same-picture-other-name.jpg");
        Files.copy(photo, renamed);
        Pictures second = new Pictures(tmp.resolve("cache"));
        ImageFile again = ready(second.prepare(renamed));

        assertThat(second.encoded()).isZero();
        assertThat(again).isEqualTo(made);
        assertThat(Files.getLastModifiedTime(again.variants().get(0).file())).isEqualTo(then);
        assertThat(again.variants()).extracting(ImageFile.Variant::width).containsExactly(480, 960, 1600);
    }

    @Test
    void theSamePictureMadeByManyThreadsAtOnceEndsInOneWholeEntry() throws Exception {
        // two posts holding the same picture, or two builds at once: each makes the entry, one keeps it
        Path photo = tmp.resolve("shared.jpg");
        Photos.write(photo, Photos.jpeg(1000, 700, 1, true));
        Path cache = tmp.resolve("cache");
        List<Pictures.Result> results = java.util.stream.IntStream.range(0, 6).parallel()
                .mapToObj(i -> new Pictures(cache).prepare(photo)).toList();
        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(Pictures.Ready.class));
        assertThat(results.stream().map(r -> ((Pictures.Ready) r).picture()).distinct()).hasSize(1);
        try (java.util.stream.Stream<Path> left = Files.walk(cache)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    @Test
    void aSmallPictureIsNeverMadeLarger() {
        Path photo = tmp.resolve("small.jpg");
        Photos.write(photo, Photos.jpeg(400, 300, 1, false));
        ImageFile p = ready(new Pictures(tmp.resolve("cache")).prepare(photo));
        assertThat(p.variants()).isEmpty();
        assertThat(p.width()).isEqualTo(400);
        assertThat(p.height()).isEqualTo(300);
    }

    @Test
    void aDamagedOrFalseJpegIsNotPublishedAndSaysWhy() throws Exception {
        byte[] whole = Photos.jpeg(1200, 900, 1, true);
        Path cut = tmp.resolve("cut.jpg");
        Photos.write(cut, Arrays.copyOf(whole, whole.length / 2));
        Path text = tmp.resolve("notes.jpg");
        Files.writeString(text, "not a picture at all");

        Pictures pictures = new Pictures(tmp.resolve("cache"));
        assertThat(pictures.prepare(cut)).isInstanceOfSatisfying(Pictures.Unusable.class,
                u -> assertThat(u.reason()).contains("partly copied"));
        assertThat(pictures.prepare(text)).isInstanceOfSatisfying(Pictures.Unusable.class,
                u -> assertThat(u.reason()).contains("not a JPEG, PNG, WebP or GIF"));
    }

    @Test
    void whatAPhoneAppendsAfterThePictureIsDropped() throws Exception {
        // phones append a second picture (with EXIF of its own) after the first one's end
        byte[] first = Photos.jpeg(800, 600, 1, false);
        byte[] second = Photos.jpeg(200, 150, 1, true);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(first);
        both.writeBytes(second);
        assertThat(Photos.hasGps(second)).isTrue();

        byte[] stripped = Metadata.strip(both.toByteArray(), PictureFormat.JPEG, 1);

        assertThat(stripped.length).isLessThanOrEqualTo(first.length);
        assertThat(Photos.hasGps(stripped)).isFalse();
        assertThat(indexOf(stripped, "Exif".getBytes())).isNegative();
    }

    @Test
    void aPngKeepsItsTransparencyAndLosesItsText() throws Exception {
        byte[] png = Photos.png(1000, 500, true);
        byte[] withText = withTextChunk(png, "GPS 51.48 -3.18");
        Path file = tmp.resolve("diagram.png");
        Photos.write(file, withText);

        ImageFile p = ready(new Pictures(tmp.resolve("cache")).prepare(file));

        assertThat(p.format()).isEqualTo(PictureFormat.PNG);
        assertThat(p.variants()).extracting(ImageFile.Variant::format).containsOnly(PictureFormat.PNG);
        assertThat(Photos.read(p.variants().get(0).file()).getColorModel().hasAlpha()).isTrue();
        assertThat(indexOf(Files.readAllBytes(p.original()), "GPS 51.48".getBytes())).isNegative();
        assertThat(pixels(Photos.read(p.original()))).isEqualTo(pixels(Photos.read(file)));
    }

    @Test
    void aGifIsPublishedAsItIs() throws Exception {
        Path gif = tmp.resolve("wave.gif");
        BufferedImage image = new BufferedImage(900, 100, BufferedImage.TYPE_BYTE_INDEXED);
        javax.imageio.ImageIO.write(image, "gif", gif.toFile());
        ImageFile p = ready(new Pictures(tmp.resolve("cache")).prepare(gif));
        assertThat(p.original()).isEqualTo(gif);
        assertThat(p.variants()).isEmpty();
        assertThat(p.width()).isEqualTo(900);
    }

    @Test
    void everyOrientationShowsTheRedCornerWhereTheCameraSawIt() {
        // where the stored top-left corner is shown, for each EXIF orientation
        List<int[]> corners = List.of(new int[] {0, 0}, new int[] {1, 0}, new int[] {1, 1}, new int[] {0, 1},
                new int[] {0, 0}, new int[] {1, 0}, new int[] {1, 1}, new int[] {0, 1});
        BufferedImage stored = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        stored.setRGB(0, 0, 0xff0000);
        for (int o = 1; o <= 8; o++) {
            BufferedImage shown = Pictures.orient(stored, o);
            assertThat(shown.getWidth()).isEqualTo(o >= 5 ? 20 : 40);
            int x = corners.get(o - 1)[0] * (shown.getWidth() - 1);
            int y = corners.get(o - 1)[1] * (shown.getHeight() - 1);
            assertThat(shown.getRGB(x, y) & 0xffffff).as("orientation " + o).isEqualTo(0xff0000);
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (in[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The PNG with a tEXt chunk after its header. */
    private static byte[] withTextChunk(byte[] png, String text) {
        byte[] data = ("Comment\0" + text).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33); // signature and IHDR
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put("tEXt".getBytes()).put(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("tEXt".getBytes());
        crc.update(data);
        b.putInt((int) crc.getValue());
        out.writeBytes(b.array());
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }
}
