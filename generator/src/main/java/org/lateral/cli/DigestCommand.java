package org.lateral.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lateral.DigestSendRequest;
import org.lateral.DigestSendResult;
import org.lateral.Lateral;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lateral digest}: the hub's weekly digest; its one subcommand sends it. */
@Command(name = "digest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The hub's weekly digest.", subcommands = {DigestCommand.Send.class})
final class DigestCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code lateral digest send [HUB_DIR] --to ADDRESS…}: maps options onto {@link Lateral#sendDigest}. */
    @Command(name = "send", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "E-mail the hub's latest weekly digest (built by lateral aggregate) through the SMTP server"
                    + " in site.yaml's hub.mail. The password comes from the environment variable hub.mail.passwordEnv"
                    + " names. A week is sent once; --again sends it once more.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:sent (the last line says which week, to how many addresses)", "1:not sent, or not to"
                    + " everyone: problems in site.yaml, no digest yet, a week already sent, or the mail server refused"
                    + " or could not be reached (the last line says who got it, if anyone)", "2:usage error",
                    "3:Lateral failed"})
    static final class Send implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "HUB_DIR", description = "the hub's folder (default: .)")
        Path hubDir = Path.of(".");

        @Option(names = "--to", required = true, arity = "1..*", paramLabel = "ADDRESS",
                description = "who receives it, one message each (repeatable)")
        List<String> to = new ArrayList<>();

        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "the hub's output folder (default: HUB_DIR/public)")
        Path output;

        @Option(names = "--again", description = "send a week that was already sent")
        boolean again;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DigestSendRequest request = DigestSendRequest.of(hubDir, to).withAgain(again);
            request = Optional.ofNullable(output).map(request::withOutput).orElse(request);
            DigestSendResult result = Lateral.sendDigest(request);
            out.println(result.summary());
            out.flush();
            return ExitCodes.OK;
        }
    }
}
