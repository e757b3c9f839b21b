package org.lateral.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.lateral.Caller;
import org.lateral.ImportRequest;
import org.lateral.ImportResult;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;

/**
 * Imports a blog into the site, as {@code lateral import} does:
 * {@code mvn lateral:import -Dlateral.from=wordpress -Dlateral.source=export.xml}. {@code from} is
 * {@code wordpress}, {@code blogger} or {@code feed}; the site folder is made into a new site when it has
 * no site.yaml. Writes {@code import-report.md}. Needs no pom.
 */
@Mojo(name = "import", requiresProject = false, threadSafe = true)
public class ImportMojo extends AbstractLateralMojo {

    /** {@code wordpress}, {@code blogger} or {@code feed}. */
    @Parameter(property = "lateral.from", required = true)
    String from;

    /** The export file, or for a feed a file or an https:// address. */
    @Parameter(property = "lateral.source", required = true)
    String source;

    /** {@code download} (pictures fetched into each post's folder, the default) or {@code link}. */
    @Parameter(property = "lateral.media", defaultValue = "download")
    String media;

    /** Write nothing; log the report of what would be imported. */
    @Parameter(property = "lateral.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Keep approved comments (names, dates and text; never e-mail or IP addresses). */
    @Parameter(property = "lateral.comments", defaultValue = "false")
    boolean comments;

    /** Private or loopback addresses (or ranges) pictures may be fetched from. */
    @Parameter(property = "lateral.allowAddresses")
    List<String> allowAddresses = new ArrayList<>();

    @Override
    protected void run(Path site) {
        Path dir = site.toString().contains("${") ? Path.of(".") : site;
        ImportRequest.From kind = ImportRequest.From.named(from == null ? "" : from).orElseThrow(() -> new LateralException(
                List.of(Problem.general("-Dlateral.from=" + from + " is not a kind of blog Lateral imports",
                        "write -Dlateral.from=wordpress, -Dlateral.from=blogger or -Dlateral.from=feed"))));
        if (!"download".equals(media) && !"link".equals(media)) {
            throw new LateralException(List.of(Problem.general("-Dlateral.media=" + media + " is not a choice",
                    "write -Dlateral.media=download (fetch the pictures) or -Dlateral.media=link (leave them on the old blog)")));
        }
        ImportResult result = Lateral.importBlog(ImportRequest.of(kind, source, dir).withDownloadMedia("download".equals(media))
                .withDryRun(dryRun).withComments(comments).withCaller(Caller.MAVEN)
                .withAllowAddresses(allowAddresses == null ? List.of() : allowAddresses));
        for (Problem warning : result.warnings()) {
            getLog().warn(warning.format());
        }
        if (dryRun) {
            result.report().lines().forEach(getLog()::info);
        }
        result.summaryLines().forEach(getLog()::info);
    }
}
