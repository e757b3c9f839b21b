package org.lateral.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lateral.Problem;
import org.lateral.output.OutputPaths;

/**
 * Front matter values that become file names and addresses, checked where they are written:
 * invisible control characters and broken characters (from YAML escapes such as {@code "\0"}),
 * {@code url:} addresses that leave the site or overwrite Lateral's files, {@code layout:} names
 * that are not a template's name, and slugs too long for a file name.
 */
final class UnsafeValues {

    private static final Pattern LAYOUT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(/[A-Za-z0-9][A-Za-z0-9_-]*)*");

    private UnsafeValues() {
    }

    static List<Problem> check(FrontMatter fm, Path file) {
        List<Problem> out = new ArrayList<>();
        // text shown on pages (titles, summaries) keeps its control characters: every page and
        // feed writer removes them; these values become file names and addresses
        text(fm, file, "image", fm.image(), out);
        text(fm, file, "slug", fm.slug(), out);
        text(fm, file, "url", fm.url(), out);
        text(fm, file, "layout", fm.layout(), out);
        if (!out.isEmpty()) {
            return out;
        }
        fm.url().ifPresent(u -> OutputPaths.unsafeAddress(u.startsWith("/") ? u : "/" + u).ifPresent(reason ->
                out.add(Problem.error(file, fm.lineOf("url", 1), 1, "the address in url: " + reason,
                        "write the address as plain words and slashes inside the site, such as url: /about/"))));
        fm.slug().filter(s -> s.length() > OutputPaths.MAX_PART).ifPresent(s -> out.add(Problem.error(file,
                fm.lineOf("slug", 1), 1, "the slug is " + s.length() + " characters long, too long for an address",
                "use a few words, at most " + OutputPaths.MAX_PART + " characters, such as slug: oracy-in-year-7")));
        fm.layout().filter(l -> !LAYOUT.matcher(l).matches()).ifPresent(l -> out.add(Problem.error(file,
                fm.lineOf("layout", 1), 1, "layout: must name a template, such as layout: wide for templates/wide.ftlh",
                "write only the template's name: letters, digits, - and _ (no slashes at the start, no dots)")));
        return out;
    }

    private static void text(FrontMatter fm, Path file, String key, Optional<String> value, List<Problem> out) {
        if (value.isEmpty() || out.stream().anyMatch(p -> p.line() == fm.lineOf(key, 1))) {
            return;
        }
        String s = value.get();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r';
            boolean broken = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)));
            if (control || broken) {
                out.add(Problem.error(file, fm.lineOf(key, 1), 1, control
                        ? String.format("%s: holds an invisible control character (U+%04X)", key, (int) c)
                        : key + ": holds a broken character (half of an emoji or symbol, written as \\u"
                                + String.format("%04X", (int) c) + ")",
                        "remove the escape (such as \\0 or \\u" + String.format("%04X", (int) c)
                                + ") from the value, or retype it"));
                return;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
    }
}
