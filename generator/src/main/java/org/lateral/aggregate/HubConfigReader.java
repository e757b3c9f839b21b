package org.lateral.aggregate;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.config.Fields;
import org.lateral.config.YamlNode;
import org.lateral.internal.Suggestions;
import org.lateral.safety.AddressPolicy;
import org.lateral.safety.UrlPolicy;

/**
 * Reads the {@code hub:} section of a hub's {@code site.yaml} into a {@link HubConfig}. Every
 * mistake is collected with its line and column (a typo in a key gets a "did you mean"), and all
 * of them are thrown together as one {@link LateralException}.
 *
 * <pre>{@code
 * hub:
 *   opml: members.opml              # a subscription list, relative to the hub's folder
 *   members:                        # and/or members listed here
 *     - { name: Ann Teacher, feed: https://ann.example/feed.xml, site: https://ann.example/ }
 *   timeout: 10                     # seconds per feed (10 s, 2.5, "500 ms")
 *   maxFeedSize: 5 MB               # bytes, or with KB / MB
 *   concurrency: 16
 *   userAgent: "…"
 *   cache: .lateral-cache           # outside the output folder
 *   perMemberCap: 3                 # entries of one member on a river page while others wait
 *   riverPages: 50                  # river pages kept (0: all); older entries stay on members' pages
 * }</pre>
 *
 * <p>A member's feed file that does not exist yet is not a configuration error (the sample network
 * builds its members' feeds in the same run); the health report says "file not found".
 */
public final class HubConfigReader {

    static final Set<String> KEYS = withEditorial(Set.of("opml", "members", "timeout", "maxFeedSize", "concurrency",
            "userAgent", "cache", "perMemberCap", "riverPages", "feedDeadline", "runDeadline", "mail"));

    /** The keys {@link EditorialReader} reads (topics, digest, river, curation…) are the hub's too. */
    private static Set<String> withEditorial(Set<String> keys) {
        Set<String> all = new HashSet<>(keys);
        all.addAll(EditorialReader.KEYS);
        return Set.copyOf(all);
    }
    static final Set<String> MEMBER_KEYS = Set.of("name", "feed", "site", "avatar", "licence", "excerptOnly",
            "topics", "id", "feedUrl", "calendar", "community");

    private static final Pattern SIZE = Pattern.compile("(?i)^\\s*(\\d+(?:\\.\\d+)?)\\s*(bytes?|b|kb|kib|mb|mib|gb|gib)?\\s*$");
    private static final Pattern TIME = Pattern.compile("(?i)^\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|sec|secs|seconds?)?\\s*$");

    private final Path hubDir;
    private final Path file;
    private final Fields fields;
    private final List<Problem> errors;
    private final List<Problem> warnings;
    private Path projectDir;
    private AddressPolicy addressPolicy = AddressPolicy.publicOnly();
    /** The cache folder when the section has no cache: key. */
    private Path defaultCache;

    private HubConfigReader(Path hubDir, Path file, List<Problem> warnings) {
        this.hubDir = hubDir.toAbsolutePath().normalize();
        this.projectDir = this.hubDir;
        this.defaultCache = this.hubDir.resolve(".lateral-cache");
        this.file = file;
        this.fields = new Fields(YamlNode.scalar(YamlNode.NULL, 0, 0), file);
        this.errors = fields.problems();
        this.warnings = warnings;
    }

    /**
     * Reads the hub's settings and members.
     *
     * @param hub      the raw {@code hub:} section ({@code SiteConfig.hub()})
     * @param hubDir   the hub's folder; relative paths are read from it
     * @param file     the config file as problems name it ({@code site.yaml})
     * @param output   the output folder of this run, which the cache must stay out of
     * @param hubUrl   the hub's address, named in the default User-Agent
     * @param warnings receives what does not stop the run (an OPML outline that was skipped)
     * @throws LateralException listing every error in the section
     */
    public static HubConfig read(Optional<YamlNode> hub, Path hubDir, Path file, Path output, URI hubUrl,
                                 List<Problem> warnings) {
        return read(hub, hubDir, file, output, hubUrl, warnings, hubDir, AddressPolicy.publicOnly());
    }

    /**
     * Like {@link #read(Optional, Path, Path, Path, URI, List)}.
     *
     * @param projectDir    local feed files must lie inside this folder (the hub's folder, or the
     *                      project it is part of, such as a Maven reactor of member sites and hub)
     * @param addressPolicy which network addresses the hub may fetch from ({@code network:} and
     *                      {@code --allow-address})
     */
    public static HubConfig read(Optional<YamlNode> hub, Path hubDir, Path file, Path output, URI hubUrl,
                                 List<Problem> warnings, Path projectDir, AddressPolicy addressPolicy) {
        return read(hub, hubDir, file, output, hubUrl, warnings, projectDir, addressPolicy,
                hubDir.resolve(".lateral-cache"));
    }

    /**
     * Like {@link #read(Optional, Path, Path, Path, URI, List, Path, AddressPolicy)}, with the fetch
     * cache in {@code defaultCache} unless the section's {@code cache:} names a folder (the Maven
     * plugin keeps it under {@code target/}).
     */
    public static HubConfig read(Optional<YamlNode> hub, Path hubDir, Path file, Path output, URI hubUrl,
                                 List<Problem> warnings, Path projectDir, AddressPolicy addressPolicy,
                                 Path defaultCache) {
        HubConfigReader reader = new HubConfigReader(hubDir, file, warnings);
        reader.projectDir = projectDir.toAbsolutePath().normalize();
        reader.addressPolicy = addressPolicy;
        reader.defaultCache = defaultCache.toAbsolutePath().normalize();
        return reader.read(hub, output.toAbsolutePath().normalize(), hubUrl);
    }

    private HubConfig read(Optional<YamlNode> section, Path output, URI hubUrl) {
        if (section.isEmpty() || section.get().isNull()) {
            throw new LateralException(Problem.error(file, 0, 0, "site.yaml has no hub: section, so there is nothing to aggregate",
                    "add a hub: section listing the members, e.g. hub: { members: [ { name: Ann, feed: https://ann.example/feed.xml } ] }"
                            + " or hub: { opml: members.opml }"));
        }
        YamlNode hub = section.get();
        if (!hub.isMap()) {
            throw new LateralException(Problem.error(file, hub.line(), hub.column(),
                    "hub: must hold settings such as members: and opml:, not a single value",
                    "write hub: on its own line and the settings indented below it"));
        }
        unknownKeys(hub, KEYS, "hub");
        List<Subscription> members = new ArrayList<>();
        Map<String, URI> publicFeeds = new HashMap<>();
        Map<String, YamlNode> idNodes = new HashMap<>();
        hub.get("members").ifPresent(m -> readMembers(m, members, publicFeeds, idNodes));
        Map<String, FeedLocation> calendars = new HashMap<>(memberCalendars);
        Map<String, FeedLocation> communities = new HashMap<>(memberCommunities);
        org.lateral.mail.MailConfig.read(hub.get("mail"), file, errors); // checked here too, so aggregate names its mistakes
        String opmlTitle = hub.get("opml").map(o -> readOpml(hub, members)).orElse("");
        if (members.isEmpty() && errors.isEmpty()) {
            errors.add(Problem.error(file, hub.line(), hub.column(), "the hub has no members",
                    "list them under members: (name and feed for each), or name an OPML file with opml: members.opml"));
        }

        Duration timeout = duration(hub, "timeout", HubSettings.DEFAULT_TIMEOUT);
        Duration feedDeadline = duration(hub, "feedDeadline", HubSettings.DEFAULT_FEED_DEADLINE, Duration.ofMinutes(30));
        Duration runDeadline = duration(hub, "runDeadline", HubSettings.DEFAULT_RUN_DEADLINE, Duration.ofHours(24));
        long maxFeedSize = size(hub, "maxFeedSize", HubSettings.DEFAULT_MAX_FEED_SIZE);
        int concurrency = fields.integer(hub, "concurrency", HubSettings.DEFAULT_CONCURRENCY, 1, 256);
        int perMemberCap = fields.integer(hub, "perMemberCap", HubConfig.DEFAULT_PER_MEMBER_CAP, 1, 1000);
        int riverPages = fields.integer(hub, "riverPages", HubConfig.DEFAULT_RIVER_PAGES, 0, 100_000);
        String userAgent = fields.text(hub, "userAgent").map(String::strip)
                .orElse(HubSettings.userAgentFor(Optional.of(hubUrl)));
        if (userAgent.isEmpty() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
            at(hub.get("userAgent").orElse(hub), "userAgent must be plain ASCII text on one line",
                    "name the hub and give its address, e.g. userAgent: \"Cwm Valley hub (+https://network.example/)\"");
            userAgent = HubSettings.userAgentFor(Optional.of(hubUrl));
        }
        Path cache = cache(hub, output);

        if (!errors.isEmpty()) {
            throw new LateralException(errors);
        }
        HubSettings settings = new HubSettings(timeout, maxFeedSize, concurrency, userAgent, cache,
                HubSettings.DEFAULT_MAX_ENTRIES_PER_FEED, feedDeadline, runDeadline, addressPolicy, 0);
        return new HubConfig(members, publicFeeds, settings, perMemberCap, riverPages, opmlTitle, calendars, communities);
    }

    private void readMembers(YamlNode list, List<Subscription> members, Map<String, URI> publicFeeds,
                             Map<String, YamlNode> idNodes) {
        if (list.isNull()) {
            return;
        }
        if (!list.isList()) {
            at(list, "members: must be a list, one member per line starting with a dash",
                    "write it as:\nmembers:\n  - { name: Ann Teacher, feed: https://ann.example/feed.xml }");
            return;
        }
        for (YamlNode m : list.asList()) {
            if (!m.isMap()) {
                at(m, "a member must have a name and a feed", "write it as: - { name: Ann Teacher, feed: https://ann.example/feed.xml }");
                continue;
            }
            unknownKeys(m, MEMBER_KEYS, "a member");
            member(m).ifPresent(s -> {
                YamlNode idNode = m.get("id").or(() -> m.get("name")).orElse(m);
                YamlNode first = idNodes.putIfAbsent(s.id(), idNode);
                if (first != null) {
                    at(idNode, "two members have the id \"" + s.id() + "\" (the first is on line " + first.line() + ")",
                            "give this member another name, or an id: of its own");
                    return;
                }
                members.add(s);
                m.get("feedUrl").ifPresent(u -> web(u, "feedUrl").ifPresent(uri -> publicFeeds.put(s.id(), uri)));
                m.get("calendar").filter(n -> !n.isNull()).ifPresent(c -> calendar(c).ifPresent(l -> memberCalendars.put(s.id(), l)));
                m.get("community").filter(n -> !n.isNull()).ifPresent(c -> community(c).ifPresent(l -> memberCommunities.put(s.id(), l)));
            });
        }
    }

    /** Each member's {@code calendar:}, by member id. */
    private final Map<String, FeedLocation> memberCalendars = new HashMap<>();

    /** Each member's {@code community:}, by member id. */
    private final Map<String, FeedLocation> memberCommunities = new HashMap<>();

    /** A member's {@code community:} file: a web address or a file in the project, as a feed may be. */
    private Optional<FeedLocation> community(YamlNode node) {
        String text = node.text().map(String::strip).orElse("");
        Optional<String> web = FeedLocation.looksLikeWebAddress(text, hubDir);
        if (text.isEmpty() || web.isPresent()) {
            at(node, "the community file \"" + text + "\" is not an address", "write the whole address, e.g. community: "
                    + web.orElse("https://ann.example/community.json"));
            return Optional.empty();
        }
        try {
            FeedLocation location = FeedLocation.parse(text, hubDir);
            if (location instanceof FeedLocation.Local local && !local.path().startsWith(projectDir)) {
                at(node, "the community file \"" + text + "\" is outside the hub's project, and the hub reads no files"
                        + " from elsewhere on this machine", "give the member's https:// address of community.json");
                return Optional.empty();
            }
            return Optional.of(location);
        } catch (IllegalArgumentException e) {
            at(node, e.getMessage(), "write the https:// address of the member's community.json");
            return Optional.empty();
        }
    }

    /** A member's {@code calendar:}: a web address or a file in the project, as a feed may be. */
    private Optional<FeedLocation> calendar(YamlNode node) {
        String text = node.text().map(String::strip).orElse("");
        Optional<String> web = FeedLocation.looksLikeWebAddress(text, hubDir);
        if (text.isEmpty() || web.isPresent()) {
            at(node, "the calendar \"" + text + "\" is not a calendar's address", "write the whole address, e.g. calendar: "
                    + web.orElse("https://school.example/events/calendar.ics"));
            return Optional.empty();
        }
        try {
            FeedLocation location = FeedLocation.parse(text, hubDir);
            if (location instanceof FeedLocation.Local local && !local.path().startsWith(projectDir)) {
                at(node, "the calendar file \"" + text + "\" is outside the hub's project, and the hub reads no files"
                        + " from elsewhere on this machine", "give the member's https:// calendar address");
                return Optional.empty();
            }
            return Optional.of(location);
        } catch (IllegalArgumentException e) {
            at(node, e.getMessage(), "write the calendar's https:// address, or a path to a .ics file");
            return Optional.empty();
        }
    }

    private Optional<Subscription> member(YamlNode m) {
        Optional<String> name = fields.text(m, "name").map(String::strip).filter(n -> !n.isEmpty());
        Optional<String> feed = fields.text(m, "feed").map(String::strip).filter(n -> !n.isEmpty());
        if (name.isEmpty()) {
            at(m, "a member has no name", "add name: with the member's name as the hub should show it");
        }
        if (feed.isEmpty()) {
            at(m, "the member " + name.map(n -> "\"" + n + "\" ").orElse("") + "has no feed",
                    "add feed: with the address of their RSS or Atom feed (or a path to a feed file)");
        }
        if (name.isEmpty() || feed.isEmpty()) {
            return Optional.empty();
        }
        FeedLocation location;
        YamlNode feedNode = m.get("feed").orElse(m);
        Optional<String> web = FeedLocation.looksLikeWebAddress(feed.get(), hubDir);
        if (web.isPresent()) {
            at(feedNode, "the feed \"" + feed.get() + "\" looks like a web address without https:// in front, so it"
                    + " would be read as a file on this machine", "write the whole address: feed: " + web.get());
            return Optional.empty();
        }
        try {
            location = FeedLocation.parse(feed.get(), hubDir);
        } catch (IllegalArgumentException e) {
            at(feedNode, e.getMessage(), "write the feed's https:// address, or a path to a feed file");
            return Optional.empty();
        }
        if (location instanceof FeedLocation.Local local && !local.path().startsWith(projectDir)) {
            at(feedNode, "the feed file \"" + feed.get() + "\" is outside "
                    + (projectDir.equals(hubDir) ? "the hub's folder" : "the project folder " + projectDir.getFileName())
                    + ", and the hub reads no files from elsewhere on this machine",
                    "copy the feed file into the hub's folder, or give the member's https:// feed address"
                            + aroundBoth(local.path()));
            return Optional.empty();
        }
        Subscription s = Subscription.of(name.get(), location);
        Optional<String> id = fields.text(m, "id").map(String::strip);
        if (id.isPresent()) {
            if (!id.get().equals(Subscription.slug(id.get()))) {
                at(m.get("id").get(), "the id \"" + id.get() + "\" is not a slug",
                        "use lower-case letters, digits and dashes, e.g. id: " + Subscription.slug(id.get()));
                return Optional.empty();
            }
            s = s.withId(id.get());
        }
        Optional<URI> site = m.get("site").flatMap(n -> web(n, "site"));
        if (site.isPresent()) {
            s = s.withSite(site.get());
        }
        Optional<URI> avatar = m.get("avatar").flatMap(n -> web(n, "avatar"));
        if (avatar.isPresent()) {
            s = s.withAvatar(avatar.get());
        }
        Optional<String> licence = fields.text(m, "licence").map(String::strip).filter(l -> !l.isEmpty());
        if (licence.isPresent()) {
            s = s.withLicence(licence.get());
        }
        return Optional.of(s.withExcerptOnly(fields.bool(m, "excerptOnly", false))
                .withTopics(m.get("topics").map(YamlNode::textList).orElse(List.of())));
    }

    private String readOpml(YamlNode hub, List<Subscription> members) {
        YamlNode node = hub.get("opml").get();
        Optional<String> raw = fields.text(hub, "opml").map(String::strip).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) {
            return "";
        }
        Path opml;
        try {
            opml = hubDir.resolve(raw.get()).normalize();
        } catch (InvalidPathException e) {
            at(node, "\"" + raw.get() + "\" is not a file path", "write the path of the OPML file, e.g. opml: members.opml");
            return "";
        }
        OpmlReader.Opml read;
        try {
            read = OpmlReader.read(opml);
        } catch (LateralException e) {
            for (Problem p : e.problems()) {
                errors.add(p.line() > 0 ? p.withFile(shown(opml)) : Problem.error(file, node.line(), node.column(),
                        p.message() + " (" + raw.get() + ")", p.hint()));
            }
            return "";
        }
        read.problems().forEach(p -> warnings.add(p.withFile(shown(opml))));
        Set<String> listed = new HashSet<>();
        members.forEach(s -> listed.add(s.feed().uri().toString()));
        Map<String, Subscription> fromOpml = new LinkedHashMap<>();
        for (Subscription s : read.subscriptions()) {
            String feed = s.feed().uri().toString();
            if (listed.contains(feed)) {
                warnings.add(Problem.warning(shown(opml), 0, 0, "\"" + s.name() + "\" is listed both in members: and in "
                        + raw.get() + "; the hub reads their feed once", "remove one of the two entries"));
            } else if (fromOpml.containsKey(feed)) {
                // a feed reader files one feed in several folders: one member, with every folder as a topic
                Subscription first = fromOpml.get(feed);
                List<String> topics = new ArrayList<>(first.topics());
                topics.addAll(s.topics());
                fromOpml.put(feed, first.withTopics(topics));
            } else {
                fromOpml.put(feed, s);
            }
        }
        Set<String> ids = new HashSet<>(members.stream().map(Subscription::id).toList());
        for (Subscription s : fromOpml.values()) {
            String id = s.id();
            for (int n = 2; !ids.add(id); n++) {
                id = s.id() + "-" + n;
            }
            members.add(s.withId(id));
        }
        return read.title();
    }

    private Path cache(YamlNode hub, Path output) {
        Optional<String> raw = fields.text(hub, "cache").map(String::strip).filter(s -> !s.isEmpty());
        YamlNode at = hub.get("cache").orElse(hub);
        Path cache;
        try {
            cache = raw.map(hubDir::resolve).orElse(defaultCache).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            at(at, "\"" + raw.orElse("") + "\" is not a folder path", "write a folder, e.g. cache: .lateral-cache");
            return defaultCache;
        }
        String fix = "keep the cache in a folder of its own outside the output, e.g. cache: .lateral-cache (the default)";
        if (cache.equals(hubDir) || hubDir.startsWith(cache)) {
            at(at, "the hub's cache folder " + cache + " is the hub's own folder or contains it", fix);
        } else if (cache.startsWith(output)) {
            at(at, "the hub's cache folder " + cache + " is inside the output folder " + output
                    + ", which is replaced at every run", fix);
        } else if (output.startsWith(cache)) {
            at(at, "the output folder " + output + " is inside the hub's cache folder " + cache, fix);
        }
        return cache;
    }

    private Duration duration(YamlNode hub, String key, Duration dflt) {
        return duration(hub, key, dflt, Duration.ofMinutes(10));
    }

    private Duration duration(YamlNode hub, String key, Duration dflt, Duration max) {
        Optional<YamlNode> node = hub.get(key).filter(n -> !n.isNull());
        if (node.isEmpty()) {
            return dflt;
        }
        Matcher m = TIME.matcher(node.get().text().orElse(""));
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(1));
            boolean millis = "ms".equalsIgnoreCase(m.group(2));
            long ms = amount.multiply(BigDecimal.valueOf(millis ? 1 : 1000)).longValue();
            if (ms >= 1 && ms <= max.toMillis()) {
                return Duration.ofMillis(ms);
            }
        }
        at(node.get(), key + " must be a number of seconds from 0.001 to " + max.toSeconds() + ", not \""
                        + node.get().value() + "\"",
                "write it as, e.g., " + key + ": 10 (seconds) or " + key + ": 500 ms");
        return dflt;
    }

    private long size(YamlNode hub, String key, long dflt) {
        Optional<YamlNode> node = hub.get(key).filter(n -> !n.isNull());
        if (node.isEmpty()) {
            return dflt;
        }
        Matcher m = SIZE.matcher(node.get().text().orElse(""));
        if (m.matches()) {
            String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
            long factor = unit.startsWith("k") ? 1024L : unit.startsWith("m") ? 1024L * 1024 : unit.startsWith("g")
                    ? 1024L * 1024 * 1024 : 1;
            long bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor)).longValue();
            if (bytes >= 1024 && bytes <= 1024L * 1024 * 1024) {
                return bytes;
            }
        }
        at(node.get(), key + " must be a size from 1 KB to 1 GB, not \"" + node.get().value() + "\"",
                "write it in bytes or with a unit, e.g. " + key + ": 5 MB");
        return dflt;
    }

    private Optional<URI> web(YamlNode node, String key) {
        Optional<URI> uri = node.text().map(String::strip).flatMap(UrlPolicy::parseWeb);
        if (uri.isEmpty() && !node.isNull()) {
            at(node, key + " \"" + node.text().orElse("") + "\" is not a web address",
                    "write the full address, starting with https://");
        }
        return uri;
    }

    private void unknownKeys(YamlNode map, Set<String> known, String where) {
        for (String key : map.asMap().keySet()) {
            if (known.contains(key)) {
                continue;
            }
            Optional<String> typo = Suggestions.closest(key, known);
            String message = "unknown setting \"" + key + "\" in " + where
                    + typo.map(t -> "; did you mean `" + t + "`?").orElse("");
            String hint = typo.map(t -> "rename it to " + t)
                    .orElse("use one of " + String.join(", ", known.stream().sorted().toList()));
            errors.add(Problem.error(file, map.keyLine(key), map.keyColumn(key), message, hint));
        }
    }

    private void at(YamlNode node, String message, String hint) {
        errors.add(Problem.error(file, node.line(), node.column(), message, hint));
    }

    private Path shown(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(hubDir) ? hubDir.relativize(abs) : abs;
    }

    /** ", or let the hub read files in a folder around both: lateral aggregate --project-dir …" */
    private String aroundBoth(Path file) {
        Path common = hubDir;
        int up = 0;
        while (common != null && !file.startsWith(common)) {
            common = common.getParent();
            up++;
        }
        if (common == null || common.getParent() == null || up > 2) {
            return ""; // only the root or a far-off folder holds both: never worth suggesting
        }
        Path shown = common;
        try {
            Path cwd = Path.of("").toAbsolutePath();
            shown = common.startsWith(cwd) && !common.equals(cwd) ? cwd.relativize(common) : common;
        } catch (RuntimeException e) {
            // the absolute folder then
        }
        return ", or let the hub read files in a folder around both: lateral aggregate --project-dir " + shown
                + " (Maven: -Dlateral.projectDir=" + shown + ")";
    }
}
