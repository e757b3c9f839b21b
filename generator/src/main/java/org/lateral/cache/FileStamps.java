package org.lateral.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stamps of files: what the build cache compares to know whether anything changed. An input's
 * stamp carries its content hash ({@link ContentHash}), taken again only when its size or modification time
 * differs from the last build's, or when it was modified so close to the last build that the time
 * alone cannot tell (git's "racily clean" case); an output's stamp is its size and time.
 */
public final class FileStamps {

    /** Within this long before a scan, a file's time does not prove it unchanged (coarse file-system clocks). */
    static final long RACY_MILLIS = 3000;

    /** One file: its path (relative, with {@code /}; an outside theme's files prefixed by its folder), size, time, hash. */
    public record Stamp(String path, long size, long modified, String hash) {
    }

    private FileStamps() {
    }

    /**
     * Every file of the site folder a build can read: all of it but the output and cache folders,
     * its top-level hidden files and folders ({@code .git}, {@code .lateral-cache}), a Maven
     * project's {@code target/}, and Lateral's temporary and lock files; then every file of the
     * {@code outside} folders (themes outside the site), and the git commit the site is at.
     *
     * @param before the last build's stamps: a hash is reused when size and time are the same and not racy
     * @param racyFrom files modified at or after this time (millis) are hashed again
     */
    static Map<String, Stamp> inputs(Path siteDir, List<Path> excluded, List<Path> outside, Map<String, Stamp> before,
            long racyFrom) {
        List<Stamp> found = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        walk(siteDir, siteDir, "", excluded, true, found, files);
        for (Path root : outside) {
            walk(root, root, "theme:" + root + "!", excluded, false, found, files);
        }
        Map<String, Stamp> out = new ConcurrentHashMap<>();
        java.util.stream.IntStream.range(0, found.size()).parallel().forEach(i -> {
            Stamp s = found.get(i);
            Stamp old = before.get(s.path());
            String hash = old != null && old.size() == s.size() && old.modified() == s.modified()
                    && s.modified() < racyFrom - RACY_MILLIS ? old.hash() : hash(files.get(i));
            out.put(s.path(), new Stamp(s.path(), s.size(), s.modified(), hash));
        });
        String git = gitHead(siteDir);
        if (git != null) {
            out.put("git:HEAD", new Stamp("git:HEAD", 0, 0, git));
        }
        return new TreeMap<>(out);
    }

    /** Every file of the output folder, by size and time. */
    static Map<String, Stamp> outputs(Path outputDir) {
        List<Stamp> found = new ArrayList<>();
        if (Files.isDirectory(outputDir)) {
            walk(outputDir, outputDir, "", List.of(), false, found, new ArrayList<>());
        }
        Map<String, Stamp> out = new TreeMap<>();
        found.forEach(s -> out.put(s.path(), s));
        return out;
    }

    private static void walk(Path root, Path dir, String prefix, List<Path> excluded, boolean site, List<Stamp> found,
            List<Path> files) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        boolean pom = site && Files.isRegularFile(root.resolve("pom.xml"));
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    for (Path x : excluded) {
                        if (d.startsWith(x)) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                    }
                    if (site && d.getParent().equals(root)) {
                        String name = d.getFileName().toString();
                        if (name.startsWith(".") || (pom && name.equals("target"))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    String name = f.getFileName().toString();
                    if ((site && f.getParent().equals(root) && name.startsWith("."))
                            || name.endsWith(".lateral-lock") || (name.startsWith(".lateral-") && name.endsWith(".tmp"))) {
                        return FileVisitResult.CONTINUE;
                    }
                    BasicFileAttributes a = attrs;
                    String path = prefix + root.relativize(f).toString().replace('\\', '/');
                    if (attrs.isSymbolicLink()) { // what it points to, and where
                        if (!Files.exists(f)) {
                            found.add(new Stamp(path, -1, -1, ""));
                            files.add(f);
                            return FileVisitResult.CONTINUE;
                        }
                        a = Files.readAttributes(f, BasicFileAttributes.class);
                        path = path + " -> " + Files.readSymbolicLink(f);
                    }
                    if (a.isRegularFile()) {
                        found.add(new Stamp(path, a.size(), a.lastModifiedTime().toMillis(), ""));
                        files.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /** A file's content hash ({@link ContentHash}); "missing" for one that cannot be read (a dangling link). */
    static String hash(Path f) {
        try {
            return ContentHash.of(f);
        } catch (IOException e) {
            return "missing";
        }
    }

    static String hash(String text) {
        return ContentHash.of(text);
    }

    /**
     * The commit the site's git repository is at (its {@code HEAD} and the branch file it names),
     * which events count their revisions from; null outside a repository.
     */
    static String gitHead(Path siteDir) {
        for (Path d = siteDir; d != null; d = d.getParent()) {
            Path git = d.resolve(".git");
            try {
                if (Files.isRegularFile(git, LinkOption.NOFOLLOW_LINKS)) { // a worktree or submodule: its file says where
                    String pointer = Files.readString(git, StandardCharsets.UTF_8).strip();
                    if (!pointer.startsWith("gitdir:")) {
                        return hash(pointer);
                    }
                    git = d.resolve(pointer.substring(7).strip()).normalize();
                    Path common = git.resolve("commondir");
                    Path refs = Files.isRegularFile(common)
                            ? git.resolve(Files.readString(common, StandardCharsets.UTF_8).strip()).normalize() : git;
                    return head(git, refs);
                }
                if (Files.isDirectory(git)) {
                    return head(git, git);
                }
            } catch (IOException e) {
                return "unreadable";
            }
        }
        return null;
    }

    private static String head(Path git, Path refs) throws IOException {
        String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
        StringBuilder s = new StringBuilder(head);
        if (head.startsWith("ref: ")) {
            String name = head.substring(5).strip();
            for (Path dir : List.of(git, refs)) {
                Path ref = dir.resolve(name);
                s.append(' ').append(Files.isRegularFile(ref) ? Files.readString(ref, StandardCharsets.UTF_8).strip() : "");
            }
            Path packed = refs.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                s.append(' ').append(hash(packed));
            }
        }
        return hash(s.toString());
    }
}
