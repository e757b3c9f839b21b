package org.lateral.aggregate;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.config.Fields;
import org.lateral.config.Yaml;
import org.lateral.config.YamlNode;
import org.lateral.internal.Suggestions;
import org.lateral.safety.UrlPolicy;

/**
 * Reads the editorial settings of a hub's {@code hub:} section into an {@link EditorialConfig}, and
 * the curation file it names. Mistakes in values are positioned errors, thrown together; an
 * unknown key inside {@code digest:}, {@code river:}, {@code joining:} or {@code migration:}, and a
 * member's topic that looks like a misspelt hub topic, are positioned warnings (with "did you mean");
 * a member's topic far from every hub topic is their own (the members page lists it).
 *
 * <pre>{@code
 * hub:
 *   topics:
 *     "Retrieval practice": [retrieval, retrieval-practice, "retrieval practice", adalw]
 *   digest: { perMember: 3 }
 *   river: { perMemberPerDay: 2 }
 *   joining: { newest: 3 }
 *   migration: { threshold: 5 }
 *   curation: curation.yaml
 *   noindex: true
 *   contact: organiser@network.example
 * }</pre>
 */
public final class EditorialReader {

    /** The {@code hub:} keys this reader owns (HubConfigReader accepts them). */
    public static final Set<String> KEYS = Set.of("topics", "digest", "river", "joining", "migration", "curation",
            "noindex", "contact");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

    private final Path hubDir;
    private final Path file;
    private final Fields fields;
    private final List<Problem> errors;
    private final List<Problem> warnings;

    private EditorialReader(Path hubDir, Path file, List<Problem> warnings) {
        this.hubDir = hubDir.toAbsolutePath().normalize();
        this.file = file;
        this.fields = new Fields(YamlNode.scalar(YamlNode.NULL, 0, 0), file);
        this.errors = fields.problems();
        this.warnings = warnings;
    }

    /**
     * @param hub      the raw {@code hub:} section
     * @param hubDir   the hub's folder (the curation file is read from it)
     * @param file     the config file as problems name it ({@code site.yaml})
     * @param warnings receives what does not stop the run
     * @throws LateralException listing every error
     */
    public static EditorialConfig read(Optional<YamlNode> hub, Path hubDir, Path file, List<Problem> warnings) {
        if (hub.isEmpty() || !hub.get().isMap()) {
            return EditorialConfig.DEFAULT;
        }
        return new EditorialReader(hubDir, file, warnings).read(hub.get());
    }

    private EditorialConfig read(YamlNode hub) {
        HubTopics topics = hub.get("topics").filter(n -> !n.isNull()).map(this::topics).orElse(HubTopics.NONE);
        int perMember = section(hub, "digest", Set.of("perMember"))
                .map(d -> fields.integer(d, "perMember", Fairness.DEFAULT_DIGEST_PER_MEMBER, 0, 1000))
                .orElse(Fairness.DEFAULT_DIGEST_PER_MEMBER);
        int perDay = section(hub, "river", Set.of("perMemberPerDay"))
                .map(d -> fields.integer(d, "perMemberPerDay", 0, 0, 1000)).orElse(0);
        int newest = section(hub, "joining", Set.of("newest"))
                .map(d -> fields.integer(d, "newest", Fairness.DEFAULT_JOIN_NEWEST, 0, 1000))
                .orElse(Fairness.DEFAULT_JOIN_NEWEST);
        int threshold = section(hub, "migration", Set.of("threshold"))
                .map(d -> fields.integer(d, "threshold", Fairness.DEFAULT_MIGRATION_THRESHOLD, 0, 100_000))
                .orElse(Fairness.DEFAULT_MIGRATION_THRESHOLD);
        boolean noindex = fields.bool(hub, "noindex", true);
        Optional<URI> contact = hub.get("contact").filter(n -> !n.isNull()).flatMap(this::contact);
        Curation curation = fields.text(hub, "curation").map(String::strip).filter(s -> !s.isEmpty())
                .map(p -> curation(p, hub.get("curation").get())).orElse(Curation.NONE);
        List<EditorialConfig.Declared> declared = declared(hub);
        if (!errors.isEmpty()) {
            throw new LateralException(errors);
        }
        if (!topics.isEmpty()) {
            warnUnknownTopics(topics, declared);
        }
        return new EditorialConfig(topics, new Fairness(perMember, perDay, newest, threshold), curation, noindex,
                contact, declared);
    }

    private HubTopics topics(YamlNode node) {
        if (!node.isMap()) {
            at(node, "topics: must list each topic with the tags that mean it, not a single value",
                    "write it as:\ntopics:\n  \"Retrieval practice\": [retrieval, retrieval-practice, \"retrieval practice\"]");
            return HubTopics.NONE;
        }
        Map<String, List<String>> vocabulary = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.asMap().entrySet()) {
            String name = e.getKey().strip();
            YamlNode value = e.getValue();
            if (name.isEmpty() || HubTopics.normalise(name).isEmpty()) {
                errors.add(Problem.error(file, node.keyLine(e.getKey()), node.keyColumn(e.getKey()),
                        "a topic has no name", "write the topic's name before the colon, e.g. \"Oracy\": [oracy, talk]"));
                continue;
            }
            if (value.isMap()) {
                at(value, "the topic \"" + name + "\" must list the tags that mean it, not settings",
                        "write them in brackets, e.g. \"" + name + "\": [" + HubTopics.normalise(name) + "]");
                continue;
            }
            if (value.isList() && value.asList().stream().anyMatch(n -> !n.isScalar())) {
                at(value, "the tags of the topic \"" + name + "\" must be words, not lists or settings",
                        "write them in brackets separated by commas, e.g. [retrieval, \"retrieval practice\"]");
                continue;
            }
            List<String> synonyms = value.textList();
            List<String> tags = new ArrayList<>(List.of(name));
            tags.addAll(synonyms);
            for (String tag : tags) {
                String key = HubTopics.normalise(tag);
                String other = seen.putIfAbsent(key, name);
                if (other != null && !other.equals(name)) {
                    warnings.add(Problem.warning(file, value.line(), value.column(), "the tag \"" + tag
                            + "\" means both \"" + other + "\" and \"" + name + "\"; posts carrying it are on both topics' pages",
                            "keep the tag under one topic only, unless it really means both"));
                }
            }
            vocabulary.put(name, synonyms);
        }
        return HubTopics.of(vocabulary);
    }

    /** A sub-section such as {@code digest:}; unknown keys in it are warnings. */
    private Optional<YamlNode> section(YamlNode hub, String key, Set<String> known) {
        Optional<YamlNode> node = hub.get(key).filter(n -> !n.isNull());
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!node.get().isMap()) {
            String example = known.iterator().next();
            at(node.get(), key + ": must hold settings, not a single value",
                    "write it as " + key + ": { " + example + ": 3 }");
            return Optional.empty();
        }
        for (String k : node.get().asMap().keySet()) {
            if (!known.contains(k)) {
                Optional<String> typo = Suggestions.closest(k, known);
                warnings.add(Problem.warning(file, node.get().keyLine(k), node.get().keyColumn(k),
                        "unknown setting \"" + k + "\" in hub." + key + typo.map(t -> "; did you mean `" + t + "`?").orElse("")
                                + "; it is ignored",
                        typo.map(t -> "rename it to " + t).orElse("use " + String.join(", ", known.stream().sorted().toList()))));
            }
        }
        return node;
    }

    private Optional<URI> contact(YamlNode node) {
        String text = node.text().map(String::strip).orElse("");
        if (text.startsWith("mailto:")) {
            text = text.substring("mailto:".length());
        }
        if (EMAIL.matcher(text).matches()) {
            try {
                return Optional.of(new URI("mailto", text, null));
            } catch (java.net.URISyntaxException e) {
                // falls through to the error below
            }
        }
        Optional<URI> web = UrlPolicy.parseWeb(text);
        if (web.isEmpty()) {
            at(node, "contact \"" + text + "\" is neither an e-mail address nor a web address",
                    "write the organiser's e-mail address (contact: organiser@network.example) or a page's https:// address");
        }
        return web;
    }

    private Curation curation(String raw, YamlNode node) {
        Path path;
        try {
            path = hubDir.resolve(raw).normalize();
        } catch (InvalidPathException e) {
            at(node, "\"" + raw + "\" is not a file path", "write the path of the curation file, e.g. curation: curation.yaml");
            return Curation.NONE;
        }
        Path shown = path.startsWith(hubDir) ? hubDir.relativize(path) : path;
        if (!path.startsWith(hubDir)) {
            at(node, "the curation file \"" + raw + "\" is outside the hub's folder", "keep it in the hub's folder, e.g. curation: curation.yaml");
            return Curation.NONE;
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            at(node, "the curation file " + raw + " does not exist", "create " + raw + " (with hide: and feature: lists) or remove curation: from site.yaml");
            return Curation.NONE;
        } catch (IOException e) {
            at(node, "the curation file " + raw + " could not be read: " + e.getMessage(), "check that the file can be read");
            return Curation.NONE;
        }
        YamlNode root;
        try {
            root = Yaml.parse(text, shown, 1);
        } catch (Yaml.YamlException e) {
            errors.add(e.problem());
            return Curation.NONE;
        }
        if (root.isNull()) {
            return new Curation(Optional.of(shown), List.of(), List.of());
        }
        if (!root.isMap()) {
            errors.add(Problem.error(shown, root.line(), root.column(), "the curation file must hold hide: and feature: lists",
                    "write it as:\nhide:\n  - { link: https://…, reason: \"…\" }\nfeature:\n  - https://…"));
            return Curation.NONE;
        }
        for (String k : root.asMap().keySet()) {
            if (!Set.of("hide", "feature").contains(k)) {
                Optional<String> typo = Suggestions.closest(k, Set.of("hide", "feature"));
                errors.add(Problem.error(shown, root.keyLine(k), root.keyColumn(k), "unknown list \"" + k
                        + "\" in the curation file" + typo.map(t -> "; did you mean `" + t + "`?").orElse(""),
                        typo.map(t -> "rename it to " + t).orElse("use hide: or feature:")));
            }
        }
        List<Curation.Hide> hides = new ArrayList<>();
        for (YamlNode h : list(root, "hide", shown)) {
            hide(h, shown).ifPresent(hides::add);
        }
        List<Curation.Feature> features = new ArrayList<>();
        for (YamlNode f : list(root, "feature", shown)) {
            YamlNode linkNode = f.isMap() ? f.get("link").orElse(f) : f;
            Optional<URI> link = linkNode.isScalar() ? linkNode.text().map(String::strip).flatMap(UrlPolicy::parseWeb)
                    : Optional.empty();
            if (link.isEmpty()) {
                errors.add(Problem.error(shown, f.line(), f.column(), "a feature must be the address of a member's post",
                        "write the post's full address, e.g. - https://ann.example/2025/03/retrieval-starters/"));
            } else {
                features.add(new Curation.Feature(link.get(), f.line(), f.column()));
            }
        }
        return new Curation(Optional.of(shown), hides, features);
    }

    private List<YamlNode> list(YamlNode root, String key, Path shown) {
        Optional<YamlNode> node = root.get(key).filter(n -> !n.isNull());
        if (node.isEmpty()) {
            return List.of();
        }
        if (!node.get().isList()) {
            errors.add(Problem.error(shown, node.get().line(), node.get().column(), key + ": must be a list, one item a line starting with a dash",
                    "write it as:\n" + key + ":\n  - " + (key.equals("hide") ? "{ link: https://…, reason: \"…\" }" : "https://…")));
            return List.of();
        }
        return node.get().asList();
    }

    private Optional<Curation.Hide> hide(YamlNode h, Path shown) {
        String example = "- { link: https://bob.example/2025/old-post/, reason: \"Bob asked for it to be removed\" }";
        if (!h.isMap()) {
            errors.add(Problem.error(shown, h.line(), h.column(), "a hide must say what to hide and why",
                    "write it as " + example + " or - { member: dan, reason: \"…\" }"));
            return Optional.empty();
        }
        for (String k : h.asMap().keySet()) {
            if (!Set.of("link", "member", "reason").contains(k)) {
                Optional<String> typo = Suggestions.closest(k, Set.of("link", "member", "reason"));
                errors.add(Problem.error(shown, h.keyLine(k), h.keyColumn(k), "unknown setting \"" + k + "\" in a hide"
                        + typo.map(t -> "; did you mean `" + t + "`?").orElse(""),
                        typo.map(t -> "rename it to " + t).orElse("use link: or member:, and reason:")));
            }
        }
        Optional<String> reason = h.get("reason").flatMap(YamlNode::text).map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> link = h.get("link").flatMap(YamlNode::text).map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> member = h.get("member").flatMap(YamlNode::text).map(String::strip).filter(s -> !s.isEmpty());
        if (reason.isEmpty()) {
            errors.add(Problem.error(shown, h.line(), h.column(), "this hide has no reason",
                    "add reason: saying why, e.g. reason: \"the author asked for it to be removed\"; the health page shows it"));
        }
        if (link.isPresent() == member.isPresent()) {
            errors.add(Problem.error(shown, h.line(), h.column(), "a hide must name either link: (one post) or member: (all of a member's posts)",
                    "write " + example));
            return Optional.empty();
        }
        Optional<URI> uri = link.flatMap(UrlPolicy::parseWeb);
        if (link.isPresent() && uri.isEmpty()) {
            YamlNode n = h.get("link").get();
            errors.add(Problem.error(shown, n.line(), n.column(), "\"" + link.get() + "\" is not a web address",
                    "write the post's full address, starting with https://"));
            return Optional.empty();
        }
        return reason.map(r -> new Curation.Hide(uri, member, r, h.line(), h.column()));
    }

    private List<EditorialConfig.Declared> declared(YamlNode hub) {
        List<EditorialConfig.Declared> out = new ArrayList<>();
        Optional<YamlNode> members = hub.get("members").filter(YamlNode::isList);
        for (YamlNode m : members.map(YamlNode::asList).orElse(List.of())) {
            if (!m.isMap()) {
                continue;
            }
            String id = m.get("id").or(() -> m.get("name")).flatMap(YamlNode::text).map(String::strip)
                    .map(Subscription::slug).orElse("");
            Optional<YamlNode> t = m.get("topics").filter(n -> !n.isNull());
            if (t.isEmpty()) {
                continue;
            }
            List<YamlNode> items = t.get().isList() ? t.get().asList() : List.of(t.get());
            for (YamlNode item : items) {
                item.text().map(String::strip).filter(s -> !s.isEmpty())
                        .ifPresent(s -> out.add(new EditorialConfig.Declared(id, s, file, item.line(), item.column())));
            }
        }
        return out;
    }

    private void warnUnknownTopics(HubTopics topics, List<EditorialConfig.Declared> declared) {
        Map<String, String> index = topics.tagIndex();
        for (EditorialConfig.Declared d : declared) {
            if (topics.topicOf(d.topic()).isPresent()) {
                continue;
            }
            Optional<String> near = Suggestions.closest(HubTopics.normalise(d.topic()), index.keySet()).map(index::get);
            if (near.isEmpty()) {
                continue; // a topic of the member's own (the members page lists it), not a misspelt hub topic
            }
            warnings.add(Problem.warning(d.file(), d.line(), d.column(), "the topic \"" + d.topic()
                    + "\" is not one of the hub's topics" + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                    near.map(n -> "write " + n + ", or add \"" + d.topic() + "\" to its tags under hub.topics")
                            .orElse("add it to hub.topics (with the tags that mean it), or correct the spelling")));
        }
    }

    private void at(YamlNode node, String message, String hint) {
        errors.add(Problem.error(file, node.line(), node.column(), message, hint));
    }
}
