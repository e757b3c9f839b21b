package org.lateral.site;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lateral.Problem;
import org.lateral.content.Source;
import org.lateral.internal.LinkAttributes;
import org.lateral.internal.Suggestions;
import org.lateral.markdown.FileLink;

/**
 * Links from one post or page to another's Markdown file ({@code [the starters](2024-09-26-starters.md)},
 * {@code ../teachmeet/index.md#what-i-tried}) become links to that post's page, as Hugo's {@code ref}
 * and Zola's {@code @/} links do. A path is read relative to the folder of the file that links;
 * a link to a file that does not exist, or to one that is not published (a draft, say), stays as
 * it is and is reported as a warning at its line.
 */
final class MarkdownLinks {

    private MarkdownLinks() {
    }

    /**
     * @param pages     every converted post and page
     * @param sources   every source, by its path relative to the site folder
     * @param fileLinks each page's links to Markdown files, by source path
     * @param problems  where warnings go
     */
    static List<Page> resolve(List<Page> pages, Map<Path, Source> sources, Map<Path, List<FileLink>> fileLinks,
            List<Problem> problems) {
        if (fileLinks.isEmpty()) {
            return pages;
        }
        Map<Path, Page> bySource = new HashMap<>();
        for (Page p : pages) {
            bySource.put(p.source().normalize(), p);
        }
        List<Page> out = new ArrayList<>(pages.size());
        for (Page p : pages) {
            List<FileLink> links = fileLinks.get(p.source());
            Source from = sources.get(p.source());
            if (links == null || from == null) {
                out.add(p);
                continue;
            }
            Map<String, String> replacements = new HashMap<>();
            // the summary's links were already made relative to the post's address (for list pages)
            Map<String, String> inSummary = new HashMap<>();
            for (FileLink link : links) {
                target(from, link).map(bySource::get).ifPresentOrElse(
                        page -> {
                            replacements.put(decode(link.destination()), page.url() + link.fragment());
                            fromPage(p.url(), link.destination()).ifPresent(
                                    rebased -> inSummary.put(decode(rebased), page.url() + link.fragment()));
                        },
                        () -> problems.add(problem(from, link, bySource.keySet())));
            }
            if (replacements.isEmpty()) {
                out.add(p);
            } else {
                out.add(p.withContent(rewrite(p.content(), replacements), rewrite(p.summary(), inSummary)));
            }
        }
        return out;
    }

    /** The site-relative path a link names, or empty when it is no path at all. */
    private static Optional<Path> target(Source from, FileLink link) {
        try {
            Path dir = from.path().getParent();
            Path rel = Path.of(decode(link.file()));
            return Optional.of((dir == null ? rel : dir.resolve(rel)).normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static Problem problem(Source from, FileLink link, java.util.Set<Path> published) {
        int line = from.bodyLine() + link.line() - 1;
        Optional<Path> target = target(from, link);
        boolean exists = target.isPresent() && Files.isRegularFile(from.file().getParent().resolve(
                Path.of(decode(link.file()))).normalize());
        if (exists) {
            return Problem.warning(from.path(), line, link.column(),
                    "this links to " + link.file() + ", which is not published (a draft, a scheduled post, or not under content/)",
                    "publish that post, or take the link out until it is; the link is left as it is");
        }
        // the published file with the closest name, written as a path from the linking file's folder
        String name = target.map(t -> t.getFileName().toString()).orElse(link.file());
        Map<String, Path> byName = new HashMap<>();
        published.forEach(p -> byName.putIfAbsent(p.getFileName().toString(), p));
        Path dir = from.path().getParent();
        Optional<String> closest = Suggestions.closest(name, byName.keySet()).map(byName::get)
                .map(p -> (dir == null ? p : dir.relativize(p)).toString().replace('\\', '/'));
        return Problem.warning(from.path(), line, link.column(),
                "this links to " + link.file() + ", but there is no such file",
                closest.map(c -> "did you mean " + c + "? Correct the file name in the link")
                        .orElse("check the file name and folder: a link to a post's Markdown file is read from the"
                                + " folder of the file that holds the link"));
    }

    /** A link as {@link Summaries#rebase} writes it in the summary: resolved against the post's address. */
    private static Optional<String> fromPage(String pageUrl, String destination) {
        try {
            return Optional.of(java.net.URI.create(pageUrl).resolve(destination).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String rewrite(String html, Map<String, String> replacements) {
        return LinkAttributes.rewrite(html, "", v -> {
            String to = replacements.get(decode(v.replace("&amp;", "&")));
            return to == null ? v : to;
        });
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
