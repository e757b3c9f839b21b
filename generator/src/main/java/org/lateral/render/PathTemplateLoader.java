package org.lateral.render;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A FreeMarker {@link TemplateLoader} over a {@link Path}, so that templates load the same way
 * from a folder and from inside a theme jar. Template names cannot climb out of the root.
 */
final class PathTemplateLoader implements TemplateLoader {

    private final Path root;

    PathTemplateLoader(Path root) {
        this.root = root;
    }

    @Override
    public Object findTemplateSource(String name) {
        if (name.contains("..")) {
            return null;
        }
        Path p = root.resolve(name);
        return Files.isRegularFile(p) ? p : null;
    }

    @Override
    public long getLastModified(Object source) {
        try {
            return Files.getLastModifiedTime((Path) source).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        return new InputStreamReader(Files.newInputStream((Path) source), StandardCharsets.UTF_8);
    }

    @Override
    public void closeTemplateSource(Object source) {
        // nothing to close: readers are closed by FreeMarker
    }

    boolean has(String name) {
        return findTemplateSource(name) != null;
    }
}
