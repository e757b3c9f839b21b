package org.lateral.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lateral.Lateral;
import org.lateral.Problem;
import org.lateral.PublishRequest;
import org.lateral.PublishResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lateral publish [SITE_DIR]}: maps options onto {@link Lateral#publish} and prints what it did. */
@Command(name = "publish", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Build the site in SITE_DIR cleanly, then publish it: to a branch of a git remote "
                + "(gh-pages by default, as GitHub Pages expects) or into a folder. site.yaml's publish: "
                + "section says where; the options override it.",
                "For an https:// remote, put a token that may push in the environment variable LATERAL_GIT_TOKEN."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:published (or nothing had changed)",
            "1:problems in the site, its publish: settings or the target (nothing published)",
            "2:usage error", "3:Lateral failed"})
final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE_DIR", description = "the site folder (default: .)")
    Path siteDir = Path.of(".");

    @Option(names = "--to", paramLabel = "TARGET",
            description = "a git remote (https://…, file://…) or a folder (default: publish.to in site.yaml)")
    String to;

    @Option(names = "--branch", paramLabel = "NAME", description = "the git branch (default: publish.branch, else gh-pages)")
    String branch;

    @Option(names = "--message", paramLabel = "TEXT", description = "the commit message")
    String message;

    @Option(names = "--no-history", description = "replace the branch with one commit instead of adding one")
    boolean noHistory;

    @Option(names = "--dry-run", description = "build and show what would change; publish and send nothing")
    boolean dryRun;

    @Option(names = "--force", description = "replace a non-empty folder that Lateral did not publish")
    boolean force;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "build folder (default: SITE_DIR/public)")
    Path output;

    @Option(names = "--allow-address", paramLabel = "ADDRESS", split = ",",
            description = "a private or loopback address (or range) pings and Webmentions may reach")
    List<String> allowAddresses = new ArrayList<>();

    @Override
    public Integer call() {
        PublishRequest request = PublishRequest.of(siteDir).withOutput(output).withTo(to).withBranch(branch)
                .withMessage(message).withNoHistory(noHistory).withDryRun(dryRun).withForce(force)
                .withAllowAddresses(allowAddresses);
        PublishResult r = Lateral.publish(request);
        PrintWriter out = spec.commandLine().getOut();
        for (Problem w : r.warnings()) {
            out.println(w.format());
        }
        r.summaryLines().forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }

}
