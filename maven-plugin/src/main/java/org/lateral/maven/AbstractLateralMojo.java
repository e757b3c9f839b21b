package org.lateral.maven;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.lateral.LateralException;
import org.lateral.Problem;

/**
 * What every Lateral goal shares: {@code lateral.skip}, the site folder, and the mapping of
 * Lateral's outcomes onto Maven's. Problems in the user's site (a {@link LateralException}) fail the
 * build with a {@link MojoFailureException} whose message lists every problem as
 * {@code file:line:col: error: … — fix: …}, exactly as the command line prints them; any other
 * exception is a fault of the tool and becomes a {@link MojoExecutionException}.
 *
 * <p>Subclasses implement {@link #run(Path)} and only map parameters onto a request.
 */
public abstract class AbstractLateralMojo extends AbstractMojo {

    /** Skips this goal: for one module of a reactor, or from the command line with {@code -Dlateral.skip}. */
    @Parameter(property = "lateral.skip", defaultValue = "false")
    boolean skip;

    /** The site folder, holding {@code site.yaml}. By default the folder of the {@code pom.xml}. */
    @Parameter(property = "lateral.siteDir", defaultValue = "${project.basedir}", required = true)
    File siteDir;

    /** The folder Maven was started in; paths in messages are shown relative to it. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File executionRoot;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Lateral (lateral.skip is true).");
            return;
        }
        try {
            run(siteDir.toPath());
        } catch (LateralException e) {
            throw failure(e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("Lateral failed: " + e.getMessage() + ": " + e.getCause().getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("Lateral failed unexpectedly: " + e, e);
        }
    }

    /**
     * Maps this goal's parameters onto the Lateral API, calls it and logs the result.
     *
     * @param site the site folder ({@code lateral.siteDir})
     * @throws MojoFailureException when a parameter is wrong in a way Lateral cannot report itself
     */
    protected abstract void run(Path site) throws MojoFailureException;

    /** The folder Maven was started in (the working folder when Maven does not say). */
    protected Path executionRoot() {
        return (executionRoot == null ? Path.of("") : executionRoot.toPath()).toAbsolutePath();
    }

    /** {@code path} relative to {@link #executionRoot()} when it lies inside it, for messages. */
    protected Path shown(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(executionRoot()) && !abs.equals(executionRoot()) ? executionRoot().relativize(abs) : abs;
    }

    /** Logs every problem at its level and returns the failure that names them all. */
    private MojoFailureException failure(LateralException e) {
        List<Problem> problems = e.problems();
        for (Problem p : problems) {
            if (p.isError()) {
                getLog().error(p.format());
            } else {
                getLog().warn(p.format());
            }
        }
        String summary = e.summary();
        getLog().error(summary);
        String lines = problems.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator()));
        return new MojoFailureException(summary + System.lineSeparator() + lines);
    }
}
