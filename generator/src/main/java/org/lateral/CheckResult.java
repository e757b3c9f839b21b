package org.lateral;

import java.util.List;
import org.lateral.check.Reports;

/**
 * What {@link Lateral#check} found: every finding (the build's warnings too) in file and line
 * order, each a {@link Problem} in the form build errors take.
 *
 * <pre>{@code
 * CheckResult r = Lateral.check(CheckRequest.of(Path.of("my-cpd-blog")));
 * r.findings().forEach(p -> System.out.println(p.format()));
 * System.exit(r.hasErrors() ? 1 : 0);
 * }</pre>
 *
 * @param findings      errors (a reader meets something broken) and warnings (worth fixing)
 * @param pages         pages checked
 * @param links         links and pictures checked (each time it is written)
 * @param externalLinks distinct outside addresses fetched or read from the cache (0 without {@code --external})
 */
public record CheckResult(List<Problem> findings, int pages, int links, int externalLinks) {

    /** The formats a report can be written in. */
    public enum Format { TEXT, JSON, JUNIT }

    public CheckResult {
        findings = List.copyOf(findings);
    }

    public long errors() {
        return findings.stream().filter(Problem::isError).count();
    }

    public long warnings() {
        return findings.size() - errors();
    }

    public boolean hasErrors() {
        return errors() > 0;
    }

    /** The last line of a text report: what was checked and what was found. */
    public String summary() {
        return Reports.summary(this);
    }

    /** The whole report in a format: one line per finding and the summary, JSON, or JUnit XML. */
    public String report(Format format) {
        return switch (format) {
            case TEXT -> Reports.text(this);
            case JSON -> Reports.json(this);
            case JUNIT -> Reports.junit(this);
        };
    }
}
