package org.lateral.serve;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * What the watcher leaves alone: editors' debris (backups, swap and lock files, vim's {@code 4913}
 * write test, emacs' {@code #name#} and {@code .#name}), version control, and the folders builds
 * write into ({@code public/}, {@code target/}, the preview's own folder).
 */
final class Ignored {

    /** Folders at the site's top that hold output, never sources. */
    private static final Set<String> OUTPUT_FOLDERS = Set.of("public", "target");
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
        if (OUTPUT_FOLDERS.contains(rel.getName(0).toString())) {
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
                || n.matches("\\..*\\.sw[a-p]x?") || n.endsWith(".swp") || n.endsWith(".bck") || n.endsWith(".tmp")
                || n.endsWith(".temp") || n.endsWith(".crswap") || n.endsWith(".part") || n.startsWith(".~lock.")
                || n.startsWith(".lateral-") || n.startsWith(".goutputstream-") || n.startsWith(".sb-");
    }
}
