package org.lateral.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A theme: a folder (on disk, or inside a jar on the classpath) holding {@code templates/},
 * {@code static/} (copied to the output's root), {@code i18n/<language>.yaml} and {@code theme.yaml}
 * (its name, description, the theme it {@code extends:} and the {@code options:} it declares, with
 * their defaults). Themes hold no Java.
 *
 * <p>A theme that extends another has it as its {@link #parent()}: a template, static file or
 * word the theme lacks comes from its parent (and its parent's parent). {@link #chain()} lists the
 * theme first, then its parents; the site's own {@code templates/}, {@code static/} and
 * {@code i18n/} come before them all.
 *
 * @param name        as written in site.yaml (or in the child's {@code extends:})
 * @param root        the theme's folder; may live in a jar's file system
 * @param shown       how problems name the theme's files ({@code theme "default"}, {@code themes/mine})
 * @param description its {@code theme.yaml} description, or empty
 * @param parent      the theme it extends, if any
 * @param declared    the options its own {@code theme.yaml} declares, with their defaults, in order
 * @param options     what templates see as {@code theme}: every declared default of the chain under
 *                    the site's {@code theme:} options ({@link ThemeLoader#load(org.lateral.config.SiteConfig,
 *                    Path, ClassLoader, List)}); the declared defaults when no site is applied
 */
public record Theme(String name, Path root, String shown, String description, Optional<Theme> parent,
        Map<String, Object> declared, Map<String, Object> options) {

    /** One theme's template folder and how problems name it. */
    public record Layer(Path dir, Path shown) {
    }

    public Theme {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(shown, "shown");
        description = description == null ? "" : description;
        parent = parent == null ? Optional.empty() : parent;
        declared = Collections.unmodifiableMap(new LinkedHashMap<>(declared == null ? Map.of() : declared));
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
    }

    /** A theme without a {@code theme.yaml} worth reading: no parent, no options. */
    public Theme(String name, Path root, String shown) {
        this(name, root, shown, "", Optional.empty(), Map.of(), Map.of());
    }

    /** This theme, then the theme it extends, then that theme's parent… */
    public List<Theme> chain() {
        List<Theme> out = new ArrayList<>();
        for (Optional<Theme> t = Optional.of(this); t.isPresent(); t = t.get().parent()) {
            out.add(t.get());
        }
        return List.copyOf(out);
    }

    /** This theme's own {@code templates/} folder. */
    public Path templates() {
        return root.resolve("templates");
    }

    /** Every {@code templates/} folder of the chain, this theme's first: where a template is looked for, in order. */
    public List<Layer> templateLayers() {
        return chain().stream().map(t -> new Layer(t.templates(), Path.of(t.shown(), "templates"))).toList();
    }

    /** This theme's own {@code static/} folder, if it has one. */
    public Optional<Path> staticDir() {
        Path s = root.resolve("static");
        return Files.isDirectory(s) ? Optional.of(s) : Optional.empty();
    }

    /**
     * The {@code static/} folders of the chain in copying order: the farthest parent first, this
     * theme last, so that a file of the same name in this theme replaces its parent's.
     */
    public List<Path> staticDirs() {
        List<Path> out = new ArrayList<>();
        List<Theme> chain = chain();
        for (int i = chain.size() - 1; i >= 0; i--) {
            chain.get(i).staticDir().ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** This theme's own words in {@code language}, if it has them. */
    public Optional<Path> strings(String language) {
        Path p = root.resolve("i18n").resolve(language + ".yaml");
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** The first file at {@code relative} in the chain (this theme first), e.g. {@code archetypes/post.md}. */
    public Optional<Path> find(String relative) {
        for (Theme t : chain()) {
            Path p = t.root().resolve(relative);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Every option the chain declares, with its default: a parent's first, this theme's replacing them. */
    public Map<String, Object> declaredOptions() {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Theme> chain = chain();
        for (int i = chain.size() - 1; i >= 0; i--) {
            out.putAll(chain.get(i).declared());
        }
        return Collections.unmodifiableMap(out);
    }

    /** The same theme with what templates see as {@code theme} replaced. */
    public Theme withOptions(Map<String, Object> newOptions) {
        return new Theme(name, root, shown, description, parent, declared, newOptions);
    }
}
