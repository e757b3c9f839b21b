package org.lateral.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.lateral.Caller;
import org.lateral.Lateral;

/**
 * Creates a post ({@code mvn lateral:new -Dlateral.title="What I learned at TeachMeet"}) or a
 * starter site ({@code mvn lateral:new -Dlateral.new=site -Dlateral.siteDir=my-cpd-blog}), as
 * {@code lateral new post} and {@code lateral new site} do. Never overwrites a file. Needs no
 * {@code pom.xml}, so it can start a site from an empty folder; a folder holding only a
 * {@code pom.xml} (and {@code .git}, {@code .mvn}, a README) is fine too.
 */
@Mojo(name = "new", requiresProject = false, threadSafe = true)
public class NewMojo extends AbstractLateralMojo {

    /**
     * What to create: {@code post}, {@code reflection} or {@code event} (in the site folder), or
     * {@code site} (a starter site in the site folder).
     */
    @Parameter(property = "lateral.new", defaultValue = "post", required = true)
    String what;

    /** The title of the new post (needed), or of the new site ({@code My CPD journal} when not given). */
    @Parameter(property = "lateral.title")
    String title;

    /** Make the post a folder for itself and its pictures ({@code content/posts/<date>-<slug>/index.md}). */
    @Parameter(property = "lateral.bundle", defaultValue = "false")
    boolean bundle;

    /** For {@code -Dlateral.new=reflection}: the model of reflection whose stages become headings. */
    @Parameter(property = "lateral.model", defaultValue = "gibbs")
    String model;

    /**
     * For {@code -Dlateral.new=site}: the site's theme, {@code default} or {@code school} (a school's CPD
     * site: its name and crest, a programme-style home page), as {@code lateral new site --theme}.
     */
    @Parameter(property = "lateral.theme", defaultValue = "default")
    String theme;

    @Override
    protected void run(Path site) throws MojoFailureException {
        switch (what.strip().toLowerCase(Locale.ROOT)) {
            case "site" -> {
                List<Path> files = Lateral.newSite(site, title == null || title.isBlank() ? "My CPD journal" : title,
                        Caller.MAVEN, theme == null || theme.isBlank() ? "default" : theme.strip());
                getLog().info("Created a new site in " + shown(site) + " (" + files.size() + " files).");
                getLog().info("Next: run mvn package beside site.yaml, in a pom.xml that names the lateral-maven-plugin"
                        + " (as the README's does), then open target/site-output/index.html.");
            }
            case "post" -> {
                if (title == null || title.isBlank()) {
                    throw new MojoFailureException("a new post needs a title"
                            + " — fix: run mvn lateral:new -Dlateral.title=\"What I learned today\"");
                }
                Path file = Lateral.newPost(site, title, Caller.MAVEN, bundle);
                getLog().info("Created " + shown(file) + " — edit it, then run mvn package.");
            }
            case "reflection" -> {
                if (title == null || title.isBlank()) {
                    throw new MojoFailureException("a new reflection needs a title"
                            + " — fix: run mvn lateral:new -Dlateral.new=reflection -Dlateral.model=gibbs"
                            + " -Dlateral.title=\"Questioning in Year 8\"");
                }
                Path file = Lateral.newReflection(site, title, model == null ? "gibbs" : model, Caller.MAVEN);
                getLog().info("Created " + shown(file) + " — write under each heading, then run mvn package.");
            }
            case "event" -> {
                if (title == null || title.isBlank()) {
                    throw new MojoFailureException("a new event needs a title"
                            + " — fix: run mvn lateral:new -Dlateral.new=event -Dlateral.title=\"TeachMeet North\"");
                }
                Path file = Lateral.newEvent(site, title, Caller.MAVEN);
                getLog().info("Created " + shown(file) + " — set its start, end and location, then run mvn package.");
            }
            default -> throw new MojoFailureException("lateral.new is \"" + what + "\", which Lateral cannot create"
                    + " — fix: use -Dlateral.new=post, -Dlateral.new=reflection, -Dlateral.new=event or -Dlateral.new=site");
        }
    }
}
