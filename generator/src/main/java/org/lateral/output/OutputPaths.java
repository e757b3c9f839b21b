package org.lateral.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lateral.Problem;
import org.lateral.config.SiteConfig;
import org.lateral.config.Yaml;
import org.lateral.config.YamlNode;

/**
 * Which addresses a site may give its pages: paths inside the output folder, made of parts a file
 * system can hold, that do not climb out with {@code ..}, do not name another web site
 * ({@code //host/}) and do not overwrite Lateral's own files ({@code .lateral-output}). Checked
 * where a teacher writes them ({@code url:}, {@code permalinks:}) and once more for every file a
 * build is about to write.
 */
public final class OutputPaths {

    /** The longest part of an address, in characters (file systems hold 255 bytes). */
    public static final int MAX_PART = 200;

    private OutputPaths() {
    }

    /**
     * Why an address path such as {@code /2024/03/oracy/} (or a permalink pattern) cannot be used,
     * if it cannot; the reason completes "this address …".
     */
    public static Optional<String> unsafeAddress(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(String.format("holds an invisible control character (U+%04X)", (int) c));
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < path.length()
                    && Character.isLowSurrogate(path.charAt(i + 1)))) {
                return Optional.of("holds a broken character (half of an emoji or symbol)");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of("holds a backslash (\\); web addresses use forward slashes (/)");
        }
        if (path.contains("://")) {
            return Optional.of("is a whole web address; only the part after the site's address is allowed here");
        }
        if (path.startsWith("//")) {
            return Optional.of("starts with //, which browsers read as the name of another web site");
        }
        for (String part : path.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                return Optional.of("climbs out of the site with \"" + part + "\"");
            }
            if (part.startsWith(".lateral")) {
                return Optional.of("would overwrite Lateral's own file \"" + part + "\"");
            }
            if (part.length() > MAX_PART || part.getBytes(StandardCharsets.UTF_8).length > 250) {
                return Optional.of("has a part " + part.length() + " characters long, more than a file name can hold"
                        + " (at most " + MAX_PART + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * The site's permalink patterns, then (when they are fine) every output path a build planned:
     * the last safety net before writing. A path that is not safe is reported on the file that
     * asked for it, or on site.yaml.
     */
    public static <J> List<Problem> check(SiteConfig.Permalinks permalinks, Path siteDir, List<J> jobs,
            Function<J, String> outputPath, Function<J, Optional<Path>> source) {
        List<Problem> patterns = check(permalinks, siteDir);
        return patterns.isEmpty() ? check(jobs, outputPath, source) : patterns;
    }

    static <J> List<Problem> check(List<J> jobs, Function<J, String> outputPath,
            Function<J, Optional<Path>> source) {
        Map<String, Problem> out = new LinkedHashMap<>();
        for (J job : jobs) {
            String path = outputPath.apply(job);
            unsafeAddress("/" + path).or(() -> path.startsWith("/") || path.isEmpty()
                    ? Optional.of("is not inside the site") : Optional.empty()).ifPresent(reason -> {
                        Path file = source.apply(job).orElse(Path.of("site.yaml"));
                        out.putIfAbsent(file + reason, Problem.error(file, 1, 1,
                                "the address of this page (" + shorten(path) + ") " + reason,
                                "give it a short slug: line (a few words), or change its url: line or the"
                                        + " permalinks: patterns in site.yaml, so that the address is made of plain"
                                        + " words and slashes, such as /about/"));
                    });
        }
        return new ArrayList<>(out.values());
    }

    /** Problems with the site's {@code permalinks:} patterns, at their lines in site.yaml. */
    static List<Problem> check(SiteConfig.Permalinks permalinks, Path siteDir) {
        Map<String, String> patterns = new LinkedHashMap<>();
        patterns.put("posts", permalinks.posts());
        patterns.put("pages", permalinks.pages());
        patterns.put("tags", permalinks.tags());
        patterns.put("categories", permalinks.categories());
        patterns.put("authors", permalinks.authors());
        patterns.put("series", permalinks.series());
        List<Problem> out = new ArrayList<>();
        YamlNode node = null;
        for (Map.Entry<String, String> e : patterns.entrySet()) {
            Optional<String> reason = unsafeAddress(e.getValue());
            if (reason.isEmpty()) {
                continue;
            }
            if (node == null) {
                node = permalinksNode(siteDir);
            }
            int line = node == null ? 0 : node.get(e.getKey()).map(YamlNode::line).orElse(node.line());
            out.add(Problem.error(Path.of("site.yaml"), line, 0,
                    "the permalink pattern for " + e.getKey() + " (" + shorten(e.getValue()) + ") " + reason.get(),
                    "write it as a path inside the site, such as /:year/:month/:slug/"));
        }
        return out;
    }

    private static YamlNode permalinksNode(Path siteDir) {
        try {
            YamlNode root = Yaml.parse(Files.readString(siteDir.resolve("site.yaml"), StandardCharsets.UTF_8),
                    Path.of("site.yaml"), 1);
            return root.get("permalinks").orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String shorten(String s) {
        String shown = s.length() > 80 ? s.substring(0, 77) + "…" : s;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
