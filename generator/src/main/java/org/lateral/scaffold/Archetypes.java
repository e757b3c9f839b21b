package org.lateral.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.lateral.render.Theme;

/**
 * The starting text of a new post, reflection or other kind, as Hugo's archetypes: the site's
 * {@code archetypes/<kind>.md}, else the theme's, else Lateral's own. Placeholders are
 * {@code {{title}}} (quoted for YAML), {@code {{date}}}, {@code {{slug}}} and, for reflections,
 * {@code {{model}}}, {@code {{modelName}}} and {@code {{stages}}}; nothing else in the text is
 * touched, so an archetype cannot run anything.
 */
public final class Archetypes {

    private Archetypes() {
    }

    /** Where the archetype for {@code kind} comes from, and its text. */
    public record Archetype(String kind, String from, String text) {
    }

    public static Archetype find(String kind, Path siteDir, Optional<Theme> theme) {
        Path own = siteDir.resolve("archetypes").resolve(kind + ".md");
        if (Files.isRegularFile(own)) {
            return new Archetype(kind, "archetypes/" + kind + ".md", read(own));
        }
        if (theme.isPresent()) {
            Optional<Path> themed = theme.get().find("archetypes/" + kind + ".md"); // or a parent theme's
            if (themed.isPresent()) {
                return new Archetype(kind, "the theme's archetypes/" + kind + ".md", read(themed.get()));
            }
        }
        String name = "org/lateral/scaffold/archetypes/" + kind + ".md";
        try (InputStream in = Archetypes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no archetype for " + kind);
            }
            return new Archetype(kind, "Lateral's " + kind + " archetype", new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The archetype's text with each {@code {{name}}} replaced; unknown placeholders are left as written. */
    public static String fill(String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 256);
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                out.append(text, i, text.length());
                break;
            }
            String key = text.substring(open + 2, close).strip();
            out.append(text, i, open);
            out.append(values.containsKey(key) ? values.get(key) : text.substring(open, close + 2));
            i = close + 2;
        }
        return out.toString();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }
}
