package org.lateral.cli;

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
        return cl.execute(args);
    }
}
