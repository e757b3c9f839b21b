package org.lateral.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Caller;
import org.lateral.Lateral;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lateral build [SITE_DIR]}: maps options onto {@link Lateral#build} and prints a summary. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Build the site in SITE_DIR into its output folder (SITE_DIR/public by default).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:built", "1:content errors (nothing written)", "2:usage error", "3:Lateral failed"})
final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE_DIR", description = "the site folder (default: .)")
    Path siteDir = Path.of(".");

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "output folder (default: SITE_DIR/public)")
    Path output;

    @Option(names = "--drafts", description = "include posts marked draft: true")
    boolean drafts;

    @Option(names = "--future", description = "include scheduled (future-dated) and expired posts")
    boolean future;

    @Option(names = "--base-url", paramLabel = "URL", description = "override site.yaml's baseUrl")
    String baseUrl;

    @Option(names = "--profile", description = "print the time each phase of the build took")
    boolean profile;

    @Option(names = "--clean", description = "ignore and remove the build cache (SITE_DIR/.lateral-cache/build):"
            + " render and write every page")
    boolean clean;

    @Override
    public Integer call() {
        BuildRequest request = new BuildRequest(siteDir, Optional.ofNullable(output), drafts, future,
                Optional.ofNullable(baseUrl), Instant.now(), Caller.COMMAND_LINE, Optional.empty(), clean);
        BuildResult r = Lateral.build(request);
        PrintWriter out = spec.commandLine().getOut();
        Summary.print(r, out);
        if (profile) {
            for (Map.Entry<String, java.time.Duration> e : r.phases().entrySet()) {
                out.printf("  %-10s %6d ms%n", e.getKey(), e.getValue().toMillis());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
