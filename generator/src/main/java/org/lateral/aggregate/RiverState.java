package org.lateral.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lateral.internal.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the hub remembers between runs about each member's feed, for the joining and migration
 * guards ({@link Curator}): when the hub first read the feed, which entry ids it has seen, the
 * newest entry date, which entries it keeps off the river (and why), and the migrations it noticed.
 * Kept in {@code river-state.json} in the hub's cache folder, beside the fetch cache.
 *
 * <p>A missing file is a cold cache: the hub behaves as on its first run (every member is a
 * founding member, nothing is held back) and starts remembering. A damaged file is treated the
 * same way, and said so.
 *
 * @param existed  whether the file was there (false: the hub's first run, or a cold cache)
 * @param members  by member id
 */
public record RiverState(boolean existed, Map<String, MemberState> members) {

    /** The file's name in the cache folder. */
    public static final String FILE = "river-state.json";
    /** The most entry ids remembered per member (the oldest are forgotten first). */
    static final int MAX_SEEN = 2000;

    /** A member's entries held off the river: {@code join} (older entries when they joined) or {@code migration}. */
    public enum Held { JOIN, MIGRATION }

    /** One suspected blog migration: when, and how many old entries appeared at once. */
    public record Migration(Instant at, int count) {
    }

    /**
     * @param joined  when the hub first read the member's feed
     * @param newest  the newest entry date the hub has seen from it
     * @param seen    entry ids seen, oldest first
     * @param held    entry ids kept off the river and digest, and why
     * @param migrations suspected migrations, oldest first
     */
    public record MemberState(Instant joined, Instant newest, Set<String> seen, Map<String, Held> held,
                              List<Migration> migrations) {
        public MemberState {
            Objects.requireNonNull(joined, "joined");
            Objects.requireNonNull(newest, "newest");
            seen = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(seen));
            held = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(held));
            migrations = List.copyOf(migrations);
        }
    }

    public RiverState {
        members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** A cold cache: no file. */
    public static RiverState cold() {
        return new RiverState(false, Map.of());
    }

    public Optional<MemberState> member(String id) {
        return Optional.ofNullable(members.get(id));
    }

    /** Reads the state from the cache folder; a missing or unreadable file is a cold cache. */
    public static RiverState load(Path cacheDir) {
        Path file = cacheDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return cold();
        }
        try {
            JsonNode root = new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, MemberState> members = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.path("members").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode m = e.getValue();
                Set<String> seen = new LinkedHashSet<>();
                m.path("seen").forEach(n -> seen.add(n.asText()));
                Map<String, Held> held = new LinkedHashMap<>();
                m.path("held").fields().forEachRemaining(h -> held.put(h.getKey(), Held.valueOf(h.getValue().asText())));
                List<Migration> migrations = new ArrayList<>();
                m.path("migrations").forEach(n -> migrations.add(new Migration(Instant.parse(n.path("at").asText()),
                        n.path("count").asInt())));
                members.put(e.getKey(), new MemberState(Instant.parse(m.path("joined").asText()),
                        Instant.parse(m.path("newest").asText()), seen, held, migrations));
            }
            return new RiverState(true, members);
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            return cold();
        }
    }

    /** Writes the state into the cache folder (whole or not at all). */
    public void save(Path cacheDir) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("version", 1);
        ObjectNode ms = root.putObject("members");
        members.forEach((id, m) -> {
            ObjectNode node = ms.putObject(id);
            node.put("joined", m.joined().toString());
            node.put("newest", m.newest().toString());
            ArrayNode seen = node.putArray("seen");
            m.seen().forEach(seen::add);
            ObjectNode held = node.putObject("held");
            m.held().forEach((k, v) -> held.put(k, v.name()));
            ArrayNode migrations = node.putArray("migrations");
            m.migrations().forEach(g -> migrations.addObject().put("at", g.at().toString()).put("count", g.count()));
        });
        try {
            AtomicFiles.write(cacheDir.resolve(FILE), json.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write " + cacheDir.resolve(FILE), e);
        }
    }
}
