package org.lateral.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.lateral.Problem;

/**
 * Symbolic links in the folders Lateral reads ({@code content/}, {@code static/},
 * {@code templates/}, {@code data/}, {@code i18n/}): a link to somewhere inside the site folder is
 * followed; one that leaves the site, or points at nothing, is skipped — never read, never
 * published — with a warning at its path. Readers ask {@link #leaves}; {@link #warnings} reports
 * each such link once per build.
 */
public final class SiteLinks {

    /** The folders whose links are checked. */
    public static final List<String> FOLDERS = List.of("content", "static", "templates", "data", "i18n");

    private SiteLinks() {
    }

    /**
     * Whether {@code path} is a symbolic link that leaves {@code siteDir} or points at nothing.
     * Readers check each entry as they go down, so nothing under such a link is reached.
     */
    public static boolean leaves(Path path, Path siteDir) {
        if (!Files.isSymbolicLink(path)) {
            return false;
        }
        try {
            return !path.toRealPath().startsWith(siteDir.toRealPath());
        } catch (IOException e) {
            return true; // dangling, or a loop
        }
    }

    /** A warning for each link in the site's folders that {@link #leaves} it, in path order. */
    public static List<Problem> warnings(Path siteDir) {
        List<Problem> out = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = siteDir.resolve(folder);
            if (!Files.isDirectory(dir) || leaves(dir, siteDir)) {
                if (leaves(dir, siteDir)) {
                    out.add(warning(dir, siteDir));
                }
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> leaves(p, siteDir)).sorted().forEach(p -> out.add(warning(p, siteDir)));
            } catch (IOException | UncheckedIOException e) {
                // an unreadable folder is reported by the reader that needs it
            }
        }
        return out;
    }

    private static Problem warning(Path link, Path siteDir) {
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            target = "?";
        }
        boolean dangling = !Files.exists(link);
        return Problem.warning(siteDir.relativize(link), 0, 0, dangling
                ? "this is a link (shortcut) to " + target + ", which does not exist, so it is skipped"
                : "this is a link (shortcut) to " + target + ", outside the site folder, so it is skipped",
                "copy the file or folder into the site instead of linking to it, or delete the link");
    }
}
