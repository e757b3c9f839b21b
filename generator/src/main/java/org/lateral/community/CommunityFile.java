package org.lateral.community;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Writes and reads {@code community.json} ({@link CommunityData}; the format is in
 * {@code docs/community.md}). Reading is for the hub, and trusts nothing: a file that is not JSON,
 * not an object or of another version is refused as a whole; then every item is checked on its
 * own and one that is wrong is left out with a note (a title that is not text, an address that is
 * not {@code http(s)} or not on a host the caller allows, a date that is not a date, a phase that is
 * not one of the words). Text loses control characters and is cut to {@link #MAX_TEXT} characters;
 * at most {@link #MAX_ITEMS} offers, requests and topics each are read.
 */
public final class CommunityFile {

    /** The file's name at the site's root. */
    public static final String FILE = "community.json";
    /** Its media type, by which a feed's link names it. */
    public static final String MEDIA_TYPE = "application/vnd.lateral.community+json";
    static final int MAX_ITEMS = 100;
    static final int MAX_TOPICS = 20;
    static final int MAX_TEXT = 200;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(20).maxStringLength(100_000).build())
            .build()).enable(SerializationFeature.INDENT_OUTPUT);

    private CommunityFile() {
    }

    /** What a read kept, and a line for each thing it left out. */
    public record Read(Optional<CommunityData> data, List<String> problems) {
        public Read {
            problems = List.copyOf(problems);
        }
    }

    public static byte[] write(CommunityData data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", CommunityData.VERSION);
        root.put("generator", "Lateral");
        root.put("title", data.title());
        root.put("site", data.site().toString());
        root.put("updated", data.updated().truncatedTo(ChronoUnit.SECONDS).toString());
        data.swapShop().ifPresent(u -> root.put("swapShop", u.toString()));
        items(root.putArray("offers"), data.offers());
        items(root.putArray("requests"), data.requests());
        data.mentoring().ifPresent(m -> {
            ObjectNode p = root.putObject("mentoring");
            p.put("url", m.url().toString());
            m.offers().forEach(p.putArray("offers")::add);
            m.seeks().forEach(p.putArray("seeks")::add);
            m.phase().ifPresent(v -> p.put("phase", v));
            m.until().ifPresent(v -> p.put("until", v.toString()));
        });
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + FILE, e);
        }
    }

    private static void items(ArrayNode array, List<CommunityData.Item> items) {
        for (CommunityData.Item i : items) {
            ObjectNode o = array.addObject();
            o.put("title", i.title());
            o.put("url", i.url().toString());
            i.topics().forEach(o.putArray("topics")::add);
            i.until().ifPresent(v -> o.put("until", v.toString()));
            i.phase().ifPresent(v -> o.put("phase", v));
            i.format().ifPresent(v -> o.put("format", v));
            i.published().ifPresent(v -> o.put("published", v.truncatedTo(ChronoUnit.SECONDS).toString()));
        }
    }

    /**
     * Reads a member's file.
     *
     * @param allowed the addresses a link in the file may have (the member's own hosts)
     */
    public static Read read(byte[] body, Predicate<URI> allowed) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            return refused("it is not JSON");
        }
        if (root == null || !root.isObject()) {
            return refused("it is not a JSON object");
        }
        if (!root.path("version").isInt() || root.path("version").asInt() != CommunityData.VERSION) {
            return refused("its version is " + text(root.path("version")).orElse("missing") + ", and this hub reads version "
                    + CommunityData.VERSION);
        }
        String title = text(root.path("title")).orElse("");
        Optional<URI> site = link(root.path("site"), allowed);
        if (site.isEmpty()) {
            return refused("its site address is missing or not on the member's own site");
        }
        Instant updated = Optional.of(root.path("updated")).filter(JsonNode::isTextual).flatMap(n -> instant(n.asText()))
                .orElse(Instant.EPOCH);
        Optional<URI> swapShop = root.has("swapShop") ? link(root.path("swapShop"), allowed) : Optional.empty();
        List<CommunityData.Item> offers = items(root.path("offers"), "offer", allowed, problems);
        List<CommunityData.Item> requests = items(root.path("requests"), "request", allowed, problems);
        Optional<CommunityData.Profile> mentoring = Optional.empty();
        JsonNode m = root.path("mentoring");
        if (m.isObject()) {
            Optional<URI> url = link(m.path("url"), allowed);
            List<String> mOffers = topics(m.path("offers"));
            List<String> mSeeks = topics(m.path("seeks"));
            Optional<String> phase = word(m.path("phase"), Swap.PHASES);
            Optional<LocalDate> until = day(m.path("until"));
            if (url.isEmpty()) {
                problems.add("the mentoring profile was left out: its address is missing or not on the member's own site");
            } else if (m.has("phase") && phase.isEmpty() || m.has("until") && until.isEmpty()) {
                problems.add("the mentoring profile was left out: its phase or until is not valid");
            } else if (!mOffers.isEmpty() || !mSeeks.isEmpty()) {
                mentoring = Optional.of(new CommunityData.Profile(url.get(), mOffers, mSeeks, phase, until));
            }
        } else if (!m.isMissingNode() && !m.isNull()) {
            problems.add("the mentoring profile was left out: it is not an object");
        }
        return new Read(Optional.of(new CommunityData(title, site.get(), updated, swapShop, offers, requests, mentoring)),
                problems);
    }

    private static Read refused(String why) {
        return new Read(Optional.empty(), List.of("the community file was not read: " + why));
    }

    private static List<CommunityData.Item> items(JsonNode array, String what, Predicate<URI> allowed,
            List<String> problems) {
        List<CommunityData.Item> out = new ArrayList<>();
        if (array.isMissingNode() || array.isNull()) {
            return out;
        }
        if (!array.isArray()) {
            problems.add("its " + what + "s were left out: not a list");
            return out;
        }
        int n = 0;
        for (JsonNode i : array) {
            if (++n > MAX_ITEMS) {
                problems.add("only the first " + MAX_ITEMS + " " + what + "s were read");
                break;
            }
            Optional<String> title = text(i.path("title")).filter(t -> !t.isEmpty());
            Optional<URI> url = link(i.path("url"), allowed);
            List<String> topics = topics(i.path("topics"));
            Optional<LocalDate> until = day(i.path("until"));
            Optional<String> phase = word(i.path("phase"), Swap.PHASES);
            Optional<String> format = word(i.path("format"), Swap.FORMATS);
            String why = !i.isObject() ? "not an object" : title.isEmpty() ? "it has no title"
                    : url.isEmpty() ? "its address is missing or not on the member's own site"
                    : topics.isEmpty() ? "it names no topics"
                    : i.has("until") && until.isEmpty() ? "its until is not a date"
                    : i.has("phase") && phase.isEmpty() ? "its phase is not one of " + String.join(", ", Swap.PHASES)
                    : i.has("format") && format.isEmpty() ? "its format is not one of " + String.join(", ", Swap.FORMATS)
                    : "";
            if (!why.isEmpty()) {
                problems.add("an " + what + (title.map(t -> " (\"" + t + "\")").orElse("")) + " was left out: " + why);
                continue;
            }
            Optional<Instant> published = Optional.of(i.path("published")).filter(JsonNode::isTextual)
                    .flatMap(p -> instant(p.asText()));
            out.add(new CommunityData.Item(title.get(), url.get(), topics, until, phase, format, published));
        }
        return out;
    }

    private static List<String> topics(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (!array.isArray()) {
            return out;
        }
        for (JsonNode t : array) {
            text(t).filter(s -> !s.isEmpty()).filter(s -> out.stream().noneMatch(s::equalsIgnoreCase))
                    .ifPresent(out::add);
            if (out.size() == MAX_TOPICS) {
                break;
            }
        }
        return out;
    }

    /** Plain text on one line: control characters become spaces, runs of spaces one, at most {@link #MAX_TEXT} characters. */
    static Optional<String> text(JsonNode node) {
        if (!node.isTextual() && !node.isNumber()) {
            return Optional.empty();
        }
        String raw = node.asText();
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_TEXT));
        raw.codePoints().map(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || Character.getType(c) == Character.FORMAT ? ' ' : c).forEach(out::appendCodePoint);
        String clean = out.toString().replaceAll("\\s+", " ").strip();
        if (clean.length() > MAX_TEXT) {
            int cut = Character.isHighSurrogate(clean.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
            clean = clean.substring(0, cut).strip() + "…";
        }
        return Optional.of(clean);
    }

    private static Optional<URI> link(JsonNode node, Predicate<URI> allowed) {
        if (!node.isTextual() || node.asText().length() > 2000) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(node.asText().strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!Set.of("http", "https").contains(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !allowed.test(uri)) {
                return Optional.empty();
            }
            return Optional.of(uri.normalize());
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> day(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(node.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> word(JsonNode node, List<String> allowed) {
        return node.isTextual() && allowed.contains(node.asText()) ? Optional.of(node.asText()) : Optional.empty();
    }
}
