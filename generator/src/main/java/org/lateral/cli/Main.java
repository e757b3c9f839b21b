package org.lateral.cli;

import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point of {@code java -jar lateral.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (see {@link ExitCodes}). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new LateralCommand());
        cl.setExecutionExceptionHandler(new ProblemHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        Optional<String> unknown = unknownCommand(cl, args);
        if (unknown.isPresent()) {
            PrintWriter err = cl.getErr();
            err.println(unknown.get());
            err.flush();
            return ExitCodes.USAGE;
        }
        return cl.execute(args);
    }

    /**
     * The message for a word where a command belongs that names none ({@code lateral watch},
     * {@code lateral watch --help}, {@code lateral new page}); picocli would print the main help
     * for the second and exit 0, as if {@code watch} existed. Options before the word are skipped
     * (the commands that have subcommands take no option with a value).
     */
    static Optional<String> unknownCommand(CommandLine root, String... args) {
        CommandLine current = root;
        String path = root.getCommandName();
        for (String arg : args) {
            if (current.getSubcommands().isEmpty()) {
                return Optional.empty();
            }
            if (arg.startsWith("-")) {
                continue;
            }
            CommandLine next = current.getSubcommands().get(arg);
            if (next == null) {
                String known = String.join(", ", current.getSubcommands().keySet());
                return Optional.of("error: \"" + arg + "\" is not a command of " + path
                        + " — fix: use one of: " + known + " (" + path + " --help says what each does)");
            }
            current = next;
            path = path + " " + arg;
        }
        return Optional.empty();
    }
}
