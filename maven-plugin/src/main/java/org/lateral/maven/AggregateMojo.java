package org.lateral.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.lateral.AggregateRequest;
import org.lateral.AggregateResult;
import org.lateral.Caller;
import org.lateral.Lateral;
import org.lateral.Problem;
import org.lateral.aggregate.HubProgress;

/**
 * Builds a network's hub into {@code target/site-output}, as {@code lateral aggregate} does: reads
 * every member's feed listed in the {@code hub:} section of {@code site.yaml}, then writes the
 * river, member pages, digest, feeds, blogroll and feed-health page. Bound to {@code package}.
 *
 * <p>Feeds that fail are logged as warnings and do not fail the build (the hub keeps the member's
 * last good entries and its health page says what to do). The build fails when {@code site.yaml}
 * is wrong, or when not a single feed could be read; the previous hub is then left as it was.
 */
@Mojo(name = "aggregate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class AggregateMojo extends AbstractLateralMojo {

    /** Where to write the hub. It is replaced as a whole, and only if the run succeeds. */
    @Parameter(property = "lateral.output", defaultValue = "${project.build.directory}/site-output", required = true)
    File output;

    /**
     * The folder of the hub's fetch cache (what each feed last said, for conditional requests and
     * for members whose feed fails), unless site.yaml's {@code hub.cache} names one. Under
     * {@code target/}, so the source folder stays clean; {@code mvn clean} empties it, and the next
     * run fetches every feed in full.
     */
    @Parameter(property = "lateral.cache", defaultValue = "${project.build.directory}/lateral-cache", required = true)
    File cache;

    /**
     * Internal addresses or CIDR ranges the hub may also fetch from (comma-separated on the command
     * line: {@code -Dlateral.allowAddresses=127.0.0.1,10.1.0.0/16}); by default only public ones.
     */
    @Parameter(property = "lateral.allowAddresses")
    List<String> allowAddresses;

    /**
     * The folder local feed files must lie in: by default the folder Maven was started in (the
     * reactor of member sites and hub), so a hub may read its members' built feeds beside it.
     */
    @Parameter(property = "lateral.projectDir")
    File projectDir;

    @Override
    protected void run(Path hub) throws MojoFailureException {
        Object lock = new Object();
        HubProgress progress = (report, done, total) -> {
            synchronized (lock) {
                if (report.isSuccess()) {
                    getLog().info(report.format());
                } else {
                    getLog().warn(report.format());
                }
            }
        };
        AggregateResult result = Lateral.aggregate(AggregateRequest.of(hub).withOutput(output.toPath())
                .withProgress(progress)
                .withAllowAddresses(allowAddresses == null ? List.of() : allowAddresses)
                .withProjectDir(projectDir != null ? projectDir.toPath() : executionRoot())
                .withCache(cache.toPath()).withCaller(Caller.MAVEN));
        for (Problem warning : result.warnings()) {
            getLog().warn(warning.format());
        }
        if (!result.written()) {
            throw new MojoFailureException(String.join(System.lineSeparator(), result.summaryLines(executionRoot()))
                    + " — fix: check the feed addresses in site.yaml, or the network connection of this machine");
        }
        result.summaryLines(executionRoot()).forEach(getLog()::info);
    }
}
