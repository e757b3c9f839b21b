package org.lateral.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.lateral.Problem;

/**
 * Refuses output folders whose replacement would destroy something that is not a previous build:
 * the site folder itself, a folder that contains it, the file system root, the home folder, the
 * site's own source folders, and a non-empty folder that Lateral did not write.
 */
public final class OutputGuard {

    /** A file Lateral leaves in every output folder it writes, so it knows it may replace it. */
    public static final String MARKER = ".lateral-output";

    private OutputGuard() {
    }

    /** The reason this output folder cannot be used, if there is one. */
    public static Optional<Problem> check(Path output, Path siteDir) {
        return check(output, siteDir, false);
    }

    /**
     * As {@link #check(Path, Path)}; with {@code replaceForeign} a non-empty folder Lateral did not
     * write is accepted (for {@code lateral publish --force}), every other check still applies.
     */
    public static Optional<Problem> check(Path output, Path siteDir, boolean replaceForeign) {
        Path out = real(output);
        Path site = real(siteDir);
        String hint = "build into a folder of its own, such as public/ inside the site (the default), with -o public";
        if (out.getParent() == null) {
            return Optional.of(Problem.general("the output folder " + out + " is the root of the disk", hint));
        }
        if (out.equals(site)) {
            return Optional.of(Problem.general("the output folder is the site folder itself (" + out
                    + "); building there would replace your posts", hint));
        }
        if (site.startsWith(out)) {
            return Optional.of(Problem.general("the output folder " + out
                    + " contains the site folder; building there would replace your posts", hint));
        }
        Path home = real(Path.of(System.getProperty("user.home")));
        if (out.equals(home) || home.startsWith(out)) {
            return Optional.of(Problem.general("the output folder " + out + " is your home folder or contains it",
                    hint));
        }
        for (String source : List.of("content", "static", "templates", "data", "themes", "i18n")) {
            if (out.startsWith(site.resolve(source))) {
                return Optional.of(Problem.general("the output folder " + out + " is inside the site's " + source
                        + "/ folder, which Lateral reads from", hint));
            }
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(Problem.general("the output " + out + " is " + kind(out)
                    + ", not a folder; Lateral writes only into a folder of its own and leaves this one alone", hint));
        }
        if (!replaceForeign && Files.isDirectory(out) && !Files.exists(out.resolve(MARKER)) && !isEmpty(out)) {
            return Optional.of(Problem.general("the output folder " + out
                    + " already holds files that Lateral did not write, and building would replace them",
                    "move those files somewhere else, or choose another output folder with -o"));
        }
        return Optional.empty();
    }

    /** Absolute and normalised, with symbolic links resolved as far as the path exists. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        Path rest = abs.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    /** What a path that is not a folder is, in plain words. */
    private static String kind(Path p) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            return "a file";
        }
        if (Files.isSymbolicLink(p)) {
            return "a shortcut (symbolic link)";
        }
        return "a special file (a device, a pipe or a socket)";
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
