package org.lateral.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Optional;

/**
 * {@code digest/digest.json}: which week the hub's latest digest is (its ISO week, first and last
 * day, how many posts from how many members) and the e-mail's subject, beside the digest's
 * {@code email.html} and {@code digest.txt}; what {@code lateral digest send} reads.
 */
public final class DigestFile {

    public static final String FILE = "digest.json";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DigestFile() {
    }

    /** What the file says. */
    public record Week(String week, LocalDate start, LocalDate end, int posts, int members, String subject) {
    }

    /** {@code 2030-W09}: the ISO week a digest covers. */
    public static String isoWeek(Digest d) {
        LocalDate day = d.start().toLocalDate();
        return day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format(java.util.Locale.ROOT, "%02d",
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static String write(Digest d, String subject) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("week", isoWeek(d));
        root.put("start", d.start().toLocalDate().toString());
        root.put("end", d.lastDay().toLocalDate().toString());
        root.put("posts", d.count());
        root.put("members", d.sections().size());
        root.put("subject", subject);
        root.put("email", "email.html");
        root.put("text", "digest.txt");
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + FILE, e);
        }
    }

    /** Reads the file a hub run wrote; empty when it is not one. */
    public static Optional<Week> read(byte[] body) {
        try {
            JsonNode root = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            if (root == null || root.path("version").asInt() != VERSION || !root.path("week").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new Week(root.path("week").asText(), LocalDate.parse(root.path("start").asText()),
                    LocalDate.parse(root.path("end").asText()), root.path("posts").asInt(), root.path("members").asInt(),
                    root.path("subject").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
