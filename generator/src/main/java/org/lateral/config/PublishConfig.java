package org.lateral.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code publish:} section of {@code site.yaml}: where {@code lateral publish} sends the site
 * and whom it tells. Read (and checked, with positions) by {@link SiteConfigLoader}; used by the
 * {@code publish} package, and by the feed writers for {@link #websub()}.
 *
 * <pre>{@code
 * publish:
 *   to: https://github.com/arahman/cpd.git   # a git remote or a folder
 *   branch: gh-pages
 *   cname: cpd.my-school.example
 *   message: Publish my CPD journal
 *   websub: [https://websub.example/]
 *   webmentions: true
 * }</pre>
 *
 * @param to          a git remote ({@code https://…}, {@code git@…}, {@code ssh://…}, {@code file://…}) or a
 *                    folder (relative to the site folder); empty when not set
 * @param toLine      line of {@code to} in site.yaml (0 when not set), for messages about it
 * @param toColumn    column of {@code to}
 * @param branch      the branch of a git remote (default {@code gh-pages})
 * @param cname       the custom domain written to {@code CNAME}; empty keeps the branch's own
 * @param message     the commit message; empty for the default
 * @param websub      WebSub hubs announced in every feed and pinged after each publish
 * @param webmentions send Webmentions for the links that new and changed posts add or remove
 */
public record PublishConfig(Optional<String> to, int toLine, int toColumn, String branch, Optional<String> cname,
        Optional<String> message, List<String> websub, boolean webmentions) {

    /** The branch GitHub Pages publishes from. */
    public static final String DEFAULT_BRANCH = "gh-pages";

    /** No {@code publish:} section. */
    public static final PublishConfig NONE = new PublishConfig(Optional.empty(), 0, 0, DEFAULT_BRANCH,
            Optional.empty(), Optional.empty(), List.of(), false);

    /** Whether {@code name} can be a git branch name (no spaces, none of {@code ~ ^ : ? * [ \\ ..}). */
    public static boolean isValidBranch(String name) {
        return PublishConfigReader.validBranch(name);
    }

    public PublishConfig {
        Objects.requireNonNull(to, "to");
        branch = branch == null || branch.isBlank() ? DEFAULT_BRANCH : branch;
        Objects.requireNonNull(cname, "cname");
        Objects.requireNonNull(message, "message");
        websub = List.copyOf(websub);
    }
}
