package org.lateral;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a publish did.
 *
 * @param build     the clean build that was published
 * @param target    where to, as shown to the user (a git address never shows a token)
 * @param git       true for a git remote, false for a folder
 * @param branch    the branch of a git remote; empty for a folder
 * @param dryRun    nothing was published or sent: the result says what would have been
 * @param published something changed and was pushed or written
 * @param commit    the new commit's id (abbreviated) on a git remote
 * @param retried   the first push was rejected (someone else published meanwhile) and the second succeeded
 * @param changes   files added, changed and removed compared with what was published before
 * @param notices   WebSub pings and Webmentions, one line each (what was sent, or would be in a dry run)
 * @param warnings  pings and Webmentions that failed, and the build's warnings; never fatal
 */
public record PublishResult(BuildResult build, String target, boolean git, Optional<String> branch, boolean dryRun,
        boolean published, Optional<String> commit, boolean retried, Changes changes, List<String> notices,
        List<Problem> warnings) {

    public PublishResult {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(changes, "changes");
        notices = List.copyOf(notices);
        warnings = List.copyOf(warnings);
    }

    /** Paths (forward slashes, relative to the site's root) that differ from the previous publish. */
    public record Changes(List<String> added, List<String> modified, List<String> removed) {
        public static final Changes NONE = new Changes(List.of(), List.of(), List.of());

        public Changes {
            added = List.copyOf(added);
            modified = List.copyOf(modified);
            removed = List.copyOf(removed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
        }

        public int count() {
            return added.size() + modified.size() + removed.size();
        }
    }

    /** The lines the command line and the Maven plugin print after a publish. */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        String where = target + branch.map(b -> " (branch " + b + ")").orElse("");
        String counts = changes.added().size() + " added, " + changes.modified().size() + " changed, "
                + changes.removed().size() + " removed";
        if (changes.isEmpty()) {
            lines.add("Nothing to publish: " + where + " already holds this site.");
        } else if (dryRun) {
            lines.add("Dry run: publishing to " + where + " would change " + changes.count()
                    + (changes.count() == 1 ? " file (" : " files (") + counts + "); nothing was published.");
        } else {
            lines.add("Published to " + where + commit.map(c -> " as commit " + c).orElse("") + ": " + counts
                    + (retried ? " (someone else had just published, so Lateral published on top of it)" : "") + ".");
        }
        lines.addAll(notices);
        return lines;
    }
}
