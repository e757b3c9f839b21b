package org.lateral.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.lateral.output.OutputGuard;

/** The files of a built site: relative path (forward slashes) → file, without Lateral's marker file. */
final class SiteFiles {

    private SiteFiles() {
    }

    static Map<String, Path> list(Path dir) {
        Map<String, Path> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(OutputGuard.MARKER)) {
                    out.put(rel, p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the folder " + dir, e);
        }
        return out;
    }
}
