package org.lateral.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Markdown file of the site, read and split but not yet rendered.
 *
 * @param file      absolute path on disk
 * @param path      path relative to the site folder, as shown in problems ({@code content/posts/a.md})
 * @param section   {@code posts}, {@code pages} or {@code events}
 * @param name      the file's name without extension, or the folder's name for {@code name/index.md}
 * @param frontMatter what the file says about itself
 * @param body      the Markdown after the front matter
 * @param bodyLine  the line of the file on which {@code body} starts
 * @param resources files beside a post written as a folder ({@code name/index.md}): images and so on
 */
public record Source(Path file, Path path, String section, String name, FrontMatter frontMatter, String body,
        int bodyLine, List<Path> resources) {

    public static final String POSTS = "posts";
    public static final String PAGES = "pages";
    /** TeachMeets, INSET days, learning rounds: {@code content/events/}. */
    public static final String EVENTS = "events";

    public Source {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(frontMatter, "frontMatter");
        Objects.requireNonNull(body, "body");
        resources = List.copyOf(resources);
    }

    public boolean isPost() {
        return POSTS.equals(section);
    }

    public boolean isEvent() {
        return EVENTS.equals(section);
    }

    /** The folder holding the post's images when it is written as {@code name/index.md}. */
    public Optional<Path> bundleDir() {
        return resources.isEmpty() && !file.getFileName().toString().startsWith("index.")
                ? Optional.empty() : Optional.of(file.getParent());
    }
}
