package org.lateral.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
import org.lateral.site.Page;
import org.lateral.site.Site;
import org.lateral.site.TermRef;

/**
 * Writes a site's search index, read by the default theme's {@code search.js}. One entry per post
 * (newest first) then per page:
 *
 * <pre>{@code
 * {"version":1,"common":["lesson","students"],
 *  "docs":[{"title":"Oracy in Year 7","url":"2024/03/oracy/","date":"2024-03-05",
 *   "tags":["Oracy"],"snippet":"What happened when…","words":"assessment debate talk…"}]}
 * }</pre>
 *
 * <p>{@code url} is relative to the site's root (no base path), so the index works wherever the
 * site is served from, {@code file://} included. {@code words} holds each distinct word of the
 * body once, folded as {@link Words} does, leaving out stop words, words already in the title or
 * tags, words that begin another word of the same post (a prefix search for {@code assess}
 * finds {@code assessment}), and the {@linkplain #common common} words, listed once. Stateless
 * and thread-safe.
 */
public final class SearchIndexWriter {

    /** The index file, at the root of the output folder. */
    public static final String FILE = "search-index.json";
    /** The same index as a script setting {@code window.lateralSearchIndex}, for pages opened from file://. */
    public static final String SCRIPT_FILE = "search-index.js";

    static final int SNIPPET_LENGTH = 160;
    static final int MAX_WORDS = 2_000;
    static final int COMMON_MIN_DOCS = 50;

    private static final JsonFactory JSON = new JsonFactory();

    private SearchIndexWriter() {
    }

    /** The index as JSON, UTF-8. */
    public static byte[] json(Site site) {
        return json(site, SearchIndexWriter::words);
    }

    /**
     * The index as JSON, with each entry's words from {@code words} (a build session passes a
     * cache of {@link #words(Page)} by content, so a rebuild folds only the posts that changed).
     */
    public static byte[] json(Site site, java.util.function.Function<Page, List<String>> words) {
        return json(site, words, new Memory());
    }

    /**
     * What the last index of a build session was made of, so that the next one writes again only
     * the entries of pages that changed: each entry's JSON, by page and words (both compared by
     * identity: a session keeps unchanged pages and their words as the same objects), while the
     * common words stay the same, and the count of entries holding each word, updated by the
     * entries that changed. Used by one build at a time.
     */
    public static final class Memory {
        /** False for {@link #none()}: nothing is kept (a one-shot build's words go once the index is written). */
        private final boolean keeps;
        private List<Page> pages = List.of();
        private List<List<String>> entries = List.of();
        private Map<String, Integer> df = Map.of();
        private Set<String> common = Set.of();
        private List<byte[]> docs = List.of();
        private String basePath = "";

        /** How many pages' words and entries are kept for the next index (for tests). */
        int entriesHeld() {
            return docs.size();
        }

        /** A memory that keeps the last index's entries for the next one. */
        public Memory() {
            this(true);
        }

        private Memory(boolean keeps) {
            this.keeps = keeps;
        }

        /**
         * A memory that keeps nothing: for a build with no next one, so that every page's words
         * and entry can be let go as soon as the index is written rather than at the build's end.
         */
        public static Memory none() {
            return new Memory(false);
        }
    }

    /** As {@link #json(Site, java.util.function.Function)}, reusing and updating {@code memory}. */
    public static byte[] json(Site site, java.util.function.Function<Page, List<String>> words, Memory memory) {
        synchronized (memory) {
            return write(site, words, memory);
        }
    }

    private static byte[] write(Site site, java.util.function.Function<Page, List<String>> words, Memory memory) {
        List<Page> all = new ArrayList<>(site.posts());
        all.addAll(site.pages());
        site.events().forEach(e -> all.add(e.page()));
        List<List<String>> entries = all.parallelStream().map(words).toList();
        boolean sameShape = memory.pages.size() == all.size() && memory.basePath.equals(site.basePath());
        Map<String, Integer> df;
        if (sameShape) {
            df = new HashMap<>(memory.df);
            for (int i = 0; i < all.size(); i++) {
                if (memory.entries.get(i) != entries.get(i)) {
                    memory.entries.get(i).forEach(w -> df.merge(w, -1, (a, b) -> a + b == 0 ? null : a + b));
                    entries.get(i).forEach(w -> df.merge(w, 1, Integer::sum));
                }
            }
        } else {
            df = new HashMap<>();
            entries.forEach(list -> list.forEach(w -> df.merge(w, 1, Integer::sum)));
        }
        Set<String> common = common(df, entries.size());
        boolean reuse = sameShape && common.equals(memory.common);
        // A memory that keeps nothing (a one-shot build) writes each entry straight into the index:
        // no entry is held as bytes of its own (at 100,000 posts they were 70 MB beside the index)
        List<byte[]> docs = !memory.keeps ? null : java.util.stream.IntStream.range(0, all.size()).parallel().mapToObj(i -> {
            if (reuse && memory.pages.get(i) == all.get(i) && memory.entries.get(i) == entries.get(i)) {
                return memory.docs.get(i);
            }
            return doc(all.get(i), own(entries.get(i), common), site.basePath());
        }).toList();
        // {"version":1,"common":[...],"docs":[doc,doc,...]}: the head by Jackson, each entry's UTF-8
        // bytes (kept from the last index when the same) copied after it
        ByteArrayOutputStream head = new ByteArrayOutputStream(docs == null ? 64 * 1024 + all.size() * 800 : 16 * 1024);
        try (JsonGenerator g = JSON.createGenerator(head)) {
            g.writeStartObject();
            g.writeNumberField("version", 1);
            g.writeArrayFieldStart("common");
            for (String w : new TreeSet<>(common)) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("docs");
            if (docs == null) {
                for (int i = 0; i < all.size(); i++) {
                    doc(g, all.get(i), own(entries.get(i), common), site.basePath());
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index", e);
        }
        if (docs == null) {
            return head.toByteArray(); // a one-shot build's index, its entries written into it
        }
        byte[] start = head.toByteArray(); // ends with ]}: the docs go before them
        int size = start.length + Math.max(0, docs.size() - 1); // a comma between entries
        for (byte[] d : docs) {
            size += d.length;
        }
        byte[] index = new byte[size];
        int at = start.length - 2;
        System.arraycopy(start, 0, index, 0, at);
        for (int i = 0; i < docs.size(); i++) {
            if (i > 0) {
                index[at++] = ',';
            }
            byte[] d = docs.get(i);
            System.arraycopy(d, 0, index, at, d.length);
            at += d.length;
        }
        index[at++] = ']';
        index[at] = '}';
        memory.pages = all;
        memory.entries = entries;
        memory.df = df;
        memory.common = common;
        memory.docs = docs;
        memory.basePath = site.basePath();
        return index;
    }

    /** An entry's words but the common ones (written once for the whole index). */
    private static List<String> own(List<String> words, Set<String> common) {
        return words.stream().filter(w -> !common.contains(w)).toList();
    }

    /** One entry as JSON, UTF-8. */
    private static byte[] doc(Page p, List<String> words, String basePath) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            doc(g, p, words, basePath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index", e);
        }
        return out.toByteArray();
    }

    /** The index as a script for {@code <script src>}, which works where {@code fetch} of file:// does not. */
    public static byte[] script(byte[] json) {
        byte[] head = "window.lateralSearchIndex=".getBytes(StandardCharsets.UTF_8);
        byte[] tail = ";\n".getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + json.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(json, 0, out, head.length, json.length);
        System.arraycopy(tail, 0, out, head.length + json.length, tail.length);
        return out;
    }

    private static void doc(JsonGenerator g, Page p, List<String> words, String basePath) throws IOException {
        g.writeStartObject();
        g.writeStringField("title", p.title());
        g.writeStringField("url", p.url().startsWith(basePath) ? p.url().substring(basePath.length()) : p.url());
        if (p.isPost() || p.isEvent()) { // an event's date is its start
            g.writeStringField("date", p.date().format(DateTimeFormatter.ISO_LOCAL_DATE));
        }
        g.writeArrayFieldStart("tags");
        for (TermRef t : p.tags()) {
            g.writeString(t.name());
        }
        g.writeEndArray();
        g.writeStringField("snippet", Words.snippet(p.description(), SNIPPET_LENGTH));
        if (p.params().get("lang") instanceof String lang && !lang.isBlank()) {
            g.writeStringField("lang", lang.strip()); // the page marks the result's language (lang=)
        }
        g.writeStringField("words", String.join(" ", words));
        g.writeEndObject();
    }

    /**
     * Words in more than half of the entries of an index of at least {@value #COMMON_MIN_DOCS}:
     * written once, not in each entry. They tell posts apart too little to be worth their bytes
     * (on the benchmark corpus they are half of the index); the script treats them as present
     * in every entry.
     */
    static Set<String> common(List<List<String>> words) {
        java.util.Map<String, Integer> df = new java.util.HashMap<>();
        words.forEach(list -> list.forEach(w -> df.merge(w, 1, Integer::sum)));
        return common(df, words.size());
    }

    /** The common words, from how many of {@code entries} entries hold each word. */
    private static Set<String> common(Map<String, Integer> df, int entries) {
        if (entries < COMMON_MIN_DOCS) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        df.forEach((w, n) -> {
            if (n * 2 > entries) {
                out.add(w);
            }
        });
        return out;
    }

    /** The body's distinct useful words, sorted, without those a title, tag or longer word already covers. */
    /**
     * The same words, each the one instance {@code shared} holds for it: posts share a vocabulary, so
     * a build's index holds each word once instead of once per post (at 100,000 posts the words of
     * every entry, all held while the index is written, were the build's largest part).
     */
    public static List<String> words(Page p, java.util.concurrent.ConcurrentMap<String, String> shared) {
        List<String> out = words(p);
        for (int i = 0; i < out.size(); i++) {
            String w = out.get(i);
            String known = shared.putIfAbsent(w, w);
            if (known != null) {
                out.set(i, known);
            }
        }
        return out;
    }

    public static List<String> words(Page p) {
        Set<String> covered = new HashSet<>(Words.of(p.title()));
        p.tags().forEach(t -> covered.addAll(Words.of(t.name())));
        Set<String> distinct = new HashSet<>(); // a body repeats its words: sorted once they are distinct
        for (String w : Words.of(Words.plainText(p.content()))) {
            if (Words.useful(w) && !covered.contains(w)) {
                distinct.add(w);
            }
        }
        List<String> all = new ArrayList<>(distinct);
        java.util.Collections.sort(all);
        List<String> out = new ArrayList<>(Math.min(all.size(), MAX_WORDS));
        String prev = null;
        for (String w : all) {
            if (prev != null && !w.startsWith(prev)) {
                out.add(prev);
            }
            prev = w;
        }
        if (prev != null) {
            out.add(prev);
        }
        return out.size() > MAX_WORDS ? out.subList(0, MAX_WORDS) : out;
    }
}
