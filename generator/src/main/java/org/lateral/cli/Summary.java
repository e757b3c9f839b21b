package org.lateral.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.lateral.BuildResult;
import org.lateral.Problem;

/** The few lines printed after a build: warnings, then {@link BuildResult#summaryLines}. */
final class Summary {

    private Summary() {
    }

    static void print(BuildResult r, PrintWriter out) {
        for (Problem w : r.warnings()) {
            out.println(w.format());
        }
        r.summaryLines(Path.of("").toAbsolutePath(), "--drafts", "--future").forEach(out::println);
    }
}
