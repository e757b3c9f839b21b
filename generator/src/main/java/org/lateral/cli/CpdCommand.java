package org.lateral.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lateral.CpdRequest;
import org.lateral.CpdResult;
import org.lateral.Lateral;
import org.lateral.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lateral cpd [SITE_DIR]}: a year of the professional-learning record, in the terminal or a file. */
@Command(name = "cpd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Show a year of your CPD record (hours, types, standards), or export it as CSV or JSON.")
final class CpdCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE_DIR", description = "the site folder (default: .)")
    Path siteDir = Path.of(".");

    @Option(names = "--year", paramLabel = "YEAR", description = "the academic year, e.g. 2024-25 (default: this one)")
    String year;

    @Option(names = "--private", description = "count records marked private: true too (they are never published)")
    boolean includePrivate;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), csv or json")
    String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "write to FILE (not inside a built site's folder) instead of the terminal")
    Path output;

    @Override
    public Integer call() {
        CpdResult r = Lateral.cpd(CpdRequest.of(siteDir).withYear(year).withPrivate(includePrivate)
                .withFormat(format).withOutput(output));
        PrintWriter out = spec.commandLine().getOut();
        for (Problem w : r.warnings()) {
            spec.commandLine().getErr().println(w.format());
        }
        if (r.written().isPresent()) {
            out.println("Wrote " + r.written().get() + (r.year().isPresent() ? " (" + r.year().get().label() + ", "
                    + r.year().get().hoursText() + " hours)" : ""));
        } else {
            out.print(new String(r.bytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
