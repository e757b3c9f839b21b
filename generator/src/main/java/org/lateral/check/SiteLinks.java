package org.lateral.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.lateral.internal.Suggestions;
import org.lateral.pipeline.SiteSnapshot;

/**
 * The rules for a link to a place in the site, wherever it is written: the page or file must exist
 * and be published, its {@code #anchor} must be on it, and a picture should not be over 1 MB.
 */
final class SiteLinks {

    /** Pictures larger than this make pages slow on a school's network or a phone. */
    static final long LARGE_PICTURE = 1_000_000;

    private final Addresses addresses;
    private final SiteSnapshot snapshot;

    SiteLinks(Addresses addresses, SiteSnapshot snapshot) {
        this.addresses = addresses;
        this.snapshot = snapshot;
    }

    /**
     * What is wrong with a link to {@code target}, if anything.
     *
     * @param picture  whether it is a picture (or other embedded file) rather than a link
     * @param fromPath the output path of the page it is on, for {@code #anchors} on the same page
     */
    Optional<Verdict> check(Target target, boolean picture, String fromPath) {
        if (target.kind() != Target.Kind.SITE) {
            return Optional.empty();
        }
        String shown = addresses.shown(new Target(Target.Kind.SITE, target.path(), "", null));
        if (target.path().startsWith("\u0000")) {
            return Optional.of(Verdict.error("this " + (picture ? "picture" : "link") + " goes to " + shown
                    + ", which is outside this site", "write the address from the site's own root, such as "
                    + addresses.basePath() + "about/, or as a full https:// address"));
        }
        Optional<String> file = addresses.file(target);
        if (file.isEmpty()) {
            Optional<SiteSnapshot.Unpublished> unpublished = addresses.unpublished(target);
            if (unpublished.isPresent()) {
                SiteSnapshot.Unpublished u = unpublished.get();
                String what = switch (u.reason()) {
                    case "draft" -> "a draft";
                    case "scheduled" -> "a scheduled post";
                    default -> "an expired post";
                };
                return Optional.of(Verdict.error("this link goes to " + what + " (" + slash(u.page().source())
                        + ") that will not be published, so readers would find no page at " + shown,
                        switch (u.reason()) {
                            case "draft" -> "publish that post first (take out draft: true), or remove the link until it is";
                            case "scheduled" -> "remove the link until that post goes live, or publish it now by giving it an earlier date";
                            default -> "remove the link, or take out that post's expiryDate";
                        }));
            }
            Optional<String> near = addresses.nearest(target);
            if (picture) {
                return Optional.of(Verdict.error("this picture does not exist on the site (" + shown
                        + "), so readers see a broken image", near.map(n -> "did you mean " + n + "?")
                        .orElse("check the file name (capital letters count); put the picture in static/ (its address"
                                + " is then " + addresses.basePath() + "name.png) or in the post's folder")));
            }
            return Optional.of(Verdict.error("this link goes to a page that does not exist (" + shown + ")",
                    near.map(n -> "did you mean " + n + "?").orElse("check the address: build the site, open the page"
                            + " you mean and copy its address")));
        }
        if (!target.fragment().isEmpty() && file.get().endsWith(".html") && !target.fragment().equals("top")) {
            Set<String> ids = addresses.ids(file.get());
            if (!ids.contains(target.fragment())) {
                boolean same = file.get().equals(fromPath);
                String page = same ? "this page" : addresses.shown(new Target(Target.Kind.SITE, target.path(), "", null));
                Optional<String> near = Suggestions.closest(target.fragment(), ids);
                return Optional.of(Verdict.error("this link goes to #" + target.fragment() + ", which is not on "
                        + page, near.map(n -> "did you mean #" + n + "?").orElse("link to a heading's id: the heading"
                        + " \"## What I tried\" has the id what-i-tried")));
            }
        }
        if (picture && !resized(file.get())) {
            Path source = snapshot.files().get(file.get());
            try {
                if (source != null && Files.size(source) > LARGE_PICTURE) {
                    return Optional.of(Verdict.warning("this picture is " + megabytes(Files.size(source))
                            + " MB, which makes the page slow to open on a phone or a busy school network",
                            "make it smaller (1600 pixels wide is plenty for a page) and save it as JPEG or WebP;"
                                    + " aim for under 300 KB"));
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether the build publishes this picture in smaller widths too (readers get one of those, not the file). */
    private boolean resized(String file) {
        int dot = file.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String base = file.substring(0, dot) + "-" + org.lateral.image.Pictures.WIDTHS.get(0) + "w.";
        return snapshot.files().containsKey(base + "jpg") || snapshot.files().containsKey(base + "png");
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1_000_000.0);
    }

    static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }
}
