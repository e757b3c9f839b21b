package org.lateral.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Test sites: fixture folders under {@code src/test/resources/sites/<scenario>/} copied into a
 * temporary folder (never built in place), or small sites written inline as a text block with
 * {@code -- path --} headers (Hugo's integration-test idea):
 *
 * <pre>{@code
 * Path site = TestSites.inline(tmp, """
 *     -- site.yaml --
 *     title: Test
 *     -- content/posts/a.md --
 *     ---
 *     title: A
 *     date: 2024-03-05
 *     ---
 *     Hello.
 *     """);
 * }</pre>
 */
public final class TestSites {

    private TestSites() {
    }

    /** Copies {@code src/test/resources/sites/<name>} into {@code tmp/<name>} and returns that folder. */
    public static Path fixture(String name, Path tmp) {
        Path source = Path.of("src/test/resources/sites", name);
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("no fixture site " + source.toAbsolutePath());
        }
        Path target = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Writes each {@code -- path --} section of {@code spec} under {@code tmp/site} and returns that folder. */
    public static Path inline(Path tmp, String spec) {
        Path site = tmp.resolve("site");
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : spec.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
                if (current != null) {
                    write(site.resolve(current), body.toString());
                }
                current = line.substring(3, line.length() - 3).strip();
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            write(site.resolve(current), body.toString());
        }
        return site;
    }

    /** Writes an inline site (see {@link #inline}), builds it, and returns its output folder. */
    public static Path built(Path tmp, String spec) {
        Path site = inline(tmp, spec);
        org.lateral.Lateral.build(org.lateral.BuildRequest.of(site));
        return site.resolve("public");
    }

    /**
     * Replaces each stand-in picture under {@code site/content} (a {@code .jpg} or {@code .png} holding
     * text) by a real one of 64×48 pixels: Lateral publishes only pictures it can read (it removes
     * their location first).
     */
    public static Path withRealPictures(Path site) {
        try (Stream<Path> files = Files.walk(site.resolve("content"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                byte[] head = Files.readAllBytes(f);
                boolean text = head.length == 0 || head[0] != (byte) 0xFF && head[0] != (byte) 0x89 && head[0] != 'G';
                if (text && (n.endsWith(".jpg") || n.endsWith(".jpeg"))) {
                    Files.write(f, Photos.jpeg(64, 48, 1, false));
                } else if (text && n.endsWith(".png")) {
                    Files.write(f, Photos.png(64, 48, false));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return site;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
