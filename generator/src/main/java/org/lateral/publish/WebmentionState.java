package org.lateral.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lateral.internal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Webmentions were sent, kept in {@code .lateral/webmentions.json} beside site.yaml (never in
 * the output), so a link is announced once, and a mention that failed is tried again at the next
 * publish. Commit the file with the site so that CI runs remember too.
 *
 * <pre>{@code
 * { "sent": { "https://me.example/2024/09/oracy/": { "https://colleague.example/talk/": "linked" } },
 *   "pending": [ { "source": "…", "target": "…", "linked": true } ] }
 * }</pre>
 */
final class WebmentionState {

    static final String FILE = ".lateral/webmentions.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** A mention to send: {@code linked} is false when the source no longer links to the target. */
    record Mention(String source, String target, boolean linked) {
    }

    private final Path file;
    private final Map<String, Map<String, Boolean>> sent = new TreeMap<>();
    private final Set<Mention> pending = new LinkedHashSet<>();

    private WebmentionState(Path file) {
        this.file = file;
    }

    static WebmentionState load(Path siteDir) {
        WebmentionState state = new WebmentionState(siteDir.resolve(FILE));
        if (!Files.isRegularFile(state.file)) {
            return state;
        }
        try {
            JsonNode root = JSON.readTree(state.file.toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("sent").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> source = it.next();
                for (Iterator<Map.Entry<String, JsonNode>> t = source.getValue().fields(); t.hasNext(); ) {
                    Map.Entry<String, JsonNode> target = t.next();
                    state.sent.computeIfAbsent(source.getKey(), k -> new TreeMap<>())
                            .put(target.getKey(), "linked".equals(target.getValue().asText()));
                }
            }
            for (JsonNode p : root.path("pending")) {
                state.pending.add(new Mention(p.path("source").asText(), p.path("target").asText(),
                        p.path("linked").asBoolean(true)));
            }
        } catch (IOException e) {
            // an unreadable state file is started afresh; at worst a mention is sent again
        }
        return state;
    }

    /** Whether this mention (with this link state) was already sent. */
    boolean wasSent(Mention m) {
        return Optional.ofNullable(sent.get(m.source())).map(t -> t.get(m.target()))
                .map(linked -> linked == m.linked()).orElse(false);
    }

    void sent(Mention m) {
        sent.computeIfAbsent(m.source(), k -> new TreeMap<>()).put(m.target(), m.linked());
        pending.remove(m);
    }

    void failed(Mention m) {
        pending.add(m);
    }

    Set<Mention> pending() {
        return Set.copyOf(pending);
    }

    void save() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode s = root.putObject("sent");
        sent.forEach((source, targets) -> {
            ObjectNode t = s.putObject(source);
            targets.forEach((target, linked) -> t.put(target, linked ? "linked" : "unlinked"));
        });
        ArrayNode p = root.putArray("pending");
        pending.forEach(m -> p.addObject().put("source", m.source()).put("target", m.target()).put("linked", m.linked()));
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file, e);
        }
    }
}
