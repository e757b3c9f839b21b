package org.lateral;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What to import ({@link Lateral#importBlog}): a WordPress export, a Blogger export (either format) or
 * any RSS/Atom feed, into a site folder (created when it has no {@code site.yaml}).
 *
 * @param from          where the blog comes from
 * @param source        the export file, or for a feed a file or an http(s) address
 * @param siteDir       the site folder
 * @param downloadMedia fetch pictures and attachments into each post's folder ({@code --media download},
 *                      the default); otherwise they keep loading from the old blog and are listed
 * @param dryRun        write nothing; the report says what would be done
 * @param comments      keep approved comments (names, dates, text; never e-mail or IP addresses)
 * @param allowAddresses network addresses allowed on top of the public internet ({@code --allow-address})
 */
public record ImportRequest(From from, String source, Path siteDir, boolean downloadMedia, boolean dryRun,
        boolean comments, List<String> allowAddresses, Caller caller) {

    /** The kinds of blog Lateral imports. */
    public enum From {
        WORDPRESS, BLOGGER, FEED;

        /** {@code wordpress}, {@code blogger} or {@code feed}, as the command line and {@code -Dlateral.from} write it. */
        public static Optional<From> named(String name) {
            try {
                return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ImportRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(siteDir, "siteDir");
        allowAddresses = List.copyOf(allowAddresses);
        Objects.requireNonNull(caller, "caller");
    }

    public static ImportRequest of(From from, String source, Path siteDir) {
        return new ImportRequest(from, source, siteDir, true, false, false, List.of(), Caller.COMMAND_LINE);
    }

    public ImportRequest withDownloadMedia(boolean download) {
        return new ImportRequest(from, source, siteDir, download, dryRun, comments, allowAddresses, caller);
    }

    public ImportRequest withDryRun(boolean dry) {
        return new ImportRequest(from, source, siteDir, downloadMedia, dry, comments, allowAddresses, caller);
    }

    public ImportRequest withComments(boolean keep) {
        return new ImportRequest(from, source, siteDir, downloadMedia, dryRun, keep, allowAddresses, caller);
    }

    public ImportRequest withAllowAddresses(List<String> allow) {
        return new ImportRequest(from, source, siteDir, downloadMedia, dryRun, comments, allow, caller);
    }

    public ImportRequest withCaller(Caller by) {
        return new ImportRequest(from, source, siteDir, downloadMedia, dryRun, comments, allowAddresses, by);
    }
}
