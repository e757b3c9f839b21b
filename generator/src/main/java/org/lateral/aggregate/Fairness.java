package org.lateral.aggregate;

/**
 * How the hub keeps one voice from drowning out the others ({@code hub.digest}, {@code hub.river},
 * {@code hub.joining}, {@code hub.migration} in {@code site.yaml}); applied by {@link Curator}.
 *
 * @param digestPerMember      at most this many of one member's posts in a week's digest, then
 *                             "and k more from …" (0: no limit)
 * @param riverPerMemberPerDay at most this many of one member's posts of one day (in the hub's time
 *                             zone) in the river; the others are on the member's page (0: no limit)
 * @param joinNewest           when a member joins a hub that has run before, only their newest this
 *                             many entries enter the river and digest; older ones are on their page
 * @param migrationThreshold   when more than this many entries a known feed never showed before are
 *                             dated before the newest entry the hub had seen from it, they are taken
 *                             for a blog migration: member's page only, and the health page says so
 */
public record Fairness(int digestPerMember, int riverPerMemberPerDay, int joinNewest, int migrationThreshold) {

    public static final int DEFAULT_DIGEST_PER_MEMBER = 5;
    public static final int DEFAULT_JOIN_NEWEST = 3;
    public static final int DEFAULT_MIGRATION_THRESHOLD = 5;

    /** The documented defaults: 5 a member in the digest, no daily river cap, 3 on joining, more than 5 for a migration. */
    public static final Fairness DEFAULT = new Fairness(DEFAULT_DIGEST_PER_MEMBER, 0, DEFAULT_JOIN_NEWEST,
            DEFAULT_MIGRATION_THRESHOLD);

    public Fairness {
        if (digestPerMember < 0 || riverPerMemberPerDay < 0 || joinNewest < 0 || migrationThreshold < 0) {
            throw new IllegalArgumentException("fairness limits are 0 or more");
        }
    }
}
