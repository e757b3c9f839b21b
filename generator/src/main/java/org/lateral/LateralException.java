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

    public LateralException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public LateralException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
