package org.lateral.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lateral.Caller;
import org.lateral.Lateral;
import org.lateral.Preview;
import org.lateral.ServeRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lateral serve [SITE_DIR]}: maps options onto {@link Lateral#serve} and waits for Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Preview the site in SITE_DIR in your browser while you write: every save rebuilds what it "
                + "changed and the open page reloads by itself. Drafts and scheduled posts are shown. The site's "
                + "public/ folder is never touched."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped (Ctrl-C)", "1:no site here, or the port is taken", "2:usage error",
            "3:Lateral failed"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE_DIR", description = "the site folder (default: .)")
    Path siteDir = Path.of(".");

    @Option(names = "--port", paramLabel = "N", description = "the port to listen on (default: 1313; 0: any free port)")
    int port = ServeRequest.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "the address to listen on (default: 127.0.0.1, this computer only)")
    String bind = "127.0.0.1";

    @Option(names = "--no-drafts", description = "leave drafts and scheduled posts out, as the published site will")
    boolean noDrafts;

    @Option(names = "--poll", arity = "0..1", paramLabel = "MS", fallbackValue = "500",
            description = "look for changes every MS milliseconds (default 500) instead of waiting for file "
                    + "events: for network drives, virtual machines and containers")
    Long poll;

    @Option(names = "--open", description = "open the preview in your browser")
    boolean open;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServeRequest request = ServeRequest.of(siteDir).withPort(port).withBind(bind).withDrafts(!noDrafts)
                .withPoll(Optional.ofNullable(poll).map(Duration::ofMillis)).withOpen(open)
                .withCaller(Caller.COMMAND_LINE).withOutput(line -> {
                    out.println(line);
                    out.flush();
                }, line -> {
                    err.println(line);
                    err.flush();
                });
        try (Preview preview = Lateral.serve(request)) {
            preview.awaitStop();
        }
        out.println("Stopped.");
        out.flush();
        return ExitCodes.OK;
    }
}
