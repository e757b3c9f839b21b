package org.lateral.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A theme: a folder (on disk, or inside a jar on the classpath) holding {@code templates/},
 * {@code static/} (copied to the output's root), {@code i18n/<language>.yaml} and {@code theme.yaml}.
 * Themes hold no Java.
 *
 * @param name  as written in site.yaml
 * @param root  the theme's folder; may live in a jar's file system
 * @param shown how problems name the theme's files ({@code theme "default"})
 */
public record Theme(String name, Path root, String shown) {

    public Theme {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(shown, "shown");
    }

    public Path templates() {
        return root.resolve("templates");
    }

    public Optional<Path> staticDir() {
        Path s = root.resolve("static");
        return Files.isDirectory(s) ? Optional.of(s) : Optional.empty();
    }

    public Optional<Path> strings(String language) {
        Path p = root.resolve("i18n").resolve(language + ".yaml");
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
}
