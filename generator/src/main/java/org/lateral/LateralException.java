package org.lateral;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one exception Lateral throws for problems in the user's input: it carries every
 * {@link Problem} found, not only the first. A fault of the tool itself (a bug, a full disk)
 * is an ordinary {@link java.io.UncheckedIOException} or {@link IllegalStateException}.
 */
public class LateralException extends RuntimeException {

    private final List<Problem> problems;
    private final String outcome;

    public LateralException(List<Problem> problems) {
        this(problems, "nothing was written");
    }

    /**
     * @param outcome what really happened, in plain words, for the line after the problems
     *                ({@code "1 error; " + outcome + "."}): {@code "the digest was not sent to anyone"}
     */
    public LateralException(List<Problem> problems, String outcome) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
        this.outcome = java.util.Objects.requireNonNull(outcome, "outcome");
    }

    public LateralException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** What happened, for the summary line: {@code "nothing was written"} unless the command said otherwise. */
    public String outcome() {
        return outcome;
    }

    /** {@code "1 error; nothing was written."}: the line the command line and the Maven goals end with. */
    public String summary() {
        long errors = problems.stream().filter(Problem::isError).count();
        return (errors == 1 ? "1 error" : errors + " errors") + "; " + outcome + ".";
    }
}
