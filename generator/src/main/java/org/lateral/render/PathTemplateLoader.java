package org.lateral.render;

import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lateral.Problem;

/**
 * A FreeMarker {@link TemplateLoader} over a {@link Path}, so that templates load the same way
 * from a folder and from inside a theme jar. Template names cannot climb out of the root, a
 * symbolic link out of the root is refused (not followed), and a template using
 * {@code ?interpret} (which runs text as a template) is refused with its line.
 */
final class PathTemplateLoader implements TemplateLoader {

    private static final Pattern INTERPRET = Pattern.compile("\\?\\s*interpret\\b");

    private final Path root;
    private final Path shown;

    /**
     * @param shown how the root is named in problems ({@code templates} for the site's own)
     */
    PathTemplateLoader(Path root, Path shown) {
        this.root = root;
        this.shown = shown;
    }

    /** A template found but refused; {@link #getReader} reports it. */
    private record Refused(String name, String why, String fix) {
    }

    @Override
    public Object findTemplateSource(String name) {
        if (name.contains("..") || name.indexOf('\0') >= 0) {
            return null;
        }
        Path p;
        try {
            p = root.resolve(name);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        if (!Files.isRegularFile(p)) {
            return null;
        }
        if (root.getFileSystem() == FileSystems.getDefault()) {
            try {
                if (!p.toRealPath().startsWith(root.toRealPath())) {
                    return new Refused(name, "this template is a link to a file outside the templates/ folder",
                            "copy the template into the templates/ folder instead of linking to it");
                }
            } catch (IOException e) {
                return null;
            }
        }
        return p;
    }

    @Override
    public long getLastModified(Object source) {
        if (source instanceof Refused) {
            return -1;
        }
        try {
            return Files.getLastModifiedTime((Path) source).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        if (source instanceof Refused r) {
            throw new RefusedTemplate(Problem.error(shown.resolve(r.name()), 0, 0, r.why(), r.fix()));
        }
        Path p = (Path) source;
        String text = Files.readString(p, StandardCharsets.UTF_8);
        Matcher m = INTERPRET.matcher(text);
        if (m.find()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new RefusedTemplate(Problem.error(shown.resolve(root.relativize(p).toString()), line,
                    m.start() - lineStart + 1, "?interpret is not allowed in Lateral's templates (it runs any text as a"
                            + " template)",
                    "write the template text in the template itself, or in a macro of its own (<#macro>)"));
        }
        return new StringReader(text);
    }

    @Override
    public void closeTemplateSource(Object source) {
        // nothing to close: readers are closed by FreeMarker
    }

    boolean has(String name) {
        return findTemplateSource(name) != null;
    }

    /** A template that Lateral refuses to run, with the problem to report. */
    static final class RefusedTemplate extends IOException {
        private final transient Problem problem;

        RefusedTemplate(Problem problem) {
            super(problem.format());
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }
}
