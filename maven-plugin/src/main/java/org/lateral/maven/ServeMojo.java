package org.lateral.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.lateral.Caller;
import org.lateral.Lateral;
import org.lateral.Preview;
import org.lateral.ServeRequest;

/**
 * Previews the site in a browser while you write, as {@code lateral serve} does: {@code mvn lateral:serve},
 * then open the address it prints. Every save rebuilds what changed and the open page reloads by itself;
 * drafts and scheduled posts are shown. Builds into {@code target/lateral-serve}, never into
 * {@code target/site-output}. Ctrl-C stops it.
 */
@Mojo(name = "serve", requiresProject = true, threadSafe = true)
public class ServeMojo extends AbstractLateralMojo {

    /** The port to listen on (0: any free port; the address printed says which). */
    @Parameter(property = "lateral.port", defaultValue = "1313")
    int port;

    /** The address to listen on; the default keeps the preview to this computer. */
    @Parameter(property = "lateral.bind", defaultValue = "127.0.0.1")
    String bind;

    /** Leave drafts and scheduled posts out, as the published site will. */
    @Parameter(property = "lateral.noDrafts", defaultValue = "false")
    boolean noDrafts;

    /** Look for changes every so many milliseconds instead of waiting for file events (0: file events). */
    @Parameter(property = "lateral.poll", defaultValue = "0")
    long poll;

    /** Open the preview in the default browser. */
    @Parameter(property = "lateral.open", defaultValue = "false")
    boolean open;

    /** The preview's private build folder. */
    @Parameter(property = "lateral.serveOutput", defaultValue = "${project.build.directory}/lateral-serve", required = true)
    File serveOutput;

    @Override
    protected void run(Path site) {
        ServeRequest request = ServeRequest.of(site).withPort(port).withBind(bind).withDrafts(!noDrafts)
                .withPoll(poll > 0 ? Optional.of(Duration.ofMillis(poll)) : Optional.empty()).withOpen(open)
                .withStaging(serveOutput.toPath()).withCaller(Caller.MAVEN)
                .withOutput(getLog()::info, getLog()::warn);
        try (Preview preview = Lateral.serve(request)) {
            preview.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        getLog().info("Stopped.");
    }
}
