package org.lateral;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did (or, with a dry run, would do).
 *
 * @param report   the report, as Markdown ({@code import-report.md} in the site unless a dry run)
 * @param written  files written (or that would be), relative to the site folder
 * @param warnings problems worth a teacher's attention (password-protected posts, pictures not fetched)
 */
public record ImportResult(int posts, int pages, int drafts, int keptAsHtml, int mediaFetched, int mediaFailed,
        boolean dryRun, boolean newSite, String report, List<Path> written, List<Problem> warnings) {

    public ImportResult {
        written = List.copyOf(written);
        warnings = List.copyOf(warnings);
    }

    /** The lines printed after an import. */
    public List<String> summaryLines() {
        String verb = dryRun ? "Would import " : "Imported ";
        return List.of(verb + posts + (posts == 1 ? " post" : " posts") + " and " + pages + (pages == 1 ? " page" : " pages")
                        + " (" + drafts + " kept as drafts, " + keptAsHtml + " kept as HTML)"
                        + (newSite ? " into a new site" : ""),
                "Pictures and attachments: " + mediaFetched + " fetched, " + mediaFailed + " could not be fetched",
                dryRun ? "Nothing was written (dry run)." : "The report is in import-report.md.");
    }
}
