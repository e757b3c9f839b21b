package org.lateral.community;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lateral.Problem;
import org.lateral.config.YamlNode;

/**
 * Reads a post's {@code offer:} or {@code request:} block ({@link Swap}), each mistake a problem at
 * its line: a block that is not settings, both blocks on one post, an unknown setting, an
 * {@code until} that is not a date, a phase or format that is not one of the words (with the nearest
 * word suggested), no topics at all.
 */
public final class SwapParser {

    /** The front matter keys this reads. */
    public static final Set<String> KEYS = Set.of(Swap.OFFER, Swap.REQUEST);
    static final Set<String> BLOCK_KEYS = Set.of("topics", "until", "phase", "format");

    private SwapParser() {
    }

    /**
     * @param root the post's front matter
     * @param tags the post's tags, the topics of a block that names none
     */
    public static Optional<Swap> read(YamlNode root, List<String> tags, Path file, List<Problem> problems) {
        Optional<YamlNode> offer = root.get(Swap.OFFER);
        Optional<YamlNode> request = root.get(Swap.REQUEST);
        if (offer.isPresent() && request.isPresent()) {
            YamlNode second = root.keyLine(Swap.OFFER) > root.keyLine(Swap.REQUEST) ? offer.get() : request.get();
            String key = second == offer.get() ? Swap.OFFER : Swap.REQUEST;
            problems.add(Problem.error(file, root.keyLine(key), root.keyColumn(key),
                    "a post can be an offer or a request, not both",
                    "keep one of offer: and request:, and write the other as a post of its own"));
            return Optional.empty();
        }
        String kind = offer.isPresent() ? Swap.OFFER : Swap.REQUEST;
        Optional<YamlNode> found = offer.or(() -> request);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        YamlNode block = found.get();
        Blocks checks = new Blocks(file, problems);
        String name = "the " + kind;
        if (!block.isMap()) {
            if (block.isNull() || Boolean.TRUE.equals(block.value())) {
                checks.error(block.isNull() ? YamlNode.scalar(YamlNode.NULL, root.keyLine(kind), root.keyColumn(kind)) : block,
                        kind + ": needs its settings below it",
                        "write e.g.\n" + kind + ":\n  topics: [oracy]\n  until: 2030-07-20");
            } else {
                checks.error(block, kind + ": must hold settings such as topics: and until:, not a single value",
                        "write e.g.\n" + kind + ":\n  topics: [" + block.text().orElse("oracy") + "]\n  until: 2030-07-20");
            }
            return Optional.empty();
        }
        int before = problems.size();
        checks.unknownKeys(block, kind + ":", BLOCK_KEYS);
        List<String> topics = checks.topics(block, "topics", name);
        if (topics.isEmpty() && block.get("topics").filter(t -> !t.isNull() && (t.isScalar() || t.isList())).isEmpty()) {
            topics = tags;
        }
        if (topics.isEmpty() && problems.size() == before) {
            problems.add(Problem.error(file, root.keyLine(kind), root.keyColumn(kind),
                    name + " names no topics, and the post has no tags to use instead",
                    "add topics: [oracy] (what it is about) under " + kind + ":"));
        }
        var until = checks.day(block, "until", name);
        var phase = checks.word(block, "phase", name, Swap.PHASES, "a phase");
        var format = checks.word(block, "format", name, Swap.FORMATS, "a format");
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Swap(kind, topics, until, phase, format));
    }
}
