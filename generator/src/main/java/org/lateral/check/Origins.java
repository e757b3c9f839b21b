package org.lateral.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.lateral.pipeline.SiteSnapshot;

/**
 * Finds where something on a rendered page was written when it did not come from a post: in
 * {@code site.yaml} (a menu item), a data file, the site's templates or the theme's (a template the
 * site overrides is not searched in the theme), or the page's own source (its front matter). The
 * first file that holds the text wins; its line and column are those of the first occurrence.
 */
final class Origins {

    /** A file that may hold what a page shows, with the name problems give it. */
    private record Candidate(Path file, Path shown) {
    }

    private final List<Candidate> candidates = new ArrayList<>();
    private final List<Path> sources;
    private final Path siteDir;

    Origins(SiteSnapshot snapshot) {
        this.siteDir = snapshot.siteDir();
        candidates.add(new Candidate(siteDir.resolve("site.yaml"), Path.of("site.yaml")));
        walk(siteDir.resolve("data"), Path.of("data"), Set.of());
        Set<String> own = new HashSet<>(walk(siteDir.resolve("templates"), Path.of("templates"), Set.of()));
        for (org.lateral.render.Theme.Layer layer : snapshot.theme().templateLayers()) {
            own.addAll(walk(layer.dir(), layer.shown(), Set.copyOf(own))); // a template overridden is not searched
        }
        this.sources = snapshot.sources().keySet().stream().sorted().toList();
    }

    private Set<String> walk(Path dir, Path shown, Set<String> skip) {
        Set<String> names = new HashSet<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                names.add(rel);
                if (!skip.contains(rel)) {
                    candidates.add(new Candidate(f, shown.resolve(rel)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return names;
    }

    /**
     * Where {@code text} is first written, searching the site's settings, data and templates, then
     * {@code source} (a page's own file) if given, then every post and page.
     */
    Optional<Place> find(String text, Optional<Path> source) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        List<String> forms = text.startsWith("/") || text.startsWith("#") || text.contains(":")
                ? List.of(text) : List.of("/" + text, text);
        for (String form : forms) {
            for (Candidate c : candidates) {
                Optional<Place> at = in(c.file(), c.shown(), form);
                if (at.isPresent()) {
                    return at;
                }
            }
        }
        for (String form : forms) {
            Optional<Place> at = source.flatMap(s -> in(siteDir.resolve(s), s, form));
            if (at.isPresent()) {
                return at;
            }
        }
        // a list page's summary written in front matter (summary:), or another page's setting
        for (String form : forms) {
            for (Path s : sources) {
                Optional<Place> at = in(siteDir.resolve(s), s, form);
                if (at.isPresent()) {
                    return at;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Place> in(Path file, Path shown, String text) {
        String content;
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
        int i = content.indexOf(text);
        if (i < 0) {
            return Optional.empty();
        }
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (content.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return Optional.of(new Place(shown, line, i - lineStart + 1));
    }
}
