package org.lateral.site;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lateral.Problem;
import org.lateral.content.Source;

/**
 * Warnings for a post's pictures: a picture the post points at that is not beside it (it would be
 * a broken image), and a picture without a description (screen readers would skip it). Warnings,
 * not errors: the build goes on.
 */
final class ImageChecks {

    /** Enough to show what is wrong; a post with thousands of broken pictures gets the first ones. */
    private static final int MAX_WARNINGS = 50;
    private static final Pattern SRC = Pattern.compile("\\ssrc=\"([^\"]*)\"");
    private static final Pattern ALT = Pattern.compile("\\salt=\"([^\"]*)\"");

    private ImageChecks() {
    }

    static List<Problem> check(Source source, String html, Optional<String> frontMatterImage) {
        List<Problem> out = new ArrayList<>();
        int gtFrom = -1;
        int gtAt = 0;
        for (int i = html.indexOf("<img"); i >= 0 && out.size() < MAX_WARNINGS; i = html.indexOf("<img", i + 4)) {
            // one pass, remembering the next '>': a regular expression looking for it again after
            // each of 40,000 unclosed "<img " took minutes
            if (i + 4 >= html.length() || !Character.isWhitespace(html.charAt(i + 4))) {
                continue;
            }
            if (!(gtFrom >= 0 && i >= gtFrom && (gtAt < 0 || i <= gtAt))) {
                gtFrom = i;
                gtAt = html.indexOf('>', i);
            }
            if (gtAt < 0) {
                break;
            }
            String tag = html.substring(i, gtAt + 1);
            i = gtAt + 1 - 4;
            Matcher src = SRC.matcher(tag);
            if (!src.find()) {
                continue;
            }
            String address = src.group(1);
            Optional<String> missing = missing(source, address);
            Matcher alt = ALT.matcher(tag);
            boolean noAlt = !alt.find() || alt.group(1).isBlank();
            if (missing.isEmpty() && !noAlt) {
                continue;
            }
            int line = lineOf(source, address);
            missing.ifPresent(p -> out.add(Problem.warning(source.path(), line, 0,
                    "the picture \"" + address + "\" is not beside this post, so it will not show", p)));
            if (noAlt) {
                out.add(Problem.warning(source.path(), line, 0,
                        "the picture \"" + address + "\" has no description, so screen-reader users will miss it",
                        "describe it between the square brackets: ![Pupils' talk tally after three weeks](" + address + ")"));
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

    private static int lineOf(Source source, String address) {
        int at = source.body().indexOf(address);
        if (at < 0) {
            return 0;
        }
        int line = source.bodyLine();
        for (int i = 0; i < at; i++) {
            if (source.body().charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
