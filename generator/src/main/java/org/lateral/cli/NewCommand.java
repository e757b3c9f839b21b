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

/** {@code lateral new site DIR} and {@code lateral new post "Title"}. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Create a new site or a new post.",
        subcommands = {NewCommand.Site.class, NewCommand.Post.class})
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

        @Override
        public Integer call() {
            List<Path> files = Lateral.newSite(dir, title, githubPages);
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
            description = "Create content/posts/<slug>.md dated now, in the site in the current folder.")
    static final class Post implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TITLE", description = "the post's title, in quotes")
        String title;

        @Option(names = {"-s", "--site"}, paramLabel = "SITE_DIR", description = "the site folder (default: .)")
        Path siteDir = Path.of(".");

        @Override
        public Integer call() {
            Path file = Lateral.newPost(siteDir, title);
            spec.commandLine().getOut().println("Created " + file.normalize() + " — edit it, then run lateral build.");
            return ExitCodes.OK;
        }
    }
}
