package org.lateral.maven;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.lateral.Caller;
import org.lateral.CpdRequest;
import org.lateral.CpdResult;
import org.lateral.Lateral;
import org.lateral.Problem;

/**
 * A year of the site's CPD record in the build log, or exported as CSV or JSON
 * ({@code mvn lateral:cpd -Dlateral.year=2024-25 -Dlateral.format=csv -Dlateral.cpdFile=cpd.csv}), as
 * {@code lateral cpd} does. Records marked {@code private: true} are counted only with
 * {@code -Dlateral.private=true}, and never written into a built site's folder.
 */
@Mojo(name = "cpd", threadSafe = true)
public class CpdMojo extends AbstractLateralMojo {

    /** The academic year, e.g. {@code 2024-25}; this one (or the latest with activities) when not given. */
    @Parameter(property = "lateral.year")
    String year;

    /** Count records marked {@code private: true} too. */
    @Parameter(property = "lateral.private", defaultValue = "false")
    boolean includePrivate;

    /** {@code text}, {@code csv} or {@code json}. */
    @Parameter(property = "lateral.format", defaultValue = "text")
    String format;

    /** A file to write the year to, instead of the build log. */
    @Parameter(property = "lateral.cpdFile")
    File file;

    @Override
    protected void run(Path site) {
        CpdResult r = Lateral.cpd(CpdRequest.of(site).withYear(year).withPrivate(includePrivate).withFormat(format)
                .withOutput(file == null ? null : file.toPath()).withCaller(Caller.MAVEN));
        for (Problem w : r.warnings()) {
            getLog().warn(w.format());
        }
        if (r.written().isPresent()) {
            getLog().info("Wrote " + shown(r.written().get()));
        } else {
            for (String line : new String(r.bytes(), StandardCharsets.UTF_8).replace("\uFEFF", "").split("\n")) {
                getLog().info(line);
            }
        }
    }
}
