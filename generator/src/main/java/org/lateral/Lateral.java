package org.lateral;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.lateral.pipeline.HubBuilder;
import org.lateral.pipeline.SiteBuilder;
import org.lateral.publish.Publisher;
import org.lateral.scaffold.Scaffolder;
import org.lateral.serve.PreviewServer;

/**
 * The one door into Lateral, shared by the command line, the Maven plugin and the tests. Each
 * capability is a static method taking a request and returning a result; problems in the user's
 * input come back as a {@link LateralException} listing every {@link Problem} found.
 *
 * <pre>{@code
 * BuildResult r = Lateral.build(BuildRequest.of(Path.of("my-cpd-blog")));
 * System.out.println(r.posts() + " posts written to " + r.output());
 * }</pre>
 *
 * <p>Thread-safe: builds share no state, so several sites can be built at once.
 */
public final class Lateral {

    private Lateral() {
    }

    /**
     * Builds a site into its output folder, atomically: on any error nothing is written and the
     * previous output is left as it was.
     *
     * @throws LateralException listing every problem in the site's content, config or templates
     */
    public static BuildResult build(BuildRequest request) {
        return SiteBuilder.build(request);
    }

    /**
     * A session for building the same site many times in one process (a preview server, tests,
     * a benchmark): rebuilds re-render only what changed. {@link #build} is a session of one build.
     */
    public static BuildSession session() {
        return new BuildSession();
    }

    /**
     * Starts a preview of a site on this computer: builds it (drafts and scheduled posts shown,
     * unless asked not to) into a private folder, never the site's {@code public/}, serves the last
     * good build under {@code baseUrl}'s path, watches the site's files and rebuilds what an edit
     * affects, and tells open pages to reload (or to show the problems over the page) through
     * server-sent events on the same address. Returns once the first build is done and the server
     * is listening; a first build with problems still starts, showing them as the page.
     *
     * <pre>{@code
     * try (Preview p = Lateral.serve(ServeRequest.of(Path.of("my-cpd-blog")))) {
     *     p.awaitStop();
     * }
     * }</pre>
     *
     * @throws LateralException when the site folder has no site.yaml, or the port is taken
     */
    public static Preview serve(ServeRequest request) {
        return PreviewServer.start(request);
    }

    /**
     * Runs a hub: fetches every member's feed, merges and sanitises their entries, and builds the
     * hub's pages, feeds, digest, blogroll and feed-health report into its output folder,
     * atomically. Feeds that fail are reported in the result, not thrown: their members keep the
     * entries of their last good fetch. When no feed at all could be read, nothing is written
     * ({@link AggregateResult#written()} is false) and the previous hub is left as it was.
     *
     * <pre>{@code
     * AggregateResult r = Lateral.aggregate(AggregateRequest.of(Path.of("hub")));
     * r.report().failures().forEach(f -> System.out.println(f.format()));
     * }</pre>
     *
     * @throws LateralException listing every problem in the hub's site.yaml (its hub: section
     *                          included), content or templates
     */
    public static AggregateResult aggregate(AggregateRequest request) {
        return HubBuilder.aggregate(request);
    }

    /**
     * E-mails the latest digest of a hub built by {@link #aggregate} through its {@code hub.mail}
     * settings ({@code lateral digest send}, {@code mvn lateral:digest-send}); a week already sent
     * needs {@link DigestSendRequest#again()}.
     *
     * @throws LateralException for every problem found before anything is sent, or when the mail server refuses
     */
    public static DigestSendResult sendDigest(DigestSendRequest request) {
        return org.lateral.mail.DigestSender.send(request);
    }

    /**
     * Publishes a site: a clean build first (on any problem nothing is published), then the output as
     * the whole tree of a git branch (default {@code gh-pages}, through JGit, no checkout) or into a
     * folder (replaced atomically where it can be), then WebSub pings and Webmentions for what changed.
     * A site that did not change makes no commit and sends nothing.
     *
     * <pre>{@code
     * PublishResult r = Lateral.publish(PublishRequest.of(Path.of("my-cpd-blog")).withTo("https://github.com/me/cpd.git"));
     * r.summaryLines().forEach(System.out::println);
     * }</pre>
     *
     * @throws LateralException for problems in the site, in its publish: settings, or with the target
     *                          (unreachable, refused, someone else publishing at the same time)
     */
    public static PublishResult publish(PublishRequest request) {
        return Publisher.publish(request);
    }

    /**
     * Imports a blog (a WordPress or Blogger export, or any RSS/Atom feed) into a site folder, creating
     * the site when the folder has no {@code site.yaml}: posts and pages with their front matter, pictures
     * fetched into each post's folder, old addresses kept as {@code aliases:} and old feed ids as
     * {@code guid:}; drafts, private and password-protected posts stay drafts. Writes
     * {@code import-report.md}. Importing the same export again updates the same files.
     *
     * <pre>{@code
     * ImportResult r = Lateral.importBlog(ImportRequest.of(ImportRequest.From.WORDPRESS, "export.xml", Path.of("my-blog")));
     * r.summaryLines().forEach(System.out::println);
     * }</pre>
     *
     * @throws LateralException for a malformed or unreadable export (at its line; nothing is written) or a
     *                          broken site.yaml in an existing site
     */
    public static ImportResult importBlog(ImportRequest request) {
        return org.lateral.importer.Importer.run(request);
    }

    /**
     * Checks a site as it would be published, without writing anything: links to pages, files and
     * pictures that do not exist (with the nearest address that does), to drafts and scheduled posts,
     * to {@code #anchors} not on their page; links without text and pictures without a description;
     * and warnings (vague link text, heading levels that jump, large or {@code http:} pictures). With
     * {@link CheckRequest#external()}, outside links too. Each finding names the Markdown file and
     * line the teacher wrote, or the template or setting a problem comes from, once.
     *
     * <pre>{@code
     * CheckResult r = Lateral.check(CheckRequest.of(Path.of("my-cpd-blog")));
     * System.out.print(r.report(CheckResult.Format.TEXT));
     * }</pre>
     *
     * @throws LateralException when the site does not build (every problem, as {@link #build} reports them)
     */
    public static CheckResult check(CheckRequest request) {
        return org.lateral.check.Checker.check(request);
    }

    /** Creates a starter site with two example posts and an about page; returns the files written. */
    public static List<Path> newSite(Path dir, String title) {
        return newSite(dir, title, Caller.COMMAND_LINE);
    }

    /**
     * As {@link #newSite(Path, String)}, with fixes in messages in the words of {@code caller}. The
     * folder may be new, empty, or hold only a project's own files ({@code pom.xml}, {@code .git},
     * {@code .mvn}, a README): a site can start beside its pom.
     */
    public static List<Path> newSite(Path dir, String title, Caller caller) {
        return Scaffolder.newSite(dir, title, Instant.now().atZone(ZoneId.of("Europe/London")), caller);
    }

    /**
     * As {@link #newSite(Path, String)}, plus a GitHub Actions workflow that builds and publishes the
     * site to GitHub Pages at every push ({@code .github/workflows/publish.yml}) and a {@code .gitignore}.
     */
    public static List<Path> newSite(Path dir, String title, boolean githubPages) {
        if (!githubPages) {
            return newSite(dir, title);
        }
        return Scaffolder.newGitHubPagesSite(dir, title, Instant.now().atZone(ZoneId.of("Europe/London")), version());
    }

    /**
     * As {@link #newSite(Path, String, boolean)}, with one of the themes Lateral ships ({@code default},
     * {@code school}: then site.yaml has its options to fill in, the school's name and crest).
     */
    public static List<Path> newSite(Path dir, String title, boolean githubPages, String theme) {
        Scaffolder.checkStarterTheme(theme);
        List<Path> written = newSite(dir, title, githubPages);
        Scaffolder.useStarterTheme(dir, theme);
        return written;
    }

    /**
     * As {@link #newSite(Path, String, Caller)}, with one of the themes Lateral ships ({@code default},
     * {@code school}); an unknown theme is refused, naming the themes there are, before anything is written.
     */
    public static List<Path> newSite(Path dir, String title, Caller caller, String theme) {
        Scaffolder.checkStarterTheme(theme, caller);
        List<Path> written = newSite(dir, title, caller);
        Scaffolder.useStarterTheme(dir, theme);
        return written;
    }

    /** Creates {@code content/posts/<slug>.md} in a site, dated now; returns its path. */
    public static Path newPost(Path siteDir, String title) {
        return newPost(siteDir, title, Caller.COMMAND_LINE);
    }

    /** As {@link #newPost(Path, String)}, with fixes in messages in the words of {@code caller}. */
    public static Path newPost(Path siteDir, String title, Caller caller) {
        return Scaffolder.newPost(siteDir, title, Instant.now(), caller);
    }

    /**
     * Creates a post dated now; with {@code bundle}, as a folder for the post and its pictures
     * ({@code content/posts/<yyyy-mm-dd>-<slug>/index.md}). Returns the Markdown file's path.
     */
    public static Path newPost(Path siteDir, String title, boolean bundle) {
        return newPost(siteDir, title, Caller.COMMAND_LINE, bundle);
    }

    /** As {@link #newPost(Path, String, boolean)}, with fixes in messages in the words of {@code caller}. */
    public static Path newPost(Path siteDir, String title, Caller caller, boolean bundle) {
        return Scaffolder.newPost(siteDir, title, Instant.now(), caller, bundle);
    }

    /**
     * One academic year of a site's professional-learning record ({@code lateral cpd}): as text, CSV
     * or JSON, with the private records when asked, for the terminal or a file outside any output
     * folder. Mistakes in records come back as a {@link LateralException}.
     */
    public static CpdResult cpd(CpdRequest request) {
        return org.lateral.pipeline.RecordReport.run(request);
    }

    /**
     * Creates a reflection dated now, with the stages of {@code model} as its headings
     * ({@code lateral new reflection "Title" --model gibbs}); returns the Markdown file's path.
     */
    public static Path newReflection(Path siteDir, String title, String model, Caller caller) {
        return Scaffolder.newReflection(siteDir, title, model, Instant.now(), caller);
    }

    /**
     * Creates {@code content/events/<date>-<slug>.md} from the event archetype (the site's
     * {@code archetypes/event.md}, the theme's, else Lateral's), a week from now, ready to build.
     */
    public static Path newEvent(Path siteDir, String title, Caller caller) {
        return Scaffolder.newEvent(siteDir, title, Instant.now(), caller);
    }

    /** The reflective models a site can use (Lateral's and its own {@code data/reflections/}), by id. */
    public static java.util.Map<String, org.lateral.cpd.ReflectionModel> reflectionModels(Path siteDir) {
        return Scaffolder.reflectionModels(siteDir);
    }

    /** Lateral's version, from the jar's manifest ({@code dev} when run from classes). */
    public static String version() {
        String v = Lateral.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Which build of Lateral this is, from {@code org/lateral/build.properties} (written by the
     * generator's Maven build): {@code "commit 1a2b3c4, built 2026-12-02T03:10Z"}, the commit left out
     * when the build had no git, {@code "unknown build"} when the file is absent.
     */
    public static String build() {
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = Lateral.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (java.io.IOException e) {
            return "unknown build";
        }
        List<String> parts = new java.util.ArrayList<>();
        String commit = p.getProperty("commit", "").strip();
        if (!commit.isEmpty() && !commit.startsWith("${")) {
            parts.add("commit " + commit);
        }
        String built = p.getProperty("built", "").strip();
        if (!built.isEmpty() && !built.startsWith("${")) {
            parts.add("built " + built);
        }
        return parts.isEmpty() ? "unknown build" : String.join(", ", parts);
    }
}
