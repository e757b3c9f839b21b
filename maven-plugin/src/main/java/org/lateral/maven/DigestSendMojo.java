package org.lateral.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.lateral.Caller;
import org.lateral.DigestSendRequest;
import org.lateral.Lateral;

/**
 * E-mails the hub's latest weekly digest, as {@code lateral digest send} does
 * ({@code mvn lateral:digest-send -Dlateral.to=staff@school.example}), from the hub built by
 * {@code lateral:aggregate} in {@code target/site-output}, through site.yaml's {@code hub.mail}
 * (the password from the environment variable {@code passwordEnv} names). A week already sent
 * needs {@code -Dlateral.again=true}. Not bound to a phase: sending is a decision, not a build step.
 */
@Mojo(name = "digest-send", threadSafe = true)
public class DigestSendMojo extends AbstractLateralMojo {

    /** Who receives it (comma-separated on the command line), one message each. */
    @Parameter(property = "lateral.to", required = true)
    List<String> to;

    /** Send a week that was already sent. */
    @Parameter(property = "lateral.again", defaultValue = "false")
    boolean again;

    /** The hub built by {@code lateral:aggregate}. */
    @Parameter(property = "lateral.output", defaultValue = "${project.build.directory}/site-output", required = true)
    File output;

    /** The hub's cache folder (where sent weeks are remembered), as {@code lateral:aggregate}'s. */
    @Parameter(property = "lateral.cache", defaultValue = "${project.build.directory}/lateral-cache", required = true)
    File cache;

    @Override
    protected void run(Path hub) {
        getLog().info(Lateral.sendDigest(DigestSendRequest.of(hub, to).withOutput(output.toPath())
                .withCache(cache.toPath()).withAgain(again).withCaller(Caller.MAVEN)).summary());
    }
}
