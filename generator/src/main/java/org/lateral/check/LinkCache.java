package org.lateral.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lateral.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What outside links answered last time ({@code links.json} in the cache folder, never the output
 * folder), so that a second run within {@code cacheFor} asks no server again. Only clear answers are
 * kept (working, moved, broken); "could not be checked" is asked again next time. A cache file
 * that cannot be read is ignored.
 */
final class LinkCache {

    static final String FILE = "links.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Duration cacheFor;
    private final Instant now;
    private final Map<String, ExternalLinks.Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Instant> times = new ConcurrentHashMap<>();

    LinkCache(Path folder, Duration cacheFor, Instant now) {
        this.file = folder.resolve(FILE);
        this.cacheFor = cacheFor;
        this.now = now;
        if (cacheFor.isZero() || cacheFor.isNegative() || !Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode n = e.getValue();
                Instant at = Instant.ofEpochSecond(n.path("checked").asLong());
                ExternalLinks.Outcome outcome = ExternalLinks.Outcome.valueOf(n.path("outcome").asText("UNCHECKED"));
                answers.put(e.getKey(), new ExternalLinks.Answer(outcome, n.path("status").asInt(),
                        n.path("movedTo").asText(""), ""));
                times.put(e.getKey(), at);
            }
        } catch (IOException | IllegalArgumentException e) {
            answers.clear();
            times.clear();
        }
    }

    Optional<ExternalLinks.Answer> get(String uri) {
        Instant at = times.get(uri);
        if (at == null || at.plus(cacheFor).isBefore(now) || at.isAfter(now.plusSeconds(60))) {
            return Optional.empty();
        }
        return Optional.ofNullable(answers.get(uri));
    }

    void put(String uri, ExternalLinks.Answer answer) {
        if (answer.outcome() == ExternalLinks.Outcome.UNCHECKED) {
            return;
        }
        answers.put(uri, answer);
        times.put(uri, now);
    }

    /** Drops what this run learnt about an address (an answer that says more about this machine than the link). */
    void forget(String uri) {
        if (now.equals(times.get(uri))) {
            answers.remove(uri);
            times.remove(uri);
        }
    }

    /** Writes the cache (atomically); a cache that cannot be written is not a problem for the check. */
    void save() {
        if (cacheFor.isZero() || cacheFor.isNegative()) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        answers.keySet().stream().sorted().forEach(uri -> {
            ExternalLinks.Answer a = answers.get(uri);
            ObjectNode n = root.putObject(uri);
            n.put("checked", times.get(uri).getEpochSecond());
            n.put("outcome", a.outcome().name());
            n.put("status", a.status());
            if (!a.movedTo().isEmpty()) {
                n.put("movedTo", a.movedTo());
            }
        });
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            // the next run checks again
        }
    }
}
