package org.lateral.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Caller;
import org.lateral.Lateral;
import org.lateral.Problem;

/**
 * Builds the site into {@code target/site-output}, as {@code lateral build} does. Bound to
 * {@code package}, so {@code mvn package} builds the site. A problem in the content fails the build
 * and leaves the previous output as it was.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractLateralMojo {

    /** Where to write the site. It is replaced as a whole, and only if the build succeeds. */
    @Parameter(property = "lateral.output", defaultValue = "${project.build.directory}/site-output", required = true)
    File output;

    /** Include posts marked {@code draft: true}. */
    @Parameter(property = "lateral.drafts", defaultValue = "false")
    boolean drafts;

    /** Include scheduled (future-dated) and expired posts. */
    @Parameter(property = "lateral.future", defaultValue = "false")
    boolean future;

    /** Overrides site.yaml's {@code baseUrl} (for previews and CI). */
    @Parameter(property = "lateral.baseUrl")
    String baseUrl;

    /** Where resized pictures are kept between builds (outside the output folder). */
    @Parameter(property = "lateral.cache", defaultValue = "${project.build.directory}/lateral-cache", required = true)
    private File cache;

    /** Ignore and remove the build cache (in {@code lateral.cache}'s {@code build/}): render and write every page. */
    @Parameter(property = "lateral.clean", defaultValue = "false")
    boolean clean;

    /** Log the time each phase of the build took. */
    @Parameter(property = "lateral.profile", defaultValue = "false")
    boolean profile;

    @Override
    protected void run(Path site) {
        BuildRequest request = BuildRequest.of(site).withOutput(output.toPath())
                .withDrafts(drafts).withFuture(future).withBaseUrl(baseUrl).withCaller(Caller.MAVEN).withClean(clean)
                .withCache(cache != null ? cache.toPath() // beside the output when the mojo is made by hand
                        : output.toPath().toAbsolutePath().resolveSibling("lateral-cache"));
        BuildResult result = Lateral.build(request);
        for (Problem warning : result.warnings()) {
            getLog().warn(warning.format());
        }
        result.summaryLines(executionRoot(), "-Dlateral.drafts", "-Dlateral.future").forEach(getLog()::info);
        if (profile) {
            for (Map.Entry<String, Duration> phase : result.phases().entrySet()) {
                getLog().info(String.format("  %-10s %6d ms", phase.getKey(), phase.getValue().toMillis()));
            }
        }
    }
}
