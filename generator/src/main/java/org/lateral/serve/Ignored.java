package org.lateral.serve;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * What the watcher leaves alone: everything at the site's top but {@code site.yaml} and the folders a
 * build reads ({@code content/}, {@code static/}, {@code templates/}, {@code themes/}, {@code i18n/},
 * {@code data/}), so {@code public/}, {@code target/}, a pom or a build log are never a change;
 * editors' debris (backups, swap and lock files, vim's {@code 4913} write test, emacs'
 * {@code #name#} and {@code .#name}); version control; and the preview's own folder.
 */
final class Ignored {

    /** The folders at the site's top that a build reads. */
    static final Set<String> INPUT_FOLDERS = Set.of("content", "static", "templates", "themes", "i18n", "data");
    /** The files at the site's top that a build reads. */
    static final Set<String> INPUT_FILES = Set.of("site.yaml");
    /** Folders never worth watching anywhere. */
    private static final Set<String> FOLDERS = Set.of(".git", ".hg", ".svn", ".idea", ".vscode", "node_modules",
            ".lateral-cache");

    private final Path siteDir;
    private final Path staging;

    Ignored(Path siteDir, Path staging) {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.staging = staging.toAbsolutePath().normalize();
    }

    /** Whether a folder (and all below it) is left alone. */
    boolean folder(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (d.startsWith(staging)) {
            return true;
        }
        if (!d.startsWith(siteDir) || d.equals(siteDir)) {
            return false;
        }
        Path rel = siteDir.relativize(d);
        if (!INPUT_FOLDERS.contains(rel.getName(0).toString())) {
            return true;
        }
        for (Path part : rel) {
            String name = part.toString();
            if (FOLDERS.contains(name) || name.startsWith(".public.lateral-") || name.startsWith(".lateral-")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a change to this file is no change to the site. */
    boolean file(Path file) {
        Path f = file.toAbsolutePath().normalize();
        Path parent = f.getParent();
        if (parent != null && parent.equals(siteDir)) {
            return !INPUT_FILES.contains(f.getFileName().toString());
        }
        if (parent != null && folder(parent)) {
            return true;
        }
        return debris(f.getFileName().toString());
    }

    /** An editor's or the system's temporary file, by its name. */
    static boolean debris(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith("~") || n.equals("4913") || n.equals(".ds_store") || n.equals("thumbs.db")
                || (n.startsWith("#") && n.endsWith("#")) || n.startsWith(".#")
                || n.matches("\\..*\\.sw[a-z]x?") || n.endsWith(".swp") || n.endsWith(".bck") || n.endsWith(".tmp")
                || n.endsWith(".temp") || n.endsWith(".crswap") || n.endsWith(".part") || n.startsWith(".~lock.")
                || n.startsWith(".lateral-") || n.startsWith(".goutputstream-") || n.startsWith(".sb-");
    }
}
