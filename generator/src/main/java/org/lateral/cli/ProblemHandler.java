package org.lateral.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.lateral.LateralException;
import org.lateral.Problem;
import picocli.CommandLine;

/** Prints problems as {@code file:line:col: error: … — fix: …} lines and maps them to exit codes. */
final class ProblemHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        if (ex instanceof LateralException le) {
            for (Problem p : le.problems()) {
                err.println(p.format());
            }
            err.println(le.summary());
            err.flush();
            return ExitCodes.CONTENT_ERRORS;
        }
        if (ex instanceof UncheckedIOException io) {
            err.println("error: " + io.getMessage() + ": " + io.getCause().getMessage());
        } else {
            err.println("error: Lateral failed unexpectedly: " + ex);
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }
}
