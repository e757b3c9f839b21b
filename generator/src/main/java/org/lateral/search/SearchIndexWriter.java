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
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("version", 1);
            List<Page> all = new ArrayList<>(site.posts());
            all.addAll(site.pages());
            site.events().forEach(e -> all.add(e.page()));
            List<List<String>> entries = all.parallelStream().map(words).toList();
            Set<String> common = common(entries);
            g.writeArrayFieldStart("common");
            for (String w : new TreeSet<>(common)) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("docs");
            for (int i = 0; i < all.size(); i++) {
                List<String> own = entries.get(i).stream().filter(w -> !common.contains(w)).toList();
                doc(g, all.get(i), own, site.basePath());
            }
            g.writeEndArray();
            g.writeEndObject();
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
        if (words.size() < COMMON_MIN_DOCS) {
            return Set.of();
        }
        java.util.Map<String, Integer> df = new java.util.HashMap<>();
        words.forEach(list -> list.forEach(w -> df.merge(w, 1, Integer::sum)));
        Set<String> out = new HashSet<>();
        df.forEach((w, n) -> {
            if (n * 2 > words.size()) {
                out.add(w);
            }
        });
        return out;
    }

    /** The body's distinct useful words, sorted, without those a title, tag or longer word already covers. */
    public static List<String> words(Page p) {
        Set<String> covered = new HashSet<>(Words.of(p.title()));
        p.tags().forEach(t -> covered.addAll(Words.of(t.name())));
        TreeSet<String> all = new TreeSet<>();
        for (String w : Words.of(Words.plainText(p.content()))) {
            if (Words.useful(w) && !covered.contains(w)) {
                all.add(w);
            }
        }
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
