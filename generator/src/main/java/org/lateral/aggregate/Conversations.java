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
 * to their own post is not a conversation. Besides the links in its content, an entry's
 * {@link Entry#refersTo()} count: what its feed says it answers (RFC 4685 {@code thr:in-reply-to},
 * matched by the answered entry's id or page; {@code <link rel="in-reply-to">} or {@code "related"}),
 * the links of an excerpt-only member's content the hub does not keep, and the links of a
 * summary-only entry's own page ({@link ReplyPages}).
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
        Map<String, Entry> byId = new HashMap<>();
        for (Entry e : entries) {
            e.link().ifPresent(l -> byLink.putIfAbsent(EntryMerger.canonicalLink(l), e));
            byId.putIfAbsent(e.id(), e);
        }
        Map<String, List<Entry>> responses = new LinkedHashMap<>();
        Map<String, List<Entry>> answers = new LinkedHashMap<>();
        for (Entry response : entries) {
            if (response.contentHtml().isEmpty() && response.refersTo().isEmpty()) {
                continue;
            }
            List<String> refs = new ArrayList<>(response.refersTo());
            if (!response.contentHtml().isEmpty()) {
                refs.addAll(response.contentLinks()); // found once, when the feed was read (linksIn)
            }
            List<Entry> answered = new ArrayList<>();
            for (String ref : refs) {
                Optional<URI> href = UrlPolicy.parseWeb(ref);
                Entry target = href.map(h -> byLink.get(EntryMerger.canonicalLink(h))).orElse(byId.get(ref));
                if (target == null) {
                    target = byId.get(ref);
                }
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

    /**
     * The links of some sanitised HTML as conversations read them: every {@code <a href>}, its
     * address stripped of surrounding spaces, in the document's order ({@link Entry#contentLinks()}
     * keeps them, found once when a feed is read and kept in the hub's cache of read feeds).
     */
    public static List<String> linksIn(String html) {
        if (html.isEmpty()) {
            return List.of();
        }
        List<String> links = new ArrayList<>();
        for (Element a : Jsoup.parseBodyFragment(html).select("a[href]")) {
            links.add(a.attr("href").strip());
        }
        return List.copyOf(links);
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
