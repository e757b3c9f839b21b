package org.lateral.aggregate;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.lateral.safety.UrlPolicy;

/**
 * The network's conversations: an entry whose content links to another member's entry is a
 * response to it. Links are compared in their canonical form ({@link EntryMerger#canonicalLink}:
 * scheme, {@code www.}, trailing slash, fragment and tracking parameters ignored). A member linking
 * to their own post is not a conversation. Excerpt-only members' entries carry no content, so only
 * their summaries could link, and summaries are plain text: their responses are not found.
 *
 * <pre>{@code
 * Conversations c = Conversations.of(entries);
 * c.responsesTo(annsPost);   // Bob's and Cat's posts that link to it, oldest first
 * c.inReplyTo(bobsPost);     // Ann's post
 * }</pre>
 */
public final class Conversations {

    /** None at all. */
    public static final Conversations NONE = new Conversations(Map.of(), Map.of());

    private final Map<String, List<Entry>> responses;
    private final Map<String, List<Entry>> answers;

    private Conversations(Map<String, List<Entry>> responses, Map<String, List<Entry>> answers) {
        this.responses = responses;
        this.answers = answers;
    }

    /** Finds every response among these entries (each member's own, without hidden ones). */
    public static Conversations of(List<Entry> entries) {
        Map<String, Entry> byLink = new HashMap<>();
        for (Entry e : entries) {
            e.link().ifPresent(l -> byLink.putIfAbsent(EntryMerger.canonicalLink(l), e));
        }
        Map<String, List<Entry>> responses = new LinkedHashMap<>();
        Map<String, List<Entry>> answers = new LinkedHashMap<>();
        for (Entry response : entries) {
            if (response.contentHtml().isEmpty()) {
                continue;
            }
            List<Entry> answered = new ArrayList<>();
            for (Element a : Jsoup.parseBodyFragment(response.contentHtml()).select("a[href]")) {
                Optional<URI> href = UrlPolicy.parseWeb(a.attr("href").strip());
                Entry target = href.map(h -> byLink.get(EntryMerger.canonicalLink(h))).orElse(null);
                if (target != null && !target.memberId().equals(response.memberId()) && !answered.contains(target)) {
                    answered.add(target);
                }
            }
            for (Entry target : answered) {
                responses.computeIfAbsent(key(target), k -> new ArrayList<>()).add(response);
                answers.computeIfAbsent(key(response), k -> new ArrayList<>()).add(target);
            }
        }
        responses.replaceAll((k, v) -> v.stream().sorted(EntryMerger.NEWEST_FIRST.reversed()).toList());
        answers.replaceAll((k, v) -> List.copyOf(v));
        return new Conversations(Collections.unmodifiableMap(responses), Collections.unmodifiableMap(answers));
    }

    private static String key(Entry e) {
        return e.memberId() + "\u0000" + e.id();
    }

    /** The other members' entries that link to this one, oldest first. */
    public List<Entry> responsesTo(Entry entry) {
        return responses.getOrDefault(key(entry), List.of());
    }

    /** The other members' entries this one links to: what it answers. */
    public List<Entry> inReplyTo(Entry entry) {
        return answers.getOrDefault(key(entry), List.of());
    }

    /** How many entries answer another. */
    public int size() {
        return answers.size();
    }
}
