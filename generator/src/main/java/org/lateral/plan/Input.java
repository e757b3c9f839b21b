package org.lateral.plan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something an output is made from, declared conservatively so that a changed file maps to the
 * outputs it affects: one source file (its body and front matter), or a whole class of input
 * that many outputs read (every source's front matter, the templates, the site's settings, its
 * data files, every source at all).
 *
 * <p>When unsure, an output declares more: a post's page declares {@link #FRONT_MATTER} because
 * it shows other posts' titles (related posts, series navigation), and anything that reads every
 * post (the search index, the sitemap) declares {@link #ALL_SOURCES}.
 *
 * @param scope what kind of input
 * @param path  the source file, relative to the site folder, for {@link Scope#SOURCE}; else empty
 */
public record Input(Scope scope, Path path) {

    /** What kind of input. */
    public enum Scope {
        /** One source file: its body and its front matter. */
        SOURCE,
        /** Every source's front matter (titles, dates, tags, series, authors). */
        FRONT_MATTER,
        /** Every source, body included. */
        ALL_SOURCES,
        /** The theme's and the site's templates. */
        TEMPLATES,
        /** {@code site.yaml}. */
        CONFIG,
        /** The site's {@code data/} files. */
        DATA,
        /** What a hub read from its members' feeds. */
        FEEDS
    }

    public static final Input FRONT_MATTER = new Input(Scope.FRONT_MATTER, Path.of(""));
    public static final Input ALL_SOURCES = new Input(Scope.ALL_SOURCES, Path.of(""));
    public static final Input TEMPLATES = new Input(Scope.TEMPLATES, Path.of(""));
    public static final Input CONFIG = new Input(Scope.CONFIG, Path.of(""));
    public static final Input DATA = new Input(Scope.DATA, Path.of(""));
    public static final Input FEEDS = new Input(Scope.FEEDS, Path.of(""));

    public Input {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(path, "path");
    }

    /** One source file, by its path relative to the site folder ({@code content/posts/a.md}). */
    public static Input source(Path path) {
        return new Input(Scope.SOURCE, path);
    }

    /**
     * Whether a change to {@code changed} may change an output that declared this input: the same
     * input, or a source file when this is {@link #ALL_SOURCES}.
     */
    public boolean isAffectedBy(Input changed) {
        return equals(changed) || scope == Scope.ALL_SOURCES && changed.scope == Scope.SOURCE;
    }
}
