package org.lateral.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.lateral.AggregateRequest;
import org.lateral.AggregateResult;
import org.lateral.Lateral;
import org.lateral.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lateral aggregate [HUB_DIR]}: maps options onto {@link Lateral#aggregate}, prints each feed's line and a summary. */
@Command(name = "aggregate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Read the members' feeds listed in HUB_DIR/site.yaml (hub: section) and build the hub "
                + "into its output folder (HUB_DIR/public by default).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the hub was built (feeds that failed are reported, and on the health page)",
            "1:problems in site.yaml, the hub's pages or templates (nothing written)", "2:usage error",
            "3:Lateral failed", "4:no feed at all could be read (nothing written; the previous hub is kept)"})
final class AggregateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "HUB_DIR", description = "the hub's folder (default: .)")
    Path hubDir = Path.of(".");

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "output folder (default: HUB_DIR/public)")
    Path output;

    @Option(names = "--profile", description = "print the time each phase of the run took")
    boolean profile;

    @Option(names = "--allow-address", paramLabel = "ADDR",
            description = "also fetch from this internal address or CIDR range (127.0.0.1, 10.1.0.0/16);"
                    + " repeatable. By default only public internet addresses are read")
    List<String> allowAddresses = new ArrayList<>();

    @Option(names = "--project-dir", paramLabel = "DIR",
            description = "also read local feed files inside DIR, a folder around the hub's (as the Maven goal's"
                    + " lateral.projectDir; default: the hub's folder), e.g. --project-dir sample-site")
    Path projectDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AtomicInteger printed = new AtomicInteger();
        AggregateRequest request = new AggregateRequest(hubDir, Optional.ofNullable(output), Clock.systemUTC(),
                (report, done, total) -> {
                    synchronized (printed) { // one whole line at a time, numbered in the order printed
                        out.printf("[%d/%d] %s%n", printed.incrementAndGet(), total, report.format());
                        out.flush();
                    }
                }).withAllowAddresses(allowAddresses);
        request = Optional.ofNullable(projectDir).map(request::withProjectDir).orElse(request);
        AggregateResult r = Lateral.aggregate(request);
        for (Problem w : r.warnings()) {
            out.println(w.format());
        }
        r.summaryLines(Path.of("").toAbsolutePath()).forEach(out::println);
        if (profile) {
            r.phases().forEach((phase, time) -> out.printf("  %-10s %6d ms%n", phase, time.toMillis()));
        }
        out.flush();
        return r.written() ? ExitCodes.OK : ExitCodes.NO_FEED_READ;
    }
}
