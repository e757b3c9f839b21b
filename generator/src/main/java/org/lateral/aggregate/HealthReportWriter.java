package org.lateral.aggregate;

import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The feed-health report as JSON, for scripts and monitoring. The shape is built by hand (not
 * bound from the records) so it stays stable whatever the records become:
 *
 * <pre>{@code
 * {
 *   "generated": "2025-03-01T07:00:00Z",
 *   "feeds": 12, "ok": 11, "failed": 1,
 *   "subscriptions": [
 *     { "member": "ann-teacher", "name": "Ann Teacher", "feed": "https://ann.example/feed.xml",
 *       "status": "timed-out", "ok": false, "message": "timed out after 10 s", "fix": "…",
 *       "entries": 8, "fromLastGoodFetch": true, "lastGoodFetch": "2025-02-28T07:00:04Z",
 *       "checked": "2025-03-01T07:00:00Z", "elapsedMillis": 10003 }
 *   ]
 * }
 * }</pre>
 * {@code httpStatus}, {@code line} and {@code movedTo} appear only when they apply. Titles,
 * names and messages are plain text; JSON escaping is Jackson's.
 *
 * <p>Stateless and thread-safe.
 */
public final class HealthReportWriter {

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson(HealthReport report) {
        Objects.requireNonNull(report, "report");
        ObjectNode root = json.createObjectNode();
        root.put("generated", report.generated().toString());
        root.put("feeds", report.feeds().size());
        root.put("ok", report.okCount());
        root.put("failed", report.failedCount());
        ArrayNode notes = root.putArray("notes");
        for (HealthReport.Note note : report.notes()) {
            notes.addObject().put("member", note.memberId()).put("name", note.memberName())
                    .put("message", note.message()).put("fix", note.fix());
        }
        ArrayNode subscriptions = root.putArray("subscriptions");
        for (FeedReport feed : report.feeds()) {
            ObjectNode node = subscriptions.addObject();
            node.put("member", feed.memberId());
            node.put("name", feed.memberName());
            node.put("feed", feed.feed());
            node.put("status", feed.status().kind().code());
            node.put("ok", feed.isSuccess());
            node.put("message", feed.status().message());
            node.put("fix", feed.status().fix());
            if (feed.status().httpCode() > 0) {
                node.put("httpStatus", feed.status().httpCode());
            }
            if (feed.status().line() > 0) {
                node.put("line", feed.status().line());
            }
            node.put("entries", feed.entryCount());
            node.put("fromLastGoodFetch", feed.fromLastGoodFetch());
            feed.lastGoodFetch().ifPresentOrElse(t -> node.put("lastGoodFetch", t.toString()),
                    () -> node.putNull("lastGoodFetch"));
            node.put("checked", feed.checked().toString());
            node.put("elapsedMillis", feed.elapsed().toMillis());
            feed.movedTo().ifPresent(u -> node.put("movedTo", u.toString()));
        }
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serialises", e);
        }
    }
}
