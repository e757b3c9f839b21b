package org.lateral.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.lateral.BuildResult;
import org.lateral.Problem;

/** The few lines printed after a build. */
final class Summary {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.UK);

    private Summary() {
    }

    static void print(BuildResult r, Path siteDir, PrintWriter out) {
        for (Problem w : r.warnings()) {
            out.println(w.format());
        }
        for (BuildResult.SkippedPost s : r.skipped()) {
            if (s.reason().equals("scheduled")) {
                out.println("scheduled: " + s.source() + " (\"" + s.title() + "\") goes live "
                        + s.goesLive().map(WHEN::format).orElse("later") + "; build with --future to preview it");
            }
        }
        StringBuilder line = new StringBuilder("Built ")
                .append(r.htmlPages()).append(r.htmlPages() == 1 ? " page" : " pages")
                .append(" (").append(r.posts()).append(r.posts() == 1 ? " post, " : " posts, ")
                .append(r.pages()).append(r.pages() == 1 ? " page" : " pages").append("), ")
                .append(r.tags()).append(r.tags() == 1 ? " tag" : " tags");
        if (r.drafts() > 0) {
            line.append(", ").append(r.drafts()).append(r.drafts() == 1 ? " draft" : " drafts")
                    .append(" skipped (--drafts to include)");
        }
        if (r.scheduled() > 0) {
            line.append(", ").append(r.scheduled()).append(" scheduled");
        }
        line.append(" in ").append(r.elapsed().toMillis()).append(" ms");
        out.println(line);
        Path shown = r.output();
        try {
            Path rel = Path.of("").toAbsolutePath().relativize(r.output());
            if (!rel.startsWith("..")) {
                shown = rel;
            }
        } catch (IllegalArgumentException e) {
            // different roots: keep the absolute path
        }
        out.println("Open " + shown.resolve("index.html") + " in a browser.");
    }
}
