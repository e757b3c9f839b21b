package org.lateral.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lateral.internal.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The weeks whose digest was sent, in the hub's cache folder ({@code digest-sent.json}: week →
 * when and to how many addresses), so the same week is not sent twice by mistake.
 */
final class SentWeeks {

    static final String FILE = "digest-sent.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    SentWeeks(Path cacheDir) {
        this.file = cacheDir.resolve(FILE);
    }

    /** When the week was sent, if it was. */
    Optional<Instant> sent(String week) {
        return read().map(r -> r.path(week).path("sent")).filter(JsonNode::isTextual).flatMap(n -> {
            try {
                return Optional.of(Instant.parse(n.asText()));
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** To how many addresses the week was sent, if it was. */
    Optional<Integer> addresses(String week) {
        return read().map(r -> r.path(week).path("addresses")).filter(JsonNode::isInt).map(JsonNode::asInt);
    }

    /** The file the weeks are noted in. */
    Path file() {
        return file;
    }

    void remember(String week, Instant when, int addresses) {
        ObjectNode root = read().filter(JsonNode::isObject).map(n -> (ObjectNode) n).orElseGet(JSON::createObjectNode);
        root.putObject(week).put("sent", when.toString()).put("addresses", addresses);
        try {
            AtomicFiles.write(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remember the sent digest in " + file, e);
        }
    }

    private Optional<JsonNode> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            return Optional.empty(); // a damaged record: sending asks again next time, never silently twice
        }
    }
}
