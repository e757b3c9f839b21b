package org.lateral.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lateral.Problem;
import org.lateral.internal.Suggestions;

/**
 * Checks that templates compare {@code kind} only with names of kinds that exist
 * ({@code <#if kind == "term">}): a misspelt kind ({@code "tags"}, {@code "Post"}) would never
 * match, and the page would silently lack what the test guards. Each is an error at its line with
 * the nearest kind as the fix.
 */
public final class TemplateKinds {

    private static final Pattern COMPARISON = Pattern.compile(
            "\\bkind\\s*(?:!\\s*(?:\"\"|''))?\\s*[!=]=\\s*[\"']([^\"']*)[\"']");

    private TemplateKinds() {
    }

    /** Problems in the theme's templates (and its parents') and the site's own ({@code templates/}). */
    public static List<Problem> check(Theme theme, Path siteDir, Collection<String> kinds) {
        List<Problem> out = new ArrayList<>();
        for (Theme.Layer layer : theme.templateLayers()) {
            check(layer.dir(), layer.shown(), kinds, out);
        }
        check(siteDir.resolve("templates"), Path.of("templates"), kinds, out);
        return out;
    }

    private static void check(Path dir, Path shown, Collection<String> kinds, List<Problem> out) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().contains(".ftl") && Files.isRegularFile(p))
                    .sorted().toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                Matcher m = COMPARISON.matcher(text).useTransparentBounds(true);
                // a comparison starts with "kind": only there is the expression tried, not at every character
                for (int at = text.indexOf("kind"); at >= 0; at = text.indexOf("kind", at)) {
                    m.region(at, text.length());
                    if (!m.lookingAt()) {
                        at++;
                        continue;
                    }
                    at = Math.max(m.end(), at + 1);
                    String name = m.group(1);
                    if (kinds.contains(name)) {
                        continue;
                    }
                    int line = 1;
                    int lineStart = 0;
                    for (int i = 0; i < m.start(1); i++) {
                        if (text.charAt(i) == '\n') {
                            line++;
                            lineStart = i + 1;
                        }
                    }
                    Path file = shown.resolve(dir.relativize(f).toString());
                    out.add(Problem.error(file, line, m.start(1) - lineStart + 1,
                            "this template compares kind with \"" + name + "\", which is no kind of page, so it never matches",
                            Suggestions.closest(name, kinds).map(k -> "did you mean \"" + k + "\"?")
                                    .orElse("use one of: " + String.join(", ", kinds))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the templates in " + dir, e);
        }
    }
}
