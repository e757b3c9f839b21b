package org.lateral.cli;

import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code lateral}: the root command; its subcommands ({@link #SUBCOMMANDS}) do the work. They are
 * not in the annotation: {@link Main} adds only the one a command line names, so that picocli reads
 * the options of one command, not of all ten, on every run.
 */
@Command(name = "lateral", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Publish your professional learning: build a site from Markdown reflections, or a network's hub from its members' feeds.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:problems in the site's content, config or templates (nothing was written)",
            "2:the command was used wrongly",
            "3:Lateral itself failed (disk error or bug)",
            "4:aggregate: no feed at all could be read (nothing written)"})
public final class LateralCommand implements Runnable {

    /** The subcommands, in the order {@code lateral --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(BuildCommand.class, ServeCommand.class, AggregateCommand.class,
            NewCommand.class, PublishCommand.class, CheckCommand.class, CpdCommand.class, ImportCommand.class,
            DigestCommand.class);

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
