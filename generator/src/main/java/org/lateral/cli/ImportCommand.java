package org.lateral.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lateral.ImportRequest;
import org.lateral.ImportResult;
import org.lateral.Lateral;
import org.lateral.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code lateral import wordpress|blogger|feed SOURCE [SITE_DIR]}: maps options onto {@link Lateral#importBlog}. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Move a blog into Lateral: its posts, pages, pictures and old addresses.",
        subcommands = {ImportCommand.WordPress.class, ImportCommand.Blogger.class, ImportCommand.Feed.class})
final class ImportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options every kind of import shares. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SOURCE", description = "the export file (a feed: a file or an https:// address)")
        String source;

        @Parameters(index = "1", arity = "0..1", paramLabel = "SITE_DIR",
                description = "the site folder (default: .); made into a new site when it has no site.yaml")
        Path siteDir = Path.of(".");

        @Option(names = "--media", paramLabel = "download|link", defaultValue = "download",
                description = "download pictures and attachments into each post's folder (default), or link to the old blog")
        String media;

        @Option(names = "--dry-run", description = "write nothing; print the report of what would be imported")
        boolean dryRun;

        @Option(names = "--comments", description = "keep approved comments (names, dates and text; never e-mail or IP addresses)")
        boolean comments;

        @Option(names = "--allow-address", paramLabel = "ADDRESS", split = ",",
                description = "a private or loopback address (or range) pictures may be fetched from")
        List<String> allowAddresses = new ArrayList<>();

        abstract ImportRequest.From from();

        @Override
        public Integer call() {
            if (!media.equals("download") && !media.equals("link")) {
                throw new ParameterException(spec.commandLine(), "error: --media " + media
                        + " is not a choice — fix: write --media download (fetch the pictures) or --media link (leave them on the old blog)");
            }
            ImportResult r = Lateral.importBlog(ImportRequest.of(from(), source, siteDir)
                    .withDownloadMedia(media.equals("download")).withDryRun(dryRun).withComments(comments)
                    .withAllowAddresses(allowAddresses));
            PrintWriter out = spec.commandLine().getOut();
            for (Problem w : r.warnings()) {
                out.println(w.format());
            }
            if (dryRun) {
                out.println(r.report());
            }
            r.summaryLines().forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "wordpress", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Import a WordPress export (Tools → Export → All content: a .xml file, WXR 1.0 to 1.2).")
    static final class WordPress extends Base {
        @Override
        ImportRequest.From from() {
            return ImportRequest.From.WORDPRESS;
        }
    }

    @Command(name = "blogger", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Import a Blogger export: the classic .xml backup, or Google Takeout's feed.atom (or its folder).")
    static final class Blogger extends Base {
        @Override
        ImportRequest.From from() {
            return ImportRequest.From.BLOGGER;
        }
    }

    @Command(name = "feed", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Import the posts of any RSS or Atom feed (a file or an address), for a blog with no export.")
    static final class Feed extends Base {
        @Override
        ImportRequest.From from() {
            return ImportRequest.From.FEED;
        }
    }
}
