package org.lateral.cli;

import picocli.CommandLine.Command;

/** {@code lateral}: the root command; its subcommands do the work. */
@Command(name = "lateral", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Publish your professional learning: build a site from Markdown reflections, or a network's hub from its members' feeds.",
        subcommands = {BuildCommand.class, ServeCommand.class, AggregateCommand.class, NewCommand.class,
            PublishCommand.class, CheckCommand.class, CpdCommand.class, ImportCommand.class, DigestCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:problems in the site's content, config or templates (nothing was written)",
            "2:the command was used wrongly",
            "3:Lateral itself failed (disk error or bug)",
            "4:aggregate: no feed at all could be read (nothing written)"})
public final class LateralCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
