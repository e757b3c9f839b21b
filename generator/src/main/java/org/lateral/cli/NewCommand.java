package org.lateral.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lateral.Lateral;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lateral new site DIR}, {@code lateral new post "Title"}, {@code lateral new reflection "Title" --model gibbs}
 * and {@code lateral new event "Title"}.
 */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Create a new site or a new post.",
        subcommands = {NewCommand.Site.class, NewCommand.Post.class, NewCommand.Reflection.class, NewCommand.Event.class})
final class NewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "site", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Create a starter site with two example posts in DIR.")
    static final class Site implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "folder to create")
        Path dir;

        @Option(names = "--title", description = "the site's title (default: My CPD journal)")
        String title = "My CPD journal";

        @Option(names = "--github-pages",
                description = "also write a GitHub Actions workflow that publishes the site to GitHub Pages at every push")
        boolean githubPages;

        @Option(names = "--theme", paramLabel = "THEME",
                description = "the site's theme: default, or school (a school's CPD site: its name and crest, a"
                        + " programme-style home page)")
        String theme = "default";

        @Override
        public Integer call() {
            List<Path> files = Lateral.newSite(dir, title, githubPages, theme);
            spec.commandLine().getOut().printf("Created a new site in %s (%d files).%nNext: cd %s && lateral build%n",
                    dir, files.size(), dir);
            if (githubPages) {
                spec.commandLine().getOut().println("Put the folder in a GitHub repository and push: "
                        + ".github/workflows/publish.yml then publishes it to GitHub Pages at every push"
                        + " (set baseUrl in site.yaml first).");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "post", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Create content/posts/<slug>.md dated now, in the site in the current folder"
                    + " (with --bundle, a folder for the post and its pictures).")
    static final class Post implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TITLE", description = "the post's title, in quotes")
        String title;

        @Option(names = {"-s", "--site"}, paramLabel = "SITE_DIR", description = "the site folder (default: .)")
        Path siteDir = Path.of(".");

        @Option(names = {"-b", "--bundle"},
                description = "make a folder for the post and its pictures: content/posts/<date>-<slug>/index.md")
        boolean bundle;

        @Override
        public Integer call() {
            Path file = Lateral.newPost(siteDir, title, bundle);
            spec.commandLine().getOut().println("Created " + file.normalize() + " — edit it, then run lateral build.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "reflection", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Create a post whose headings are the stages of a model of reflection"
                    + " (gibbs, borton, driscoll, kolb, schon, brookfield, or your site's own), each with a prompt.")
    static final class Reflection implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "TITLE", description = "the reflection's title, in quotes")
        String title;

        @Option(names = {"-m", "--model"}, paramLabel = "MODEL", description = "the model (default: gibbs)")
        String model = "gibbs";

        @Option(names = "--list", description = "list the models you can use, with their stages")
        boolean list;

        @Option(names = {"-s", "--site"}, paramLabel = "SITE_DIR", description = "the site folder (default: .)")
        Path siteDir = Path.of(".");

        @Override
        public Integer call() {
            java.io.PrintWriter out = spec.commandLine().getOut();
            if (list) {
                for (org.lateral.cpd.ReflectionModel m : Lateral.reflectionModels(siteDir).values()) {
                    out.printf("%-12s %s: %s%n", m.id(), m.name(), String.join(" → ",
                            m.stages().stream().map(org.lateral.cpd.ReflectionModel.Stage::heading).toList()));
                }
                out.flush();
                return ExitCodes.OK;
            }
            if (title == null || title.isBlank()) {
                throw new org.lateral.LateralException(org.lateral.Problem.general("the reflection needs a title",
                        "write e.g. lateral new reflection \"Questioning in Year 8\" --model gibbs"));
            }
            Path file = Lateral.newReflection(siteDir, title, model, org.lateral.Caller.COMMAND_LINE);
            out.println("Created " + file.normalize() + " — write under each heading, then run lateral build.");
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "event", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Create content/events/<date>-<slug>.md a week from now, from the event archetype"
                    + " (your site's or theme's archetypes/event.md, else Lateral's), in the site in the current folder.")
    static final class Event implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TITLE", description = "the event's title, in quotes")
        String title;

        @Option(names = {"-s", "--site"}, paramLabel = "SITE_DIR", description = "the site folder (default: .)")
        Path siteDir = Path.of(".");

        @Override
        public Integer call() {
            Path file = Lateral.newEvent(siteDir, title, org.lateral.Caller.COMMAND_LINE);
            spec.commandLine().getOut().println("Created " + file.normalize()
                    + " — set its start, end and location, then run lateral build.");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
