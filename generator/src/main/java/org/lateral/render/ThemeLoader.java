package org.lateral.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.config.SiteConfig;
import org.lateral.config.SiteConfigLoader;
import org.lateral.config.ThemeOptions;
import org.lateral.config.Yaml;
import org.lateral.config.YamlNode;
import org.lateral.internal.Suggestions;

/**
 * Finds a theme by the name in site.yaml: a folder relative to the site, then
 * {@code SITE/themes/<name>/}, then a theme jar on the classpath (resources under
 * {@code lateral/themes/<name>/}, as the default and school themes' jars have). Then reads its
 * {@code theme.yaml}: {@code description:}, {@code extends:} (the parent theme, found the same way;
 * a theme extending itself, directly or through others, and a parent that cannot be found are
 * errors at that line) and {@code options:} (each option's default).
 *
 * <p>{@link #load(SiteConfig, Path, ClassLoader, List)} also lays the site's {@code theme:} options
 * over the declared defaults (templates see them as {@code theme}); an option the site sets that no
 * theme of the chain declares is a warning at its line in site.yaml, with the nearest declared one.
 */
public final class ThemeLoader {

    /** Where theme jars keep their files on the classpath. */
    public static final String CLASSPATH_PREFIX = "lateral/themes/";

    /** The themes Lateral ships (each a jar on its classpath). */
    public static final List<String> BUILT_IN = List.of("default", "school");

    /** The keys a theme.yaml may hold; a near miss of one ({@code extend:}) is an error. */
    static final Set<String> KEYS = Set.of("name", "description", "license", "extends", "options", "author",
            "homepage", "version");

    private ThemeLoader() {
    }

    /** The theme the site names, its parents and the site's options over their defaults; warnings added to {@code warnings}. */
    public static Theme load(SiteConfig config, Path siteDir, ClassLoader classLoader, List<Problem> warnings) {
        Theme theme = load(config.theme(), siteDir, classLoader);
        Map<String, Object> declared = theme.declaredOptions();
        Map<String, Object> options = new LinkedHashMap<>(declared);
        for (Map.Entry<String, Object> e : config.themeOptions().entrySet()) {
            if (!declared.containsKey(e.getKey()) && !ThemeOptions.DERIVED.contains(e.getKey())) {
                int[] at = SiteConfigLoader.position(siteDir, "theme", e.getKey());
                warnings.add(Problem.warning(Path.of(SiteConfigLoader.FILE_NAME), at[0], at[1],
                        "the theme \"" + theme.name() + "\" has no option \"" + e.getKey() + "\", so no template reads it",
                        Suggestions.closest(e.getKey(), declared.keySet()).map(k -> "did you mean `" + k + "`?")
                                .orElse(declared.isEmpty() ? "this theme has no options; remove the line"
                                        : "its options are " + String.join(", ", declared.keySet())
                                                + " (see the theme's theme.yaml, or README \"Themes\")")));
            }
            options.put(e.getKey(), e.getValue());
        }
        if (!options.containsKey("accentText") && options.get("accent") instanceof String accent) {
            options.putAll(ThemeOptions.shades(accent)); // an accent a theme gives as its default
        }
        return theme.withOptions(options);
    }

    /** The theme of that name and the themes it extends, with their declared defaults as options. */
    public static Theme load(String name, Path siteDir, ClassLoader classLoader) {
        Theme bare = locate(name, siteDir, classLoader).orElseThrow(() -> new LateralException(Problem.error(
                Path.of(SiteConfigLoader.FILE_NAME), SiteConfigLoader.themeNamePosition(siteDir)[0],
                SiteConfigLoader.themeNamePosition(siteDir)[1], "the theme \"" + name + "\" cannot be found",
                Suggestions.closest(name, known(siteDir)).map(k -> "did you mean `" + k + "`? ")
                        .orElse("") + "use theme: default (or school), or give the folder of your own theme (it must"
                        + " hold a templates/ folder)")));
        return read(bare, siteDir, classLoader, new ArrayList<>());
    }

    /** Where a theme of that name is, without reading its theme.yaml. */
    private static Optional<Theme> locate(String name, Path siteDir, ClassLoader classLoader) {
        Path folder = siteDir.resolve(name).normalize();
        if (!name.isBlank() && Files.isDirectory(folder.resolve("templates"))) {
            return Optional.of(new Theme(name, folder, siteDir.relativize(folder).toString()));
        }
        Path inSite = siteDir.resolve("themes").resolve(name);
        if (!name.isBlank() && Files.isDirectory(inSite.resolve("templates"))) {
            return Optional.of(new Theme(name, inSite, "themes/" + name));
        }
        return classpath(name, classLoader);
    }

    /** The theme with its theme.yaml read and its parents loaded; {@code children} are the themes that extend it. */
    private static Theme read(Theme bare, Path siteDir, ClassLoader classLoader, List<Theme> children) {
        Path file = bare.root().resolve("theme.yaml");
        if (!Files.isRegularFile(file)) {
            return bare;
        }
        Path shown = Path.of(bare.shown(), "theme.yaml");
        YamlNode root;
        try {
            root = Yaml.parse(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"), shown, 1);
        } catch (Yaml.YamlException e) {
            throw new LateralException(e.problem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!root.isMap()) {
            return bare;
        }
        List<Problem> problems = new ArrayList<>();
        for (String key : root.asMap().keySet()) {
            Optional<String> typo = KEYS.contains(key) ? Optional.empty() : Suggestions.closest(key, KEYS);
            if (typo.isPresent()) { // other keys are the theme author's own notes
                problems.add(Problem.error(shown, root.keyLine(key), root.keyColumn(key),
                        "theme.yaml has no setting \"" + key + "\"; did you mean `" + typo.get() + "`?",
                        "rename it to " + typo.get()));
            }
        }
        String description = root.get("description").flatMap(YamlNode::text).orElse("");
        Map<String, Object> declared = new LinkedHashMap<>();
        Optional<YamlNode> options = root.get("options").filter(n -> !n.isNull());
        if (options.isPresent() && !options.get().isMap()) {
            problems.add(Problem.error(shown, options.get().line(), options.get().column(),
                    "options must be a list of the theme's options, each with its default",
                    "write it as:\noptions:\n  accent: \"#1d6b57\"\n  logo: \"\""));
        } else {
            options.ifPresent(o -> o.asMap().forEach((k, v) -> declared.put(k, v.isNull() ? "" : v.toPlain())));
        }
        Optional<Theme> parent = Optional.empty();
        Optional<YamlNode> ext = root.get("extends").filter(n -> !n.isNull());
        if (ext.isPresent() && problems.isEmpty()) {
            parent = Optional.of(parent(bare, ext.get(), shown, siteDir, classLoader, children));
        }
        if (!problems.isEmpty()) {
            throw new LateralException(problems);
        }
        Theme theme = new Theme(bare.name(), bare.root(), bare.shown(), description, parent, declared, Map.of());
        return theme.withOptions(theme.declaredOptions());
    }

    private static Theme parent(Theme child, YamlNode ext, Path shown, Path siteDir, ClassLoader classLoader,
            List<Theme> children) {
        String name = ext.text().map(String::strip).orElse("");
        if (name.isEmpty()) {
            throw new LateralException(Problem.error(shown, ext.line(), ext.column(),
                    "extends must name one theme", "write extends: default"));
        }
        Optional<Theme> found = locate(name, siteDir, classLoader);
        if (found.isEmpty()) {
            throw new LateralException(Problem.error(shown, ext.line(), ext.column(),
                    "the theme \"" + child.name() + "\" extends \"" + name + "\", but there is no theme of that name",
                    Suggestions.closest(name, known(siteDir)).map(k -> "did you mean `" + k + "`? ").orElse("")
                            + "write extends: default, or the folder of a theme (relative to the site) that holds a"
                            + " templates/ folder"));
        }
        List<Theme> line = new ArrayList<>(children);
        line.add(child);
        for (Theme t : line) {
            if (same(t, found.get())) {
                List<String> names = new ArrayList<>();
                line.subList(line.indexOf(t), line.size()).forEach(x -> names.add("\"" + x.name() + "\""));
                names.add("\"" + found.get().name() + "\"");
                throw new LateralException(Problem.error(shown, ext.line(), ext.column(),
                        "the themes extend each other in a circle (" + String.join(" extends ", names)
                                + "), so no template could ever be found",
                        "remove this extends: line, or make one of them extend default; a folder theme that extends"
                                + " the built-in default must not be called default itself"));
            }
        }
        return read(found.get(), siteDir, classLoader, line);
    }

    private static boolean same(Theme a, Theme b) {
        return a.root().getFileSystem() == b.root().getFileSystem()
                && a.root().toAbsolutePath().normalize().equals(b.root().toAbsolutePath().normalize());
    }

    /** Themes this site can name: the built-in themes and the folders in its themes/ folder. */
    private static List<String> known(Path siteDir) {
        Set<String> out = new TreeSet<>(BUILT_IN);
        Path themes = siteDir.resolve("themes");
        if (Files.isDirectory(themes)) {
            try (Stream<Path> s = Files.list(themes)) {
                s.filter(Files::isDirectory).forEach(p -> out.add(p.getFileName().toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(out);
    }

    static Optional<Theme> classpath(String name, ClassLoader classLoader) {
        if (name.isBlank() || name.contains("..") || name.contains("/") || name.contains("\\")) {
            return Optional.empty();
        }
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
