package org.lateral;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a user's input, with its position, in words a teacher understands.
 *
 * <p>Formatted the way compilers do, so editors can jump to it:
 * {@code content/posts/teachmeet.md:4:7: error: the date "31/02/2024" cannot be read — fix: write it as 2024-02-29}.
 *
 * <p>{@code line} and {@code column} are 1-based; 0 means "unknown" and is left out of the text.
 *
 * @param file   the file at fault, relative to the site folder where possible; {@code null} only for
 *               problems that belong to no file (use {@link #general})
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param severity error (the build fails) or warning (it goes on)
 * @param message what is wrong
 * @param hint how to fix it; may be empty
 */
public record Problem(Path file, int line, int column, Severity severity, String message, String hint) {

    /** How bad a problem is. */
    public enum Severity {
        /** The build fails and nothing is written. */
        ERROR,
        /** Reported; the build goes on. */
        WARNING;

        String label() {
            return this == ERROR ? "error" : "warning";
        }
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
        line = Math.max(0, line);
        column = Math.max(0, column);
    }

    public static Problem error(Path file, int line, int column, String message, String hint) {
        return new Problem(file, line, column, Severity.ERROR, message, hint);
    }

    public static Problem warning(Path file, int line, int column, String message, String hint) {
        return new Problem(file, line, column, Severity.WARNING, message, hint);
    }

    /** A problem that belongs to no particular file (a bad command-line option, say). */
    public static Problem general(String message, String hint) {
        return new Problem(null, 0, 0, Severity.ERROR, message, hint);
    }

    public Optional<Path> fileIfKnown() {
        return Optional.ofNullable(file);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same problem reported against another file path (used to make paths site-relative). */
    public Problem withFile(Path newFile) {
        return new Problem(newFile, line, column, severity, message, hint);
    }

    /** {@code file:line:col: error: message — fix: hint}. */
    public String format() {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file.toString().replace('\\', '/'));
            if (line > 0) {
                out.append(':').append(line);
                if (column > 0) {
                    out.append(':').append(column);
                }
            }
            out.append(": ");
        }
        out.append(severity.label()).append(": ").append(message);
        if (!hint.isEmpty()) {
            out.append(" — fix: ").append(hint);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
