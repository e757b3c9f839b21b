package org.lateral;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to publish, where, and how. Every setting left empty comes from site.yaml's {@code publish:}
 * section.
 *
 * @param siteDir        the folder holding site.yaml
 * @param output         where the clean build before publishing is written; {@code siteDir/public} when empty
 * @param to             a git remote or a folder (relative to the working folder); overrides {@code publish.to},
 *                       whose folders are relative to the site folder
 * @param branch         the git branch to publish to; overrides {@code publish.branch} (default gh-pages)
 * @param message        the commit message; overrides {@code publish.message}
 * @param noHistory      replace the branch with a single commit (force-pushed) instead of adding one
 * @param dryRun         build and work out what would change, but publish and send nothing
 * @param force          replace a non-empty folder that Lateral did not publish
 * @param allowAddresses private or loopback addresses (or CIDR ranges) pings and Webmentions may reach, on top
 *                       of site.yaml's {@code network: allow:} ({@link org.lateral.safety.AddressPolicy})
 * @param env            environment variables (the git token is read from {@code LATERAL_GIT_TOKEN})
 * @param now            the build's "now" and the commit's time
 */
public record PublishRequest(Path siteDir, Optional<Path> output, Optional<String> to, Optional<String> branch,
        Optional<String> message, boolean noHistory, boolean dryRun, boolean force, List<String> allowAddresses,
        Map<String, String> env, Instant now) {

    public PublishRequest {
        Objects.requireNonNull(siteDir, "siteDir");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(message, "message");
        allowAddresses = List.copyOf(allowAddresses);
        env = Map.copyOf(env);
        Objects.requireNonNull(now, "now");
    }

    /** Publishes {@code siteDir} as site.yaml says, now, with this process's environment. */
    public static PublishRequest of(Path siteDir) {
        return new PublishRequest(siteDir, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, false, false, List.of(), System.getenv(), Instant.now());
    }

    public PublishRequest withOutput(Path dir) {
        return new PublishRequest(siteDir, Optional.ofNullable(dir), to, branch, message, noHistory, dryRun, force,
                allowAddresses, env, now);
    }

    public PublishRequest withTo(String target) {
        return new PublishRequest(siteDir, output, Optional.ofNullable(target), branch, message, noHistory, dryRun,
                force, allowAddresses, env, now);
    }

    public PublishRequest withBranch(String name) {
        return new PublishRequest(siteDir, output, to, Optional.ofNullable(name), message, noHistory, dryRun, force,
                allowAddresses, env, now);
    }

    public PublishRequest withMessage(String text) {
        return new PublishRequest(siteDir, output, to, branch, Optional.ofNullable(text), noHistory, dryRun, force,
                allowAddresses, env, now);
    }

    public PublishRequest withNoHistory(boolean b) {
        return new PublishRequest(siteDir, output, to, branch, message, b, dryRun, force, allowAddresses, env, now);
    }

    public PublishRequest withDryRun(boolean b) {
        return new PublishRequest(siteDir, output, to, branch, message, noHistory, b, force, allowAddresses, env, now);
    }

    public PublishRequest withForce(boolean b) {
        return new PublishRequest(siteDir, output, to, branch, message, noHistory, dryRun, b, allowAddresses, env, now);
    }

    public PublishRequest withAllowAddresses(List<String> addresses) {
        return new PublishRequest(siteDir, output, to, branch, message, noHistory, dryRun, force, addresses, env, now);
    }

    public PublishRequest withEnv(Map<String, String> variables) {
        return new PublishRequest(siteDir, output, to, branch, message, noHistory, dryRun, force, allowAddresses,
                variables, now);
    }

    public PublishRequest withNow(Instant t) {
        return new PublishRequest(siteDir, output, to, branch, message, noHistory, dryRun, force, allowAddresses, env, t);
    }

    /** The build folder this request publishes from. */
    public Path outputDir() {
        return output.orElse(siteDir.resolve("public"));
    }
}
