package org.lateral.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.lateral.Lateral;
import org.lateral.Problem;
import org.lateral.PublishRequest;
import org.lateral.PublishResult;

/**
 * Builds the site cleanly and publishes it, as {@code lateral publish} does: to a branch of a git
 * remote (gh-pages by default) or into a folder, as site.yaml's {@code publish:} section says (the
 * parameters override it). Bound to {@code deploy}, so {@code mvn deploy} publishes the school's
 * site. A problem in the site fails the build and publishes nothing. Needs no pom: in a folder holding
 * only site.yaml, {@code mvn org.lateral:lateral-maven-plugin:VERSION:publish -Dlateral.siteDir=.} publishes it (this is
 * what the GitHub Pages workflow of {@code lateral new site --github-pages} runs).
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, requiresProject = false, threadSafe = true)
public class PublishMojo extends AbstractLateralMojo {

    /** Where the clean build is written before it is published ({@code target/site-output} without a pom too). */
    @Parameter(property = "lateral.output", defaultValue = "${project.build.directory}/site-output")
    File output;

    /** A git remote ({@code https://…}, {@code file://…}) or a folder; default {@code publish.to} in site.yaml. */
    @Parameter(property = "lateral.to")
    String to;

    /** The git branch; default {@code publish.branch} in site.yaml, else {@code gh-pages}. */
    @Parameter(property = "lateral.branch")
    String branch;

    /** The commit message. */
    @Parameter(property = "lateral.message")
    String message;

    /** Replace the branch with a single commit instead of adding one. */
    @Parameter(property = "lateral.noHistory", defaultValue = "false")
    boolean noHistory;

    /** Build and log what would change; publish and send nothing. */
    @Parameter(property = "lateral.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Replace a non-empty folder that Lateral did not publish. */
    @Parameter(property = "lateral.force", defaultValue = "false")
    boolean force;

    /** Private or loopback addresses (or ranges) that WebSub pings and Webmentions may reach. */
    @Parameter(property = "lateral.allowAddresses")
    List<String> allowAddresses = new ArrayList<>();

    @Override
    protected void run(Path site) {
        // run without a pom, Maven leaves ${project.basedir} unexpanded in the default
        Path out = output == null || output.getPath().contains("${") ? site.resolve("target/site-output") : output.toPath();
        PublishRequest request = PublishRequest.of(site).withOutput(out).withTo(blank(to))
                .withBranch(blank(branch)).withMessage(blank(message)).withNoHistory(noHistory).withDryRun(dryRun)
                .withForce(force).withAllowAddresses(allowAddresses == null ? List.of() : allowAddresses);
        PublishResult result = Lateral.publish(request);
        for (Problem warning : result.warnings()) {
            getLog().warn(warning.format());
        }
        result.summaryLines().forEach(getLog()::info);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
