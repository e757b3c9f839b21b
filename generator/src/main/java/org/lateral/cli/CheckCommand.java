package org.lateral.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lateral.CheckRequest;
import org.lateral.CheckResult;
import org.lateral.Lateral;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lateral check [SITE_DIR]}: maps options onto {@link Lateral#check} and prints or writes the report. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check the site in SITE_DIR as it would be published (nothing is written): broken links and"
                + " pictures, links to drafts, missing #anchors, links without text, pictures without a description,"
                + " and things worth fixing. Each finding names the file and line to change."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed)", "1:errors found (or the site does not build)",
            "2:usage error", "3:Lateral failed"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE_DIR", description = "the site folder (default: .)")
    Path siteDir = Path.of(".");

    @Option(names = "--external", description = "also check links that leave the site (over the network)")
    boolean external;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or junit")
    CheckResult.Format format = CheckResult.Format.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the report to FILE (a summary is still printed)")
    Path output;

    @Option(names = "--allow-address", paramLabel = "ADDRESS", split = ",",
            description = "a private or loopback address (or range) outside links may be checked at")
    List<String> allowAddresses = new ArrayList<>();

    @Option(names = "--cache-for", paramLabel = "HOURS", description = "trust outside links' answers this long (default: 24; 0 checks again)")
    long cacheHours = CheckRequest.DEFAULT_CACHE_FOR.toHours();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "the most one outside link may take (default: 10)")
    long timeoutSeconds = CheckRequest.DEFAULT_TIMEOUT.toSeconds();

    @Override
    public Integer call() {
        CheckRequest request = CheckRequest.of(siteDir).withExternal(external).withAllowAddresses(allowAddresses)
                .withCacheFor(Duration.ofHours(Math.max(0, cacheHours)))
                .withTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        CheckResult r = Lateral.check(request);
        PrintWriter out = spec.commandLine().getOut();
        String report = r.report(format);
        if (output == null) {
            out.print(report);
        } else {
            try {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, report, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + output, e);
            }
            out.println(r.summary() + " Report written to " + output + ".");
        }
        out.flush();
        return r.hasErrors() ? ExitCodes.CONTENT_ERRORS : ExitCodes.OK;
    }
}
