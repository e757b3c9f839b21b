package org.lateral.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar lateral.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        java.util.OptionalInt relaunched = Relaunch.run(args); // plain java -jar … build: in a JVM set up for it
        System.exit(relaunched.isPresent() ? relaunched.getAsInt() : run(args));
    }

    /** Runs the command line and returns its exit code (see {@link ExitCodes}). */
    public static int run(String... args) {
        CommandLine cl = commandLine(args);
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
     * The root command with the subcommand the first argument names ({@code build} of
     * {@code lateral build site}), or with every subcommand when it names none ({@code lateral},
     * {@code lateral --help}, {@code lateral watch}): picocli then reads the annotations of the command
     * that runs and not of the nine others, a tenth of a second of CPU on every start (issue 20).
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new LateralCommand());
        List<Class<?>> added = LateralCommand.SUBCOMMANDS;
        if (args.length > 0) {
            for (Class<?> c : LateralCommand.SUBCOMMANDS) {
                if (c.getAnnotation(Command.class).name().equals(args[0])) {
                    added = List.of(c);
                }
            }
        }
        added.forEach(cl::addSubcommand);
        return cl;
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
