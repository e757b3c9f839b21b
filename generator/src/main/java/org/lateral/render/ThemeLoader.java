package org.lateral.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.lateral.LateralException;
import org.lateral.Problem;

/**
 * Finds a theme by the name in site.yaml: a folder relative to the site, then
 * {@code SITE/themes/<name>/}, then a theme jar on the classpath (resources under
 * {@code lateral/themes/<name>/}, as the default theme's jar has).
 */
public final class ThemeLoader {

    /** Where theme jars keep their files on the classpath. */
    public static final String CLASSPATH_PREFIX = "lateral/themes/";

    private ThemeLoader() {
    }

    public static Theme load(String name, Path siteDir, ClassLoader classLoader) {
        Path folder = siteDir.resolve(name).normalize();
        if (!name.isBlank() && Files.isDirectory(folder.resolve("templates"))) {
            return new Theme(name, folder, siteDir.relativize(folder).toString());
        }
        Path inSite = siteDir.resolve("themes").resolve(name);
        if (Files.isDirectory(inSite.resolve("templates"))) {
            return new Theme(name, inSite, "themes/" + name);
        }
        return classpath(name, classLoader).orElseThrow(() -> new LateralException(Problem.error(
                Path.of("site.yaml"), 0, 0, "the theme \"" + name + "\" cannot be found",
                org.lateral.internal.Suggestions.closest(name, known(siteDir)).map(k -> "did you mean `" + k + "`? ")
                        .orElse("") + "use theme: default, or give the folder of your own theme (it must hold a"
                        + " templates/ folder)")));
    }

    /** Themes this site can name: the default theme and the folders in its themes/ folder. */
    private static java.util.List<String> known(Path siteDir) {
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of("default"));
        Path themes = siteDir.resolve("themes");
        if (Files.isDirectory(themes)) {
            try (java.util.stream.Stream<Path> s = Files.list(themes)) {
                s.filter(Files::isDirectory).forEach(p -> out.add(p.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    static Optional<Theme> classpath(String name, ClassLoader classLoader) {
        URL url = classLoader.getResource(CLASSPATH_PREFIX + name + "/theme.yaml");
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            Path themeYaml;
            if ("jar".equals(uri.getScheme())) {
                themeYaml = jarFileSystem(uri).provider().getPath(uri);
            } else {
                themeYaml = Path.of(uri);
            }
            return Optional.of(new Theme(name, themeYaml.getParent(), "theme \"" + name + "\""));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad theme URL " + url, e);
        }
    }

    private static synchronized FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open theme jar " + uri, e);
        }
    }
}
