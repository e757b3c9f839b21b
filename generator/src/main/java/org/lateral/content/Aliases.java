package org.lateral.content;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.lateral.Problem;
import org.lateral.config.YamlNode;

/**
 * A post's old addresses, {@code aliases: [/2015/03/old-post/, /old-blog/post.html]}: each becomes a
 * small redirect page (written by the planner), so links to where the post used to be keep working.
 * An alias is a path inside the site, read from the site's root ({@code /2015/03/old/} on a site at
 * {@code https://example.org/cpd/} is served at {@code /cpd/2015/03/old/}); a full address pasted
 * from the old blog keeps only its path.
 */
public final class Aliases {

    private Aliases() {
    }

    /** The aliases written, normalised ({@code /a/b/} or {@code /a/b.html}); mistakes go into {@code problems}. */
    static List<String> read(YamlNode node, Path file, List<Problem> problems) {
        if (node.isNull()) {
            return List.of();
        }
        List<YamlNode> items = node.isList() ? node.asList() : List.of(node);
        Set<String> out = new LinkedHashSet<>();
        for (YamlNode item : items) {
            if (!item.isScalar() || item.isNull()) {
                problems.add(Problem.error(file, item.line(), item.column(),
                        "each alias must be an old address such as /2015/03/old-post/",
                        "write aliases: [/2015/03/old-post/] with one old path per item"));
                continue;
            }
            String written = item.text().orElse("").strip();
            Optional<String> path = normalise(written);
            if (path.isEmpty()) {
                problems.add(Problem.error(file, item.line(), item.column(),
                        "the alias \"" + written + "\" is not a path inside the site",
                        "write the old address's path, starting with / (for example /2015/03/old-post/), with no .., ? or #"));
            } else {
                out.add(path.get());
            }
        }
        return new ArrayList<>(out);
    }

    /** {@code 2015/03/old/} → {@code /2015/03/old/}; a full address keeps its path; empty when unsafe. */
    public static Optional<String> normalise(String written) {
        String s = written.strip();
        if (s.regionMatches(true, 0, "http://", 0, 7) || s.regionMatches(true, 0, "https://", 0, 8)) {
            try {
                s = URI.create(s).getRawPath();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (s == null) {
                return Optional.empty();
            }
        }
        if (!s.startsWith("/")) {
            s = "/" + s;
        }
        if (s.length() < 2 || s.length() > 400 || s.startsWith("//") || s.contains("\\") || s.contains("?")
                || s.contains("#") || s.contains("%") && !s.matches("[^%]*(%[0-9A-Fa-f]{2}[^%]*)*")) {
            return Optional.empty();
        }
        for (String segment : s.substring(1).split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.empty();
            }
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == ' ') {
                return Optional.empty();
            }
        }
        return Optional.of(s.replaceAll("/{2,}", "/"));
    }

    /** The file an alias is written to, relative to the output folder: {@code /a/b/} → {@code a/b/index.html}. */
    public static String outputPath(String alias) {
        String p = java.net.URLDecoder.decode(alias.substring(1).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        String last = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (p.isEmpty() || p.endsWith("/")) {
            return p + "index.html";
        }
        if (last.endsWith(".html") || last.endsWith(".htm")) {
            return p;
        }
        return p + "/index.html";
    }
}
