package org.lateral.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.lateral.Caller;
import org.lateral.CheckRequest;
import org.lateral.CheckResult;
import org.lateral.Lateral;
import org.lateral.Problem;

/**
 * Checks the site as it would be published, as {@code lateral check} does: broken links and
 * pictures, links to drafts, missing anchors, links without text, pictures without a description.
 * Bound to {@code verify}, so a school's CI fails on a broken link. Each finding is logged at its
 * level with the teacher's file and line; a JUnit report is written under {@code target/} for CI
 * servers to show.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractLateralMojo {

    /** Also check links that leave the site (over the network). */
    @Parameter(property = "lateral.external", defaultValue = "false")
    boolean external;

    /** Internal addresses or CIDR ranges outside links may be checked at ({@code -Dlateral.allowAddresses=10.1.0.0/16}). */
    @Parameter(property = "lateral.allowAddresses")
    List<String> allowAddresses;

    /** Where outside links' answers are kept between runs. */
    @Parameter(property = "lateral.cache", defaultValue = "${project.build.directory}/lateral-cache", required = true)
    File cache;

    /** The JUnit XML report. */
    @Parameter(property = "lateral.checkReport",
            defaultValue = "${project.build.directory}/lateral-check/TEST-lateral-check.xml", required = true)
    File report;

    /** Overrides site.yaml's {@code baseUrl}. */
    @Parameter(property = "lateral.baseUrl")
    String baseUrl;

    /** Fail the build when the check finds an error (warnings never fail it). */
    @Parameter(property = "lateral.failOnError", defaultValue = "true")
    boolean failOnError;

    @Override
    protected void run(Path site) throws MojoFailureException {
        CheckResult result = Lateral.check(CheckRequest.of(site).withExternal(external)
                .withAllowAddresses(allowAddresses).withCacheDir(cache.toPath()).withBaseUrl(baseUrl)
                .withCaller(Caller.MAVEN));
        try {
            Files.createDirectories(report.toPath().getParent());
            Files.writeString(report.toPath(), result.report(CheckResult.Format.JUNIT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + report, e);
        }
        for (Problem p : result.findings()) {
            if (p.isError()) {
                getLog().error(p.format());
            } else {
                getLog().warn(p.format());
            }
        }
        getLog().info(result.summary() + " JUnit report: " + shown(report.toPath()));
        if (result.hasErrors() && failOnError) {
            throw new MojoFailureException(result.summary() + System.lineSeparator() + result.findings().stream()
                    .filter(Problem::isError).map(Problem::format).collect(Collectors.joining(System.lineSeparator())));
        }
    }
}
