package org.lateral.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lateral.Problem;
import org.lateral.content.Source;
import org.lateral.markdown.Picture;

/**
 * Warnings for a post's pictures: a picture the post points at that is not beside it (it would be
 * a broken image), and a picture without a description (screen readers would skip it). Warnings,
 * not errors: the build goes on. The pictures and their lines come from the parsed Markdown
 * ({@link Picture}), so each warning names the picture's own line.
 */
final class ImageChecks {

    /** Enough to show what is wrong; a post with thousands of broken pictures gets the first ones. */
    private static final int MAX_WARNINGS = 50;

    private ImageChecks() {
    }

    static List<Problem> check(Source source, List<Picture> pictures, Optional<String> frontMatterImage) {
        List<Problem> out = new ArrayList<>();
        for (Picture picture : pictures) {
            if (out.size() >= MAX_WARNINGS) {
                break;
            }
            String address = picture.address();
            int line = picture.line() == 0 ? 0 : source.bodyLine() + picture.line() - 1;
            missing(source, address).ifPresent(p -> out.add(Problem.warning(source.path(), line, 0,
                    "the picture \"" + address + "\" is not beside this post, so it will not show", p)));
            if (picture.description().isBlank() && !picture.decorative()) {
                out.add(Problem.warning(source.path(), line, 0,
                        "the picture \"" + address + "\" has no description, so screen-reader users will miss it",
                        "describe it between the square brackets: ![Pupils' talk tally after three weeks](" + address + ");"
                                + " if it is only decoration, write <img src=\"" + address + "\" alt=\"\"> instead"));
            }
        }
        frontMatterImage.flatMap(i -> missing(source, i)).ifPresent(p -> out.add(Problem.warning(source.path(),
                source.frontMatter().lineOf("image", 1), 0,
                "the picture \"" + frontMatterImage.get() + "\" named by image: is not beside this post", p)));
        return out;
    }

    /** Why a relative picture address will be broken, if it will be. */
    private static Optional<String> missing(Source source, String address) {
        if (address.isEmpty() || address.contains(":") || address.startsWith("/") || address.startsWith("#")
                || address.startsWith("../")) {
            return Optional.empty();
        }
        String path = address.replaceAll("[?#].*$", "");
        boolean bundle = source.file().getFileName().toString().startsWith("index.");
        Path file = source.file().getParent().resolve(path).normalize();
        if (!bundle) {
            return Optional.of(Files.exists(file)
                    ? "pictures are copied only for a post written as a folder: move the post to "
                            + source.name() + "/index.md and put the picture in that folder"
                    : "put the picture in a folder with the post (" + source.name()
                            + "/index.md beside it), or in static/ and write its address as /" + path);
        }
        return Files.exists(file) ? Optional.empty()
                : Optional.of("check the file name (capital letters count) or copy the picture into "
                        + source.path().getParent() + "/");
    }
}
