package org.lateral.publish;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.PublishRequest;
import org.lateral.PublishResult;
import org.lateral.PublishResult.Changes;
import org.lateral.config.PublishConfig;
import org.lateral.config.SiteConfig;
import org.lateral.config.SiteConfigLoader;
import org.lateral.safety.AddressPolicy;

/**
 * A publish from start to end: the target and branch (request first, then site.yaml), a clean build
 * (a failed build throws, and nothing is published), the git or folder publish, then the WebSub pings
 * and Webmentions for what changed. Pings and mentions never fail a publish: they come back as
 * warnings.
 */
public final class Publisher {

    static final Duration HTTP_DEADLINE = Duration.ofSeconds(10);

    private Publisher() {
    }

    /** See {@link Lateral#publish}. */
    public static PublishResult publish(PublishRequest request) {
        return publish(request, attempt -> { });
    }

    /** As {@link #publish(PublishRequest)}; {@code beforePush} runs just before each git push (tests). */
    static PublishResult publish(PublishRequest request, java.util.function.IntConsumer beforePush) {
        Path siteDir = request.siteDir().toAbsolutePath().normalize();
        SiteConfig config = SiteConfigLoader.load(siteDir, new ArrayList<>());
        PublishConfig settings = config.publish();
        Path yaml = Path.of(SiteConfigLoader.find(siteDir).map(p -> p.getFileName().toString()).orElse("site.yaml"));
        boolean fromYaml = request.to().isEmpty();
        String to = request.to().or(settings::to).orElseThrow(() -> new LateralException(Problem.error(yaml, 0, 0,
                "there is nowhere to publish the site to",
                "add to site.yaml:\npublish:\n  to: https://github.com/you/your-blog.git\n"
                        + "(or a folder such as /var/www/cpd), or run: lateral publish --to ADDRESS")));
        String branch = request.branch().map(String::strip).orElse(settings.branch());
        if (!PublishConfig.isValidBranch(branch)) {
            throw new LateralException(Problem.general("\"" + branch + "\" cannot be the name of a git branch",
                    "use a name without spaces or any of ~ ^ : ? * [ \\ .., such as gh-pages"));
        }
        // a folder in site.yaml is relative to the site; one given on the command line, to where it was typed
        AddressCheck addresses = AddressCheck.of(addressPolicy(config, request));
        PublishTarget target = PublishTarget.parse(to, fromYaml ? siteDir : Path.of("").toAbsolutePath());
        if (target instanceof PublishTarget.Git git && git.isSsh()) {
            String message = "SSH addresses such as " + git.shown() + " are not supported yet";
            String fix = "use the repository's https:// address and put a token in the environment variable "
                    + GitCredentials.TOKEN + " (see Publishing in the README)";
            throw new LateralException(fromYaml
                    ? Problem.error(yaml, settings.toLine(), settings.toColumn(), message, fix)
                    : Problem.general(message, fix));
        }

        BuildResult build = Lateral.build(BuildRequest.of(siteDir).withOutput(request.outputDir()).withNow(request.now()));
        Path site = build.output();
        Predicate<String> keepOld = settings.webmentions() ? p -> p.endsWith(".html") : p -> false;
        List<Problem> warnings = new ArrayList<>(build.warnings());

        Changes changes;
        Optional<String> commit = Optional.empty();
        boolean retried = false;
        Map<String, byte[]> previous;
        String shown;
        if (target instanceof PublishTarget.Git git) {
            GitCredentials credentials = new GitCredentials(request.env(), git.url());
            shown = git.shown();
            Source source = Source.of(siteDir);
            String message = request.message().or(settings::message)
                    .orElse("Publish " + config.title() + source.commit.map(c -> " from " + c).orElse(""));
            GitPublisher.Settings s = new GitPublisher.Settings(git.url(), shown, branch,
                    settings.cname(), message, !request.noHistory(), request.dryRun(),
                    GitPublisher.ident(source.name, source.email, request.now()), credentials);
            GitPublisher.Outcome o = new GitPublisher(s).beforePush(beforePush).publish(site, keepOld);
            changes = o.changes();
            commit = o.commit();
            retried = o.retried();
            previous = o.previous();
        } else {
            Path folder = ((PublishTarget.Folder) target).dir();
            if (settings.cname().isPresent()) {
                warnings.add(Problem.warning(yaml, 0, 0, "publish.cname is only written to git branches (GitHub"
                        + " and GitLab Pages); a folder's web server is set up for its domain on its own",
                        "remove cname: from publish:, or put a CNAME file in static/ if your host wants one"));
            }
            shown = folder.toString();
            FolderPublisher.Outcome o = FolderPublisher.publish(site, folder, siteDir, request.force(),
                    request.dryRun(), keepOld);
            changes = o.changes();
            previous = o.previous();
        }

        List<String> notices = new ArrayList<>();
        List<String> feeds = settings.websub().isEmpty() ? List.of() : WebSub.changedFeeds(changes, config.baseUrl());
        List<WebmentionState.Mention> due = settings.webmentions()
                ? Webmentions.due(changes, site, previous, config.baseUrl()) : List.of();
        if (request.dryRun()) {
            for (String hub : feeds.isEmpty() ? List.<String>of() : settings.websub()) {
                notices.add("WebSub: would tell " + hub + " about " + feeds.size()
                        + (feeds.size() == 1 ? " feed." : " feeds."));
            }
            due.forEach(m -> notices.add("Webmention: would tell " + m.target() + " that " + m.source()
                    + (m.linked() ? " links to it." : " no longer links to it.")));
        } else {
            Http http = new Http(addresses, HTTP_DEADLINE);
            if (!feeds.isEmpty()) {
                notices.addAll(WebSub.ping(http, settings.websub(), feeds, warnings));
            }
            if (settings.webmentions()) {
                // mentions that failed last time are tried again even when nothing changed
                WebmentionState state = WebmentionState.load(siteDir);
                if (!due.isEmpty() || !state.pending().isEmpty()) {
                    notices.addAll(Webmentions.send(http, due, state, warnings));
                    state.save();
                }
            }
        }
        boolean published = !request.dryRun() && !changes.isEmpty();
        return new PublishResult(build, shown, target instanceof PublishTarget.Git,
                target instanceof PublishTarget.Git ? Optional.of(branch) : Optional.empty(), request.dryRun(),
                published, commit, retried, changes, notices, warnings);
    }

    /** site.yaml's {@code network: allow:} and the request's own ({@code --allow-address}), as the hub's. */
    private static AddressPolicy addressPolicy(SiteConfig config, PublishRequest request) {
        return config.network().policyAllowing(request.allowAddresses());
    }

    /** The site's own repository, read only: who publishes (user.name, user.email) and from which commit. */
    private record Source(String name, String email, Optional<String> commit) {
        static Source of(Path siteDir) {
            FileRepositoryBuilder finder = new FileRepositoryBuilder().findGitDir(siteDir.toFile());
            File gitDir = finder.getGitDir();
            if (gitDir == null) {
                return new Source("Lateral", "lateral@localhost", Optional.empty());
            }
            try (Repository repo = finder.setMustExist(true).build()) {
                String name = Optional.ofNullable(repo.getConfig().getString("user", null, "name")).orElse("Lateral");
                String email = Optional.ofNullable(repo.getConfig().getString("user", null, "email"))
                        .orElse("lateral@localhost");
                ObjectId head = repo.resolve(Constants.HEAD);
                return new Source(name, email, Optional.ofNullable(head).map(h -> h.abbreviate(7).name()));
            } catch (java.io.IOException | RuntimeException e) {
                return new Source("Lateral", "lateral@localhost", Optional.empty());
            }
        }
    }

}
